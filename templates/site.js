// site.js: draws the charts, makes the columns of tables sortable and
// filters the findings list. Every page reads fully without it: each chart
// has its data table, and every table lists every row in its order.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  // Numbers as the site writes them (i18n.Number): thousands separators,
  // at most two decimals.
  var number = function (v) {
    if (typeof v !== "number" || !isFinite(v)) return v;
    return v.toLocaleString("en-US", { maximumFractionDigits: 2 });
  };

  // Charts: each .chart-canvas names its renderer in data-echarts; its
  // option is the JSON in the <script type="application/json"> whose id is
  // the canvas's id followed by "-option". The tooltip writes values as
  // the labels and the table do.
  var charts = [];
  if (window.echarts) {
    document.querySelectorAll(".chart-canvas[data-echarts]").forEach(function (el) {
      var src = document.getElementById(el.id + "-option");
      if (!src) return;
      var option = JSON.parse(src.textContent);
      var label = el.getAttribute("aria-label");
      (Array.isArray(option.tooltip) ? option.tooltip : [option.tooltip]).forEach(function (t) {
        if (t) t.valueFormatter = number;
      });
      var chart = window.echarts.init(el, null, { renderer: el.getAttribute("data-echarts") });
      chart.setOption(option);
      // ECharts labels the element with the option's aria description;
      // keep the one the page was written with if it has none.
      if (!el.getAttribute("aria-label") && label) el.setAttribute("aria-label", label);
      charts.push(chart);
    });
  } else {
    root.classList.add("no-charts");
  }
  var resize = function () { charts.forEach(function (c) { c.resize(); }); };
  window.addEventListener("resize", resize);
  window.addEventListener("beforeprint", resize);
  window.addEventListener("afterprint", resize);

  // The state of the findings list (filters, sort) lives in the address's
  // fragment, findings/index.html#province=zj&status=overdue&sort=2-desc,
  // so that a view can be shared; it works from file:// too. The query
  // (?province=zj) is read as well, as older links wrote it.
  var state = new URLSearchParams(window.location.search);
  new URLSearchParams(window.location.hash.replace(/^#/, "")).forEach(function (v, k) { state.set(k, v); });
  var saveState = function () {
    var hash = state.toString();
    var url = window.location.pathname + (hash ? "#" + hash : "");
    try {
      window.history.replaceState(null, "", url);
    } catch (e) {
      window.location.hash = hash;
    }
  };

  // Sorting: every table.list gets a button in each header cell. A click
  // sorts by that column, ascending, then descending. A cell's data-sort,
  // where there is one, is what it sorts by (a date, a rank); else its
  // text, as a number where it is one.
  var key = function (cell) {
    if (!cell) return "";
    var k = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    var n = Number(k.replace(/,/g, "").replace(/%$/, ""));
    return k !== "" && !isNaN(n) ? n : k;
  };
  var compare = function (a, b) {
    if (typeof a === "number" && typeof b === "number") return a - b;
    if (typeof a === "number") return -1;
    if (typeof b === "number") return 1;
    return a.localeCompare(b, root.lang, { numeric: true });
  };
  var sortTable = function (table, col, desc) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keys = new Map(rows.map(function (r, i) { return [r, [key(r.cells[col]), i]]; }));
    rows.sort(function (a, b) {
      var ka = keys.get(a), kb = keys.get(b);
      var c = compare(ka[0], kb[0]);
      return (desc ? -c : c) || ka[1] - kb[1];
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      if (i === col) th.setAttribute("aria-sort", desc ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
  };
  var sortWord = document.body.getAttribute("data-sort-label") || "%s";
  document.querySelectorAll("table.list").forEach(function (table) {
    if (!table.tHead || !table.tBodies[0] || table.tBodies[0].rows.length < 2) return;
    var shared = table.hasAttribute("data-state");
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.title = sortWord.replace("%s", th.textContent.trim());
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var desc = th.getAttribute("aria-sort") === "ascending";
        sortTable(table, col, desc);
        if (shared) {
          state.set("sort", col + (desc ? "-desc" : ""));
          saveState();
        }
      });
    });
    if (shared && state.get("sort")) {
      var m = /^(\d+)(-desc)?$/.exec(state.get("sort"));
      if (m && +m[1] < table.tHead.rows[0].cells.length) sortTable(table, +m[1], !!m[2]);
    }
  });

  // Filters of the findings list: each select matches the data-* attribute
  // of its name on the rows; status "overdue" matches data-overdue. When
  // no row matches, the table says so.
  var form = document.getElementById("filters");
  var table = document.getElementById("findings-table");
  if (!form || !table) return;
  var rows = table.tBodies[0].rows;
  var none = table.querySelector("tbody.no-match");
  var count = document.getElementById("filter-count");
  var selects = form.querySelectorAll("select");
  var apply = function () {
    var want = [];
    selects.forEach(function (s) { if (s.value) want.push([s.name, s.value]); });
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i], ok = true;
      for (var j = 0; j < want.length && ok; j++) {
        var key = want[j][0], value = want[j][1];
        ok = key === "status" && value === "overdue"
          ? row.hasAttribute("data-overdue")
          : row.getAttribute("data-" + key) === value;
      }
      row.hidden = !ok;
      if (ok) shown++;
    }
    if (none) none.hidden = shown > 0;
    count.textContent = form.getAttribute("data-shown")
      .replace("{shown}", number(shown)).replace("{total}", number(rows.length));
  };
  var change = function () {
    selects.forEach(function (s) {
      if (s.value) state.set(s.name, s.value);
      else state.delete(s.name);
    });
    saveState();
    apply();
  };
  selects.forEach(function (s) {
    var v = state.get(s.name);
    if (v !== null && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) s.value = v;
    s.addEventListener("change", change);
  });
  form.addEventListener("reset", function () { setTimeout(change, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  window.addEventListener("hashchange", function () {
    state = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    selects.forEach(function (s) { s.value = state.get(s.name) || ""; });
    apply();
  });
  form.hidden = false;
  apply();
})();
