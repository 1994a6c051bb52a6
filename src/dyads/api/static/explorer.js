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
  // Tables marked "sortable" sort in the page when a header is clicked (numbers as
  // numbers); the events table sorts on the server through links in its headers.
  function cellValue(row, i) {
    var cell = row.cells[i];
    var text = cell ? cell.textContent.trim() : "";
    var n = parseFloat(text.replace(/,/g, "").replace("\u2212", "-"));
    return { text: text.toLowerCase(), num: /^[\u2212+-]?[0-9][0-9,.]*/.test(text) ? n : null };
  }
  function compare(a, b) {
    if (a.num !== null && b.num !== null) { return a.num - b.num; }
    if (a.num !== null) { return -1; }
    if (b.num !== null) { return 1; }
    return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  }
  function sortBy(table, th, i) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var up = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[aria-sort]").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", up ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) { var c = compare(cellValue(a, i), cellValue(b, i)); return up ? c : -c; });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  function wireSortable() {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var head = table.tHead && table.tHead.rows[0];
      if (!head) { return; }
      Array.prototype.forEach.call(head.cells, function (th, i) {
        if (!th.textContent.trim() || th.querySelector("a")) { return; }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort";
        button.textContent = th.textContent;
        th.textContent = "";
        th.appendChild(button);
        th.setAttribute("aria-sort", "none");
        button.addEventListener("click", function () { sortBy(table, th, i); });
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { wireList(); wireText(); wireSortable(); });
})();
