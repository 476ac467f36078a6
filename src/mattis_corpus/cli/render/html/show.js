"use strict";
/* The document view is drawn by the server side; here, a click on an entity of the side list
   outlines its marks in the text and scrolls to the first, and the counts are published. */
(function () {
  var C = window.corpus, marks = document.querySelectorAll("mark.ent");
  document.querySelectorAll("[data-show]").forEach(function (item) {
    item.addEventListener("click", function () {
      var key = item.getAttribute("data-show"), firstHit = null;
      marks.forEach(function (m) {
        var on = m.getAttribute("data-entity") === key;
        m.classList.toggle("on", on);
        if (on && !firstHit) firstHit = m;
      });
      if (firstHit) firstHit.scrollIntoView({ block: "center" });
    });
  });
  C.done("marks", marks.length);
  C.done("entities", document.querySelectorAll("mark.ent[data-entity]").length);
  C.done("dates", document.querySelectorAll("mark.t-DATE").length);
  var quotes = {};  // a quote across paragraphs is drawn in several parts: count it once
  document.querySelectorAll("[data-quote]").forEach(function (q) { quotes[q.getAttribute("data-quote")] = true; });
  C.done("quotes", Object.keys(quotes).length);
  C.done("events", document.querySelectorAll("#events li").length);
})();
