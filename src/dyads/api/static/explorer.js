// dyads explorer: link the article's highlights with the list of events beside it.
// Works on top of server-rendered pages; everything stays usable without it.
(function () {
  "use strict";
  function spansFor(ref) {
    return document.querySelectorAll('.hl[data-refs~="' + ref + '"]');
  }
  function clearActive() {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
  }
  function activate(ref, scrollText) {
    clearActive();
    var spans = spansFor(ref);
    spans.forEach(function (el) { el.classList.add("active"); });
    var item = document.getElementById(ref);
    if (item) { item.classList.add("active"); }
    if (scrollText && spans.length) { spans[0].scrollIntoView({ block: "center", behavior: "smooth" }); }
    return item;
  }
  function wireList() {
    document.querySelectorAll("[data-ref]").forEach(function (item) {
      var ref = item.getAttribute("data-ref");
      item.addEventListener("mouseenter", function () { activate(ref, false); });
      item.addEventListener("focus", function () { activate(ref, false); });
      item.addEventListener("click", function (ev) {
        if (ev.target.closest("a")) { return; }
        activate(ref, true);
      });
    });
  }
  function wireText() {
    var body = document.getElementById("article-body");
    if (!body) { return; }
    body.addEventListener("click", function (ev) {
      var span = ev.target.closest(".hl[data-refs]");
      if (!span) { return; }
      var refs = span.getAttribute("data-refs").split(" ").filter(Boolean);
      if (!refs.length) { return; }
      var item = activate(refs[0], false);
      if (item) { item.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { wireList(); wireText(); });
})();
