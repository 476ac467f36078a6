"use strict";
/* Shared by every page: errors become visible (and countable by a test that dumps the DOM),
   and DOM building goes through textContent only, so no data is ever parsed as markup. */
(function () {
  function report(message) {
    var root = document.documentElement;
    root.setAttribute("data-js-errors", String(Number(root.getAttribute("data-js-errors") || 0) + 1));
    var box = document.getElementById("js-errors");
    if (box) { box.hidden = false; box.textContent += message + "\n"; }
  }
  window.addEventListener("error", function (e) {
    report("error: " + (e.message || e) + (e.lineno ? " (line " + e.lineno + ")" : ""));
  });
  window.addEventListener("unhandledrejection", function (e) { report("rejection: " + e.reason); });
  window.corpus = {
    data: function () { return JSON.parse(document.getElementById("corpus-data").textContent); },
    el: function (tag, cls, text) {
      var node = document.createElement(tag);
      if (cls) node.className = cls;
      if (text !== undefined && text !== null) node.textContent = String(text);
      return node;
    },
    fold: function (s) {
      return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    },
    done: function (name, value) { document.documentElement.setAttribute("data-rendered-" + name, String(value)); },
    docLink: function (doc) { return encodeURIComponent(doc) + ".html"; }
  };
})();
