// site.js: draws the charts and filters the findings list. Every page
// reads fully without it: each chart has its data table, and the findings
// list shows every finding.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  // Charts: each .chart-canvas names its renderer in data-echarts; its
  // option is the JSON in the <script type="application/json"> whose id is
  // the canvas's id followed by "-option".
  var charts = [];
  if (window.echarts) {
    document.querySelectorAll(".chart-canvas[data-echarts]").forEach(function (el) {
      var src = document.getElementById(el.id + "-option");
      if (!src) return;
      var chart = window.echarts.init(el, null, { renderer: el.getAttribute("data-echarts") });
      chart.setOption(JSON.parse(src.textContent));
      charts.push(chart);
    });
  } else {
    root.classList.add("no-charts");
  }
  var resize = function () { charts.forEach(function (c) { c.resize(); }); };
  window.addEventListener("resize", resize);
  window.addEventListener("beforeprint", resize);
  window.addEventListener("afterprint", resize);

  // Filters of the findings list: each select matches the data-* attribute
  // of its name on the rows; status "overdue" matches data-overdue.
  var form = document.getElementById("filters");
  var table = document.getElementById("findings-table");
  if (!form || !table) return;
  var rows = table.tBodies[0].rows;
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
    count.textContent = form.getAttribute("data-shown")
      .replace("{shown}", shown).replace("{total}", rows.length);
  };
  // Filters may be set from the address: findings/index.html?province=zj.
  var params = new URLSearchParams(window.location.search);
  selects.forEach(function (s) {
    var v = params.get(s.name);
    if (v !== null) s.value = v;
    s.addEventListener("change", apply);
  });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
})();
