// ducha serve: live reload and error overlay. Added to pages while they are
// served by "ducha serve"; never part of a build.
(function () {
  "use strict";
  var me = document.currentScript;
  var gen = me ? me.getAttribute("data-gen") : "0";
  var overlay = null;

  function showProblems(lines) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "ducha-problems";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(30,0,0,.92);color:#fff;padding:2rem;font:14px/1.6 ui-monospace,Menlo,Consolas,monospace";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var h = document.createElement("h2");
    h.style.cssText = "margin:0 0 1rem;font:bold 18px sans-serif";
    h.textContent = "ducha: the last change has " + lines.length + " problem" + (lines.length === 1 ? "" : "s") +
      "; this page is the last good build";
    overlay.appendChild(h);
    var list = document.createElement("ol");
    lines.forEach(function (line) {
      var li = document.createElement("li");
      li.textContent = line;
      list.appendChild(li);
    });
    overlay.appendChild(list);
  }

  function connect() {
    var es = new EventSource("/__ducha/events?gen=" + encodeURIComponent(gen));
    es.addEventListener("reload", function () { es.close(); location.reload(); });
    es.addEventListener("problems", function (e) { showProblems(JSON.parse(e.data)); });
    es.onerror = function () { es.close(); setTimeout(connect, 1000); };
  }
  connect();
})();
