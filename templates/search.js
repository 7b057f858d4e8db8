// search.js: the search page (search.html). The data, every finding,
// visit and narrative page of every campaign, is a script of its own
// (assets/search-data.js, window.duchaSearch) that this script adds to
// the page when the search box is first used: a page opened from file://
// may not fetch a file, and its Content Security Policy allows only the
// site's own scripts.
//
// A query is one or more words separated by spaces; a record matches when
// every word occurs in it as written, after both are normalised (NFKC, so
// that full-width letters and digits match half-width ones, and lower
// case). Chinese is written without spaces, so a word is matched as a
// substring: 返乡创业 finds 支持返乡创业, and 乡创 finds only text with
// those characters side by side. Records whose title (or ID) holds every
// word come first; then the newest campaign first, in the order of the
// data.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var selects = form.querySelectorAll("select");
  var data = null, loading = false, shown = 0, hits = [];
  var hay = [], titles = [];
  var PAGE = 50;

  var norm = String.prototype.normalize
    ? function (s) { return s.normalize("NFKC").toLowerCase(); }
    : function (s) { return s.toLowerCase(); };

  // prepare normalises every record once: the search scans these.
  var prepare = function () {
    var recs = data.records;
    for (var i = 0; i < recs.length; i++) {
      var r = recs[i];
      titles[i] = norm(r[6] + " " + r[7]);
      hay[i] = titles[i] + "\u0000" + norm(r[8]);
    }
  };

  var load = function () {
    if (data || loading) return;
    loading = true;
    status.textContent = form.getAttribute("data-loading");
    var s = document.createElement("script");
    s.src = form.getAttribute("data-index");
    s.onload = function () {
      data = window.duchaSearch;
      if (!data) { status.textContent = form.getAttribute("data-failed"); return; }
      prepare();
      run();
    };
    s.onerror = function () { status.textContent = form.getAttribute("data-failed"); };
    document.body.appendChild(s);
  };

  var filters = function () {
    var want = {};
    selects.forEach(function (sel) { if (sel.value) want[sel.name] = sel.value; });
    return want;
  };

  // keep reports whether record r passes the filters.
  var keep = function (r, want) {
    if (want.campaign && data.campaigns[r[1]][0] !== want.campaign) return false;
    if (want.province && (r[2] < 0 || data.provinces[r[2]][0] !== want.province)) return false;
    if (want.item && (r[3] < 0 || data.items[r[3]][0] !== want.item)) return false;
    if (want.kind && data.kinds[r[0]] !== want.kind) return false;
    if (want.status && (r[4] < 0 || data.statuses[r[4]][0] !== want.status)) return false;
    return true;
  };

  // search returns the indexes of the records that hold every word of q
  // and pass the filters, those with every word in their title first.
  var search = function (q, want) {
    var words = norm(q).split(/\s+/).filter(function (w) { return w !== ""; });
    var inTitle = [], inText = [];
    var recs = data.records;
    for (var i = 0; i < recs.length; i++) {
      var h = hay[i], ok = true, title = true;
      for (var k = 0; k < words.length && ok; k++) {
        var at = h.indexOf(words[k]);
        ok = at >= 0;
        title = title && at >= 0 && at < titles[i].length;
      }
      if (!ok || !keep(recs[i], want)) continue;
      (title && words.length ? inTitle : inText).push(i);
    }
    return { words: words, hits: inTitle.concat(inText), titles: inTitle.length };
  };
  window.duchaSearchQuery = function (q, want) { return search(q, want || {}).hits; };

  // mark appends text to el with every occurrence of the words marked;
  // it compares normalised characters one by one, so that what is marked
  // is what matched.
  var mark = function (el, text, words) {
    var n = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      var ch = c >= 0xd800 && c < 0xdc00 && i + 1 < text.length ? text.substr(i, 2) : text[i];
      var nc = norm(ch);
      for (var j = 0; j < nc.length; j++) map.push(i);
      n += nc;
      if (ch.length === 2) i++;
    }
    map.push(text.length);
    var spans = [];
    words.forEach(function (w) {
      for (var at = n.indexOf(w); at >= 0 && w; at = n.indexOf(w, at + w.length)) {
        spans.push([map[at], map[at + w.length] === undefined ? text.length : map[at + w.length]]);
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    spans.forEach(function (sp) {
      if (sp[0] < pos) return;
      el.appendChild(document.createTextNode(text.slice(pos, sp[0])));
      var m = document.createElement("mark");
      m.textContent = text.slice(sp[0], sp[1]);
      el.appendChild(m);
      pos = sp[1];
    });
    el.appendChild(document.createTextNode(text.slice(pos)));
  };

  // snippet returns the part of text around its first match.
  var snippet = function (text, words) {
    var n = norm(text), at = -1;
    words.forEach(function (w) { var i = n.indexOf(w); if (i >= 0 && (at < 0 || i < at)) at = i; });
    if (at < 0) at = 0;
    var start = Math.max(0, at - 40), end = Math.min(text.length, at + 80);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  };

  var show = function (words, upto) {
    var recs = data.records;
    for (; shown < Math.min(upto, hits.length); shown++) {
      var r = recs[hits[shown]];
      var li = document.createElement("li");
      li.className = "hit kind-" + data.kinds[r[0]];
      var a = document.createElement("a");
      a.href = r[5];
      if (r[6]) {
        var id = document.createElement("span");
        id.className = "id";
        mark(id, r[6], words);
        a.appendChild(id);
        a.appendChild(document.createTextNode(" "));
      }
      mark(a, r[7], words);
      var h = document.createElement("p");
      h.className = "hit-title";
      h.appendChild(a);
      li.appendChild(h);
      var meta = [data.campaigns[r[1]][1]];
      if (r[2] >= 0) meta.push(data.provinces[r[2]][1]);
      if (r[3] >= 0) meta.push(data.items[r[3]][1]);
      if (r[4] >= 0) meta.push(data.statuses[r[4]][1]);
      var m = document.createElement("p");
      m.className = "hit-meta muted";
      m.textContent = meta.join(" · ");
      li.appendChild(m);
      if (r[8]) {
        var t = document.createElement("p");
        t.className = "hit-text";
        mark(t, snippet(r[8], words), words);
        li.appendChild(t);
      }
      list.appendChild(li);
    }
    more.hidden = shown >= hits.length;
  };

  var run = function () {
    if (!data) return;
    var q = input.value, want = filters();
    list.textContent = "";
    shown = 0;
    if (!q.trim() && Object.keys(want).length === 0) {
      hits = [];
      status.textContent = form.getAttribute("data-hint");
      more.hidden = true;
      return;
    }
    var res = search(q, want);
    hits = res.hits;
    status.textContent = hits.length === 0 ? form.getAttribute("data-none")
      : form.getAttribute("data-count").replace("{n}", hits.length).replace("{t}", res.titles);
    show(res.words, PAGE);
    more.onclick = function () { show(res.words, shown + PAGE); };
  };

  // Queries may come in the address: search.html?q=返乡创业&campaign=2014.
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) input.value = params.get("q");
  selects.forEach(function (sel) {
    var v = params.get(sel.name);
    if (v !== null) sel.value = v;
    sel.addEventListener("change", function () { load(); run(); });
  });
  input.addEventListener("focus", load);
  input.addEventListener("input", function () { load(); run(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); load(); run(); });
  form.addEventListener("reset", function () { setTimeout(run, 0); });
  if (input.value || Object.keys(filters()).length) load();
})();
