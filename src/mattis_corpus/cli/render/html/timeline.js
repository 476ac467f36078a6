"use strict";
/* The timeline: one card per event on a horizontal time axis (years, then months), packed in
   lanes so cards never overlap; zoom (buttons, +/-, ctrl+wheel) and pan (drag, scroll);
   filters by entity and type. Cards are built once; zoom and filters only move or hide them. */
(function () {
  var t0 = performance.now();
  var C = window.corpus, D = C.data(), events = D.events, months = D.months;
  var DAY = 86400000, CARD = 230, GAP = 8, LANE = 100 + 6 + GAP, AXIS = 52;
  var viewport = document.getElementById("tl-viewport"), canvas = document.getElementById("tl-canvas");
  var axis = document.getElementById("tl-axis"), controls = document.getElementById("controls");
  function day(iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY; }
  var first = Infinity, last = -Infinity;
  events.forEach(function (e) {
    e._s = day(e.start); e._e = day(e.end) + 1;
    if (e._s < first) first = e._s;
    if (e._e > last) last = e._e;
  });
  if (!events.length) { first = day("2000-01-01"); last = first + 365; }
  var y0 = new Date(first * DAY).getUTCFullYear(), y1 = new Date((last - 1) * DAY).getUTCFullYear();
  first = Date.UTC(y0, 0, 1) / DAY; last = Date.UTC(y1 + 1, 0, 1) / DAY;
  var scale = Math.max(0.02, (viewport.clientWidth - 40) / (last - first));
  function x(d) { return 20 + (d - first) * scale; }

  function makeCard(e) {
    var card = C.el("div", "tl-event"), head = C.el("div");
    head.appendChild(C.el("span", "tl-date", e.date));
    head.appendChild(C.el("span", "tl-words", "«" + e.date_text + "»"));
    card.appendChild(head);
    card.appendChild(C.el("div", "tl-summary", e.summary));
    var ents = C.el("div", "tl-ents");
    (e.entities || []).forEach(function (n) { ents.appendChild(C.el("span", "chip t-" + n.type, n.name)); });
    card.appendChild(ents);
    var link = C.el("a", "tl-doc", e.doc);
    link.href = C.docLink(e.doc);
    card.appendChild(link);
    card.title = e.sentence || "";
    return card;
  }
  // Every event gets a place; only those near the visible part of the axis get DOM nodes
  // (built on first sight, then kept), so 10,000 events cost what a screenful costs.
  var cards = events.map(function (e) { return { e: e, card: null, bar: null, shown: true, on: false }; });
  var attached = [];

  function paint() {
    var x0 = viewport.scrollLeft - 600, x1 = viewport.scrollLeft + viewport.clientWidth + 600;
    var y0 = viewport.scrollTop - 400, y1 = viewport.scrollTop + viewport.clientHeight + 400;
    var keep = [], frag = document.createDocumentFragment();
    attached.forEach(function (c) { c.seen = false; });
    for (var i = 0; i < cards.length; i++) {
      var c = cards[i];
      if (!c.shown || c.right < x0 || c.left > x1 || c.top + LANE < y0 || c.top > y1) continue;
      if (!c.card) { c.card = makeCard(c.e); c.bar = C.el("div", "tl-bar"); }
      c.bar.style.left = c.left + "px"; c.bar.style.width = c.width + "px"; c.bar.style.top = c.top + "px";
      c.card.style.left = c.left + "px"; c.card.style.top = (c.top + 6) + "px";
      if (!c.on) { frag.appendChild(c.bar); frag.appendChild(c.card); c.on = true; }
      c.seen = true; keep.push(c);
    }
    attached.forEach(function (c) {
      if (!c.seen) { c.card.remove(); c.bar.remove(); c.on = false; }
    });
    canvas.appendChild(frag);
    attached = keep;
    C.done("cards", keep.length);
  }
  var pending = false;
  viewport.addEventListener("scroll", function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; paint(); });
  });

  function drawAxis() {
    axis.textContent = "";
    var f = document.createDocumentFragment();
    for (var y = y0; y <= y1; y++) {
      var a = x(Date.UTC(y, 0, 1) / DAY), b = x(Date.UTC(y + 1, 0, 1) / DAY);
      var cell = C.el("div", "tl-year", String(y));
      cell.style.left = a + "px"; cell.style.width = (b - a) + "px";
      f.appendChild(cell);
      for (var m = 0; m < 12; m++) {
        var ma = x(Date.UTC(y, m, 1) / DAY), mb = x(Date.UTC(y, m + 1, 1) / DAY), w = mb - ma;
        if (w < 14) continue;
        var mc = C.el("div", "tl-month", w > 70 ? months[m] : String(m + 1));
        mc.style.left = ma + "px"; mc.style.width = w + "px";
        f.appendChild(mc);
      }
    }
    axis.appendChild(f);
  }

  function layout() {
    var lanes = [], shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var c = cards[i];
      if (!c.shown) continue;
      shown++;
      c.left = x(c.e._s); c.width = Math.max(3, (c.e._e - c.e._s) * scale);
      c.right = c.left + Math.max(c.width, CARD);
      var lane = 0;
      while (lane < lanes.length && lanes[lane] > c.left) lane++;
      lanes[lane] = c.right + GAP;
      c.top = AXIS + lane * LANE;
    }
    canvas.style.width = (x(last) + CARD + 40) + "px";
    canvas.style.height = (AXIS + Math.max(1, lanes.length) * LANE + 20) + "px";
    drawAxis();
    paint();
    count.textContent = shown + " / " + cards.length + " events";
    C.done("events", shown);
  }

  function zoom(factor, atX) {
    var px = atX === undefined ? viewport.clientWidth / 2 : atX;
    var d = first + (viewport.scrollLeft + px - 20) / scale;
    scale = Math.min(400, Math.max(0.005, scale * factor));
    layout();
    viewport.scrollLeft = x(d) - px;
  }

  function button(text, title, action) {
    var b = C.el("button", null, text); b.title = title; b.type = "button";
    b.addEventListener("click", action); controls.appendChild(b); return b;
  }
  button("−", "Zoom out (-)", function () { zoom(1 / 1.6); });
  button("+", "Zoom in (+)", function () { zoom(1.6); });
  button("Fit", "The whole period", function () { scale = Math.max(0.005, (viewport.clientWidth - 40) / (last - first)); layout(); viewport.scrollLeft = 0; });

  var names = {};
  events.forEach(function (e) { (e.entities || []).forEach(function (n) { names[n.name] = (names[n.name] || 0) + 1; }); });
  var search = C.el("input"); search.type = "search"; search.placeholder = "Entity…"; search.setAttribute("list", "tl-names");
  var list = C.el("datalist"); list.id = "tl-names";
  Object.keys(names).sort(function (a, b) { return names[b] - names[a] || a.localeCompare(b); })
    .forEach(function (n) { var o = C.el("option"); o.value = n; list.appendChild(o); });
  var lab = C.el("label", null, "Entity "); lab.appendChild(search); controls.appendChild(lab); controls.appendChild(list);
  var boxes = {};
  D.types.forEach(function (t) {
    var l = C.el("label", "chip t-" + t), b = C.el("input"); b.type = "checkbox"; b.checked = true;
    l.appendChild(b); l.appendChild(document.createTextNode(" " + t)); controls.appendChild(l); boxes[t] = b;
    b.addEventListener("change", filter);
  });
  var count = C.el("span", "count"); controls.appendChild(count);

  function filter() {
    var q = C.fold(search.value.trim()), all = D.types.every(function (t) { return boxes[t].checked; });
    cards.forEach(function (c) {
      var ents = c.e.entities || [];
      var byType = all || ents.some(function (n) { return boxes[n.type] && boxes[n.type].checked; });
      var byName = !q || ents.some(function (n) { return C.fold(n.name).indexOf(q) >= 0; });
      c.shown = byType && byName;
    });
    layout();
  }
  search.addEventListener("input", filter);

  viewport.addEventListener("wheel", function (ev) {
    if (!ev.ctrlKey) return;
    ev.preventDefault();
    zoom(ev.deltaY < 0 ? 1.25 : 0.8, ev.clientX - viewport.getBoundingClientRect().left);
  }, { passive: false });
  viewport.addEventListener("keydown", function (ev) {
    if (ev.key === "+" || ev.key === "=") zoom(1.6);
    else if (ev.key === "-") zoom(1 / 1.6);
  });
  var drag = null;
  viewport.addEventListener("mousedown", function (ev) {
    if (ev.target.closest("a")) return;
    drag = { x: ev.clientX, y: ev.clientY, l: viewport.scrollLeft, t: viewport.scrollTop };
    viewport.classList.add("dragging");
  });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    viewport.scrollLeft = drag.l - (ev.clientX - drag.x); viewport.scrollTop = drag.t - (ev.clientY - drag.y);
  });
  window.addEventListener("mouseup", function () { drag = null; viewport.classList.remove("dragging"); });

  // A link can carry the filters: timeline.html#entity=Mattis&types=PER,ORG
  var params = new URLSearchParams(location.hash.slice(1));
  if (params.get("entity")) search.value = params.get("entity");
  if (params.get("types")) {
    var want = params.get("types").toUpperCase().split(",");
    D.types.forEach(function (t) { boxes[t].checked = want.indexOf(t) >= 0; });
  }
  filter();
  C.done("ms", Math.round(performance.now() - t0));
})();
