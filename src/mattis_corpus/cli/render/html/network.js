"use strict";
/* The network: a small force simulation (repulsion between all nodes, springs along edges,
   a pull to the centre), run to rest before the first paint, then again while a node is
   dragged. SVG built with createElementNS and textContent only. Filters by type and weight. */
(function () {
  var t0 = performance.now();
  var C = window.corpus, D = C.data(), SVG = "http://www.w3.org/2000/svg";
  var stage = document.getElementById("nw-stage"), side = document.getElementById("nw-side");
  var controls = document.getElementById("controls");
  var W = stage.clientWidth || 1000, H = stage.clientHeight || 700;
  var byId = {}, nodes = D.nodes.map(function (n, i) {
    var a = i * 2.399963, r = 12 * Math.sqrt(i + 1);  // a sunflower spiral: deterministic start
    var o = { n: n, x: W / 2 + r * Math.cos(a), y: H / 2 + r * Math.sin(a), vx: 0, vy: 0, deg: 0, fixed: false,
              r: 4 + 3 * Math.sqrt(n.mentions) };
    byId[n.id] = o; return o;
  });
  var edges = D.edges.map(function (e) {
    var s = byId[e.source], t = byId[e.target]; s.deg++; t.deg++;
    return { e: e, s: s, t: t };
  });
  var maxW = edges.reduce(function (m, l) { return Math.max(m, l.e.weight); }, 1);

  // Past SAMPLE nodes, each node is pushed by SAMPLE others drawn at random (weighted up to
  // stand for all): the cost of a step stays linear (about 2e7 pushes in all), the layout the
  // same on average.
  var STEPS = nodes.length > 1500 ? 60 : nodes.length > 400 ? 150 : 300;
  var SAMPLE = Math.max(30, Math.min(400, Math.floor(2e7 / STEPS / Math.max(1, nodes.length)))), seed = 1;
  function random() { seed = (seed * 16807) % 2147483647; return seed / 2147483647; }
  function push(a, b, k) {
    var dx = b.x - a.x, dy = b.y - a.y, d2 = dx * dx + dy * dy || 0.01;
    if (d2 > 250000) return;
    var f = k / d2; a.vx -= dx * f; a.vy -= dy * f; b.vx += dx * f; b.vy += dy * f;
  }
  function tick(alpha) {
    var n = nodes.length, i, j, dx, dy, f;
    if (n <= SAMPLE) {
      for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) push(nodes[i], nodes[j], 900 * alpha);
    } else {
      var k = 900 * alpha * n / SAMPLE / 2;
      for (i = 0; i < n; i++) for (j = 0; j < SAMPLE; j++) push(nodes[i], nodes[Math.floor(random() * n)], k);
    }
    edges.forEach(function (l) {
      if (!l.on) return;
      dx = l.t.x - l.s.x; dy = l.t.y - l.s.y; var d = Math.sqrt(dx * dx + dy * dy) || 1;
      f = (d - 70) / d * 0.06 * alpha * (1 + Math.log(l.e.weight));
      l.s.vx += dx * f; l.s.vy += dy * f; l.t.vx -= dx * f; l.t.vy -= dy * f;
    });
    nodes.forEach(function (o) {
      o.vx += (W / 2 - o.x) * 0.004 * alpha; o.vy += (H / 2 - o.y) * 0.004 * alpha;
      if (o.fixed) { o.vx = o.vy = 0; return; }
      o.vx *= 0.6; o.vy *= 0.6; o.x += o.vx; o.y += o.vy;
    });
  }

  var svg = document.createElementNS(SVG, "svg"), view = document.createElementNS(SVG, "g");
  svg.appendChild(view); stage.appendChild(svg);
  var gEdges = document.createElementNS(SVG, "g"), gNodes = document.createElementNS(SVG, "g");
  view.appendChild(gEdges); view.appendChild(gNodes);
  edges.forEach(function (l) {
    l.el = document.createElementNS(SVG, "line");
    l.el.setAttribute("stroke-width", String(1 + 4 * l.e.weight / maxW));
    gEdges.appendChild(l.el);
  });
  var showAll = nodes.length <= 80;
  nodes.forEach(function (o) {
    o.g = document.createElementNS(SVG, "g");
    o.c = document.createElementNS(SVG, "circle");
    o.c.setAttribute("r", String(o.r)); o.c.setAttribute("class", "t-" + o.n.type);
    var tip = document.createElementNS(SVG, "title");
    tip.textContent = o.n.name + " (" + o.n.type + ") — " + o.n.mentions + " mentions, " + o.deg + " links";
    o.c.appendChild(tip); o.g.appendChild(o.c);
    o.label = document.createElementNS(SVG, "text"); o.label.textContent = o.n.name;
    o.label.setAttribute("dx", String(o.r + 3)); o.label.setAttribute("dy", "4");
    o.g.appendChild(o.label); gNodes.appendChild(o.g);
    o.c.addEventListener("mousedown", function (ev) { ev.stopPropagation(); dragNode = o; o.fixed = true; });
    o.c.addEventListener("click", function () { select(o); });
  });
  var labelled = nodes.slice().sort(function (a, b) { return b.deg - a.deg; }).slice(0, 40);

  function draw() {
    edges.forEach(function (l) {
      l.el.style.display = l.on ? "" : "none";
      l.el.setAttribute("x1", l.s.x.toFixed(1)); l.el.setAttribute("y1", l.s.y.toFixed(1));
      l.el.setAttribute("x2", l.t.x.toFixed(1)); l.el.setAttribute("y2", l.t.y.toFixed(1));
    });
    var shown = 0;
    nodes.forEach(function (o) {
      o.g.style.display = o.on ? "" : "none"; if (o.on) shown++;
      o.g.setAttribute("transform", "translate(" + o.x.toFixed(1) + "," + o.y.toFixed(1) + ")");
      o.label.style.display = showAll || labelled.indexOf(o) >= 0 ? "" : "none";
    });
    C.done("nodes", shown);
    C.done("edges", edges.filter(function (l) { return l.on; }).length);
    count.textContent = shown + " nodes, " + edges.filter(function (l) { return l.on; }).length + " links";
  }

  function select(o) {
    var near = {};
    edges.forEach(function (l) { if (l.on && (l.s === o || l.t === o)) near[(l.s === o ? l.t : l.s).n.id] = l; });
    nodes.forEach(function (p) { p.g.classList.toggle("dim", p !== o && !near[p.n.id]); });
    edges.forEach(function (l) { l.el.classList.toggle("dim", !(l.s === o || l.t === o)); });
    o.c.classList.add("hit");
    side.textContent = "";
    side.appendChild(C.el("h2", null, o.n.name));
    side.appendChild(C.el("div", "meta", o.n.type + " · " + o.n.mentions + " mentions · " + o.n.id));
    side.appendChild(C.el("h2", null, "Links"));
    var ul = C.el("ul");
    Object.keys(near).map(function (k) { return near[k]; }).sort(function (a, b) { return b.e.weight - a.e.weight; })
      .forEach(function (l) {
        var li = C.el("li"), other = l.s === o ? l.t : l.s;
        li.appendChild(C.el("span", "chip t-" + other.n.type, other.n.name));
        li.appendChild(C.el("span", "count", " ×" + l.e.weight + " "));
        l.e.documents.forEach(function (d) { var a = C.el("a", null, d); a.href = C.docLink(d); li.appendChild(a); li.appendChild(document.createTextNode(" ")); });
        ul.appendChild(li);
      });
    side.appendChild(ul);
  }
  function clearSelection() {
    nodes.forEach(function (p) { p.g.classList.remove("dim"); p.c.classList.remove("hit"); });
    edges.forEach(function (l) { l.el.classList.remove("dim"); });
  }

  var types = {}, boxes = {};
  nodes.forEach(function (o) { types[o.n.type] = true; });
  Object.keys(types).sort().forEach(function (t) {
    var l = C.el("label", "chip t-" + t), b = C.el("input"); b.type = "checkbox"; b.checked = true;
    l.appendChild(b); l.appendChild(document.createTextNode(" " + t)); controls.appendChild(l); boxes[t] = b;
    b.addEventListener("change", function () { filter(); draw(); });
  });
  var wl = C.el("label", null, "min. weight "), weight = C.el("input");
  weight.type = "range"; weight.min = "1"; weight.max = String(maxW); weight.value = "1";
  var wv = C.el("span", "count", "1"); wl.appendChild(weight); wl.appendChild(wv); controls.appendChild(wl);
  weight.addEventListener("input", function () { wv.textContent = weight.value; filter(); draw(); });
  var find = C.el("input"); find.type = "search"; find.placeholder = "Find a node…"; controls.appendChild(find);
  find.addEventListener("change", function () {
    var q = C.fold(find.value.trim()); if (!q) { clearSelection(); return; }
    var o = nodes.filter(function (p) { return p.on && C.fold(p.n.name).indexOf(q) >= 0; })[0];
    if (o) { clearSelection(); select(o); }
  });
  var count = C.el("span", "count"); controls.appendChild(count);

  function filter() {
    var min = Number(weight.value);
    nodes.forEach(function (o) { o.on = boxes[o.n.type].checked; });
    edges.forEach(function (l) { l.on = l.s.on && l.t.on && l.e.weight >= min; });
  }

  var zoom = 1, panX = 0, panY = 0, dragNode = null, pan = null;
  function place() { view.setAttribute("transform", "translate(" + panX + "," + panY + ") scale(" + zoom + ")"); }
  function fit() {
    var on = nodes.filter(function (o) { return o.on; });
    if (!on.length) return;
    var x0 = Math.min.apply(null, on.map(function (o) { return o.x - o.r; })), x1 = Math.max.apply(null, on.map(function (o) { return o.x + o.r + 90; }));
    var y0 = Math.min.apply(null, on.map(function (o) { return o.y - o.r; })), y1 = Math.max.apply(null, on.map(function (o) { return o.y + o.r; }));
    zoom = Math.min(2, 0.92 * Math.min(W / (x1 - x0 || 1), H / (y1 - y0 || 1)));
    panX = (W - zoom * (x0 + x1)) / 2; panY = (H - zoom * (y0 + y1)) / 2; place();
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = svg.getBoundingClientRect(), px = ev.clientX - r.left, py = ev.clientY - r.top, k = ev.deltaY < 0 ? 1.2 : 1 / 1.2;
    panX = px - (px - panX) * k; panY = py - (py - panY) * k; zoom *= k; place();
  }, { passive: false });
  svg.addEventListener("mousedown", function (ev) { pan = { x: ev.clientX - panX, y: ev.clientY - panY }; clearSelection(); });
  window.addEventListener("mousemove", function (ev) {
    if (dragNode) {
      var r = svg.getBoundingClientRect();
      dragNode.x = (ev.clientX - r.left - panX) / zoom; dragNode.y = (ev.clientY - r.top - panY) / zoom;
      tick(0.3); draw();
    } else if (pan) { panX = ev.clientX - pan.x; panY = ev.clientY - pan.y; place(); }
  });
  window.addEventListener("mouseup", function () {
    if (dragNode) { dragNode.fixed = false; dragNode = null; } pan = null;
  });
  var fb = C.el("button", null, "Fit"); fb.type = "button"; fb.addEventListener("click", fit); controls.appendChild(fb);

  filter();
  for (var s = 0; s < STEPS; s++) tick(1 - s / STEPS);
  draw(); fit();
  C.done("ms", Math.round(performance.now() - t0));
})();
