/* peacetrack report: fills index.html from the JSON in #peacetrack-data.
 *
 * Every string from the data goes into the page as text (textContent, SVG text
 * nodes, attribute values), never as HTML; links are only the http(s) URLs the
 * writer let through, checked again here. No network, no framework, no eval.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var PAGE_SIZE = 50;
  var EPOCH_ORDINAL = 719163; // date(1970, 1, 1).toordinal() in Python
  var data = JSON.parse(document.getElementById("peacetrack-data").textContent);
  var state = { snapshot: 0, page: 0, rows: data.events, range: data.span };

  // -- small helpers ------------------------------------------------------------------

  function $(id) {
    return document.getElementById(id);
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, String(attrs[name]));
    });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  function plural(n, word, many) {
    return n.toLocaleString("en") + " " + (n === 1 ? word : many || word + "s");
  }

  function yearOf(ordinal) {
    return new Date((ordinal - EPOCH_ORDINAL) * 86400000).getUTCFullYear();
  }

  function ordinalOfYear(year) {
    var d = new Date(Date.UTC(2000, 0, 1));
    d.setUTCFullYear(year);
    return Math.round(d.getTime() / 86400000) + EPOCH_ORDINAL;
  }

  function sourceLinks(indexes) {
    var span = el("span", "refs");
    (indexes || []).forEach(function (i) {
      var source = data.sources[i];
      if (!source) return;
      var a = el("a", null, "[" + (i + 1) + "]");
      a.href = "#source-" + i;
      a.title = source.title + " (" + source.publisher + ")";
      a.setAttribute("aria-label", "source " + (i + 1) + ": " + source.title);
      span.appendChild(a);
    });
    return span;
  }

  var LIST_HEAD = 20;

  // A list of rows; a long one shows its first rows and a button for the rest.
  function list(id, items, render) {
    var ul = clear($(id));
    var old = ul.nextElementSibling;
    if (old && old.className === "more") old.parentNode.removeChild(old);
    if (!items.length) {
      ul.appendChild(el("li", "none", "none"));
      return;
    }
    items.slice(0, LIST_HEAD).forEach(function (item) {
      ul.appendChild(render(item));
    });
    if (items.length > LIST_HEAD) {
      var more = el("button", "more", "Show all " + items.length);
      more.type = "button";
      more.addEventListener("click", function () {
        items.slice(LIST_HEAD).forEach(function (item) {
          ul.appendChild(render(item));
        });
        more.parentNode.removeChild(more);
      });
      ul.parentNode.insertBefore(more, ul.nextSibling);
    }
  }

  // -- the header ---------------------------------------------------------------------

  function renderSummary() {
    var c = data.counts;
    var text =
      plural(c.records, "record") + ", " + plural(c.events, "event") + ", " +
      plural(c.sources, "source") + ".";
    if (data.events.length) {
      text += " From " + data.events[0][2] + " to " + data.events[data.events.length - 1][2] + ".";
    }
    $("summary").textContent = text;
  }

  // -- the overview: rounds, ceasefires and a histogram of events ----------------------

  var X0 = 110;
  var X1 = 985;

  function xOf(ordinal) {
    var lo = state.range[0];
    var hi = state.range[1];
    if (hi <= lo) return (X0 + X1) / 2;
    return X0 + ((ordinal - lo) / (hi - lo)) * (X1 - X0);
  }

  function clampX(x) {
    return Math.max(X0, Math.min(X1, x));
  }

  // The stretches the overview can show: the whole timeline, and (when they cover
  // less of it) the rounds and ceasefires with a margin either side.
  function ranges() {
    var all = [data.span[0], data.span[1]];
    var out = [{ label: "Whole timeline", range: all }];
    if (!data.bands.length) return out;
    var lo = Math.min.apply(null, data.bands.map(function (b) { return b[0]; }));
    var hi = Math.max.apply(null, data.bands.map(function (b) { return b[1]; }));
    var pad = Math.max(7, Math.round((hi - lo) * 0.08));
    var talks = [Math.max(all[0], lo - pad), Math.min(all[1], hi + pad)];
    if (talks[1] - talks[0] < 0.6 * (all[1] - all[0])) {
      out.push({ label: "Rounds and ceasefires", range: talks });
    }
    return out;
  }

  function drawOverview() {
    var layer = clear($("overview-layer"));
    var lo = state.range[0];
    var hi = state.range[1];
    var lanes = { round: 10, ceasefire: 45 };
    var bands = svg("g", { class: "bands" });
    var drawn = 0;
    data.bands.forEach(function (band) {
      if (band[1] < lo || band[0] > hi) return;
      var x = clampX(xOf(band[0]));
      var rect = svg("rect", {
        x: x.toFixed(1),
        y: lanes[band[2]] || lanes.ceasefire,
        width: Math.max(2, clampX(xOf(band[1])) - x).toFixed(1),
        height: 26,
        class: "band " + band[2]
      });
      rect.appendChild(svg("title", {}, band[3] + ": " + band[4]));
      bands.appendChild(rect);
      var short = band[2] === "round" ? band[3].slice(band[3].lastIndexOf(", ") + 2) : band[3];
      if (Number(rect.getAttribute("width")) > short.length * 7 + 8) {
        bands.appendChild(svg("text", { x: (x + 4).toFixed(1), y: (lanes[band[2]] || lanes.ceasefire) + 17, class: "band-label" }, short));
      }
      drawn += 1;
    });
    layer.appendChild(bands);

    var bins = 120;
    var counts = new Array(bins).fill(0);
    var width = Math.max(1, hi - lo + 1);
    var inside = 0;
    data.events.forEach(function (e) {
      if (e[0] < lo || e[0] > hi) return;
      counts[Math.min(bins - 1, Math.floor(((e[0] - lo) / width) * bins))] += 1;
      inside += 1;
    });
    var most = Math.max.apply(null, counts.concat([1]));
    var histogram = svg("g", { class: "histogram" });
    var step = (X1 - X0) / bins;
    counts.forEach(function (n, i) {
      if (!n) return;
      var h = Math.max(1, (n / most) * 50);
      var bar = svg("rect", { x: (X0 + i * step).toFixed(1), y: (135 - h).toFixed(1), width: Math.max(1, step - 1).toFixed(1), height: h.toFixed(1), class: "bar" });
      bar.appendChild(svg("title", {}, plural(n, "event")));
      histogram.appendChild(bar);
    });
    layer.appendChild(histogram);

    var axis = svg("g", { class: "axis" });
    axis.appendChild(svg("line", { x1: X0, x2: X1, y1: 138, y2: 138 }));
    var ticks = [];
    var first = yearOf(lo);
    var last = yearOf(hi);
    if (last - first >= 2) {
      var every = Math.max(1, Math.ceil((last - first + 1) / 12));
      for (var year = first; year <= last; year += every) ticks.push([ordinalOfYear(year), String(year)]);
    } else {
      var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
      var d = new Date((lo - EPOCH_ORDINAL) * 86400000);
      d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
      var months = Math.round((hi - lo) / 30);
      var stride = Math.max(1, Math.ceil(months / 12));
      for (; ; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + stride, 1))) {
        var day = Math.round(d.getTime() / 86400000) + EPOCH_ORDINAL;
        if (day > hi) break;
        ticks.push([day, MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear()]);
      }
    }
    ticks.forEach(function (tick) {
      if (tick[0] < lo) return;
      var x = xOf(tick[0]).toFixed(1);
      axis.appendChild(svg("line", { x1: x, x2: x, y1: 138, y2: 144 }));
      axis.appendChild(svg("text", { x: x, y: 158, "text-anchor": "middle" }, tick[1]));
    });
    layer.appendChild(axis);
    $("overview-label").textContent =
      "Timeline overview: " + plural(drawn, "round or ceasefire", "rounds and ceasefires") +
      " and " + plural(inside, "event") + " over time";
    placeMarker();
  }

  function placeMarker() {
    var marker = $("overview-marker");
    var s = data.snapshots[state.snapshot];
    var inView = s && s.day >= state.range[0] && s.day <= state.range[1];
    marker.setAttribute("visibility", inView ? "visible" : "hidden");
    if (!inView) return;
    var x = xOf(s.day).toFixed(1);
    marker.setAttribute("x1", x);
    marker.setAttribute("x2", x);
  }

  function renderOverview() {
    var root = $("overview");
    if (!data.events.length) {
      root.appendChild(svg("text", { x: 500, y: 85, "text-anchor": "middle" }, "No dated events."));
      root.appendChild(svg("line", { id: "overview-marker", x1: 0, x2: 0, y1: 0, y2: 0, visibility: "hidden" }));
      $("overview-label").textContent = "Timeline overview: no dated events";
      $("overview-zoom").hidden = true;
      return;
    }
    [["Rounds", 27], ["Ceasefires", 62], ["Events", 122]].forEach(function (lane) {
      root.appendChild(svg("text", { x: 4, y: lane[1], class: "lane" }, lane[0]));
    });
    root.appendChild(svg("g", { id: "overview-layer" }));
    root.appendChild(svg("line", { id: "overview-marker", x1: 0, x2: 0, y1: 4, y2: 140, class: "marker" }));
    var choices = ranges();
    state.range = choices[choices.length - 1].range;
    var zoom = clear($("overview-zoom"));
    zoom.hidden = choices.length < 2;
    (choices.length < 2 ? [] : choices).forEach(function (choice, i) {
      var button = el("button", null, choice.label);
      button.type = "button";
      button.setAttribute("aria-pressed", String(i === choices.length - 1));
      button.addEventListener("click", function () {
        state.range = choice.range;
        Array.prototype.forEach.call(zoom.querySelectorAll("button"), function (b) {
          b.setAttribute("aria-pressed", String(b === button));
        });
        drawOverview();
      });
      zoom.appendChild(button);
    });
    root.addEventListener("click", function (event) {
      var box = root.getBoundingClientRect();
      var x = ((event.clientX - box.left) / box.width) * 1000;
      var day = state.range[0] + ((x - X0) / (X1 - X0)) * (state.range[1] - state.range[0]);
      var best = 0;
      data.snapshots.forEach(function (s, i) {
        if (Math.abs(s.day - day) < Math.abs(data.snapshots[best].day - day)) best = i;
      });
      showSnapshot(best, true);
    });
    drawOverview();
  }

  // -- the party graph ----------------------------------------------------------------

  var CX = 500;
  var CY = 380;
  var R = 290;
  var graphNodes = [];

  function renderGraphFrame() {
    var root = $("graph");
    var defs = svg("defs", {});
    data.graph.legend.forEach(function (kind, i) {
      var marker = svg("marker", { id: "arrow-" + i, viewBox: "0 0 10 10", refX: 16, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" });
      marker.appendChild(svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: kind.colour }));
      defs.appendChild(marker);
    });
    root.appendChild(defs);
    root.appendChild(svg("g", { id: "graph-edges" }));
    var nodes = svg("g", { id: "graph-nodes" });
    data.graph.nodes.forEach(function (node) {
      var x = CX + node.x * R;
      var y = CY + node.y * R;
      var g = svg("g", { class: "node " + node.kind, "data-id": node.id });
      g.appendChild(svg("title", {}, node.name + (node.type ? " (" + node.type.replace(/_/g, " ") + ")" : "")));
      if (node.kind === "ceasefire") {
        g.appendChild(svg("rect", { x: (x - 6).toFixed(1), y: (y - 6).toFixed(1), width: 12, height: 12 }));
      } else {
        g.appendChild(svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: node.kind === "person" ? 5 : 7 }));
      }
      var label = node.name.length > 28 ? node.name.slice(0, 27) + "\u2026" : node.name;
      // Parties (outer ring) are labelled outwards; people and ceasefires below.
      var outer = node.kind === "party";
      var anchor = !outer || Math.abs(node.x) < 0.15 ? "middle" : node.x > 0 ? "start" : "end";
      var dx = anchor === "middle" ? 0 : (anchor === "start" ? 10 : -10);
      var dy = anchor !== "middle" ? 4 : (outer && node.y < 0 ? -12 : 20);
      g.appendChild(svg("text", { x: (x + dx).toFixed(1), y: (y + dy).toFixed(1), "text-anchor": anchor }, label));
      nodes.appendChild(g);
      graphNodes.push({ node: node, g: g, x: x, y: y });
    });
    root.appendChild(nodes);

    var legend = clear($("graph-legend"));
    data.graph.legend.forEach(function (kind) {
      var li = el("li");
      var sample = svg("svg", { width: 36, height: 12, viewBox: "0 0 36 12", "aria-hidden": "true", focusable: "false" });
      sample.appendChild(svg("line", { x1: 2, x2: 34, y1: 6, y2: 6, stroke: kind.colour, "stroke-width": 3, "stroke-dasharray": kind.dash || "none" }));
      li.appendChild(sample);
      li.appendChild(el("span", null, kind.label));
      legend.appendChild(li);
    });
    [["party", "party"], ["person", "person"], ["ceasefire", "ceasefire"]].forEach(function (pair) {
      var li = el("li");
      var sample = svg("svg", { width: 36, height: 14, viewBox: "0 0 36 14", "aria-hidden": "true", focusable: "false", class: "node " + pair[0] });
      if (pair[0] === "ceasefire") sample.appendChild(svg("rect", { x: 12, y: 1, width: 12, height: 12 }));
      else sample.appendChild(svg("circle", { cx: 18, cy: 7, r: pair[0] === "person" ? 5 : 6 }));
      li.appendChild(sample);
      li.appendChild(el("span", null, pair[1]));
      legend.appendChild(li);
    });
  }

  function renderGraph(snapshot) {
    var edges = clear($("graph-edges"));
    var active = {};
    var ties = clear($("graph-ties"));
    snapshot.edges.forEach(function (edge) {
      var a = graphNodes[edge[0]];
      var b = graphNodes[edge[1]];
      var kind = data.graph.legend[edge[2]];
      if (!a || !b || !kind) return;
      active[edge[0]] = active[edge[1]] = true;
      var line = svg("line", {
        x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1),
        stroke: kind.colour, "stroke-width": 1.6, "marker-end": "url(#arrow-" + edge[2] + ")",
        class: "edge", "data-kind": kind.kind
      });
      if (kind.dash) line.setAttribute("stroke-dasharray", kind.dash);
      line.appendChild(svg("title", {}, a.node.name + " " + kind.label + " " + b.node.name));
      edges.appendChild(line);
      ties.appendChild(el("li", null, a.node.name + " \u2014 " + kind.label + " \u2014 " + b.node.name));
    });
    if (!snapshot.edges.length) ties.appendChild(el("li", "none", "no ties in force"));
    graphNodes.forEach(function (entry, i) {
      entry.g.setAttribute("class", "node " + entry.node.kind + (active[i] ? "" : " idle"));
    });
    var shown = data.graph.nodes.length;
    var note = plural(snapshot.edges.length, "tie") + " in force on " + snapshot.words + ".";
    if (data.graph.total > shown) {
      note += " Showing the " + shown + " most connected of " + data.graph.total +
        " parties, people and ceasefires";
      note += snapshot.hidden_edges ? "; " + plural(snapshot.hidden_edges, "tie") + " to the others not drawn." : ".";
    }
    $("graph-note").textContent = note;
    $("graph-label").textContent = "Party graph on " + snapshot.words + ": " +
      plural(snapshot.edges.length, "tie") + " among " + plural(shown, "node");
  }

  // -- a snapshot ---------------------------------------------------------------------

  // A link can open the page on a date: index.html#at=2016-05-01 (an EDTF date among
  // the snapshot dates, else the last snapshot date before it).
  function snapshotFromHash() {
    var match = /^#at=([0-9A-Fa-fX?~%-]{4,24})$/.exec(window.location.hash);
    if (!match) return null;
    var wanted = match[1];
    try {
      wanted = decodeURIComponent(wanted);
    } catch (e) {
      // A bare "%" (EDTF's "approximate and uncertain") typed into the address.
    }
    var best = null;
    data.snapshots.forEach(function (s, i) {
      if (s.date === wanted) best = i;
    });
    if (best !== null) return best;
    var parts = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(wanted);
    if (!parts) return null;
    var day = Math.round(Date.UTC(Number(parts[1]), Number(parts[2] || 1) - 1, Number(parts[3] || 1)) / 86400000) + EPOCH_ORDINAL;
    best = 0;
    data.snapshots.forEach(function (s, i) {
      if (s.day <= day) best = i;
    });
    return best;
  }

  function showSnapshot(i, fromUser) {
    var n = data.snapshots.length;
    if (!n) return;
    var started = performance.now();
    i = Math.max(0, Math.min(n - 1, i));
    state.snapshot = i;
    var s = data.snapshots[i];
    if (fromUser && window.history && window.history.replaceState) {
      try {
        window.history.replaceState(null, "", "#at=" + encodeURIComponent(s.date));
      } catch (e) {
        // Some file:// settings refuse; the page works the same without the link.
      }
    }
    var slider = $("snapshot-slider");
    slider.value = String(i);
    slider.setAttribute("aria-valuetext", s.words);
    $("snapshot-date").textContent = s.words;
    $("snapshot-prev").disabled = i === 0;
    $("snapshot-next").disabled = i === n - 1;
    placeMarker();

    list("snapshot-rounds", s.rounds, function (text) {
      return el("li", null, text);
    });
    var delegations = clear($("snapshot-delegations"));
    if (!s.delegations.length) delegations.appendChild(el("p", "none", "none"));
    var members = s.delegations.reduce(function (sum, d) { return sum + d.members.length; }, 0);
    s.delegations.forEach(function (d) {
      // Each delegation folds away; all are open unless there are many members.
      var box = el("details", "delegation");
      box.open = members <= 15;
      var summary = el("summary");
      summary.appendChild(el("span", "delegation-name", d.name));
      summary.appendChild(document.createTextNode(" (" + plural(d.members.length, "member") + ")"));
      box.appendChild(summary);
      var ul = el("ul");
      d.members.forEach(function (m) {
        var li = el("li");
        li.appendChild(el("span", "who", m[0]));
        li.appendChild(document.createTextNode(", " + m[1] + " "));
        li.appendChild(el("span", "when", "(" + m[2] + ")"));
        ul.appendChild(li);
      });
      box.appendChild(ul);
      delegations.appendChild(box);
    });
    var ceasefires = clear($("snapshot-ceasefires"));
    if (!s.ceasefires.length) ceasefires.appendChild(el("p", "none", "none"));
    s.ceasefires.forEach(function (c) {
      ceasefires.appendChild(el("h4", null, c.name));
      ceasefires.appendChild(el("p", "when", c.period));
      if (c.parties.length) ceasefires.appendChild(el("p", null, "Parties: " + c.parties.join(", ")));
      if (c.exclusions.length) {
        var ul = el("ul", "exclusions");
        c.exclusions.forEach(function (x) {
          var li = el("li");
          li.appendChild(el("span", "who", x[0]));
          li.appendChild(document.createTextNode(" excluded" + (x[1] ? ": " + x[1] : "")));
          ul.appendChild(li);
        });
        ceasefires.appendChild(ul);
      }
    });
    list("snapshot-excluded", s.excluded, function (name) {
      return el("li", "who", name);
    });
    list("snapshot-designations", s.designations, function (d) {
      return el("li", null, d[1] + ": " + d[2] + ", by " + d[0] + (d[3] ? " (" + d[3] + ")" : ""));
    });
    list("snapshot-positions", s.positions, function (p) {
      return el("li", null, p[0] + " on " + p[1] + ": " + p[2]);
    });
    var counts = [
      plural(s.rounds.length, "round") + " in progress",
      plural(s.delegations.length, "delegation"),
      plural(s.ceasefires.length, "ceasefire") + " in force",
      plural(s.excluded.length, "party", "parties") + " excluded"
    ];
    $("snapshot-note").textContent =
      "Date " + (i + 1) + " of " + n +
      (data.counts.dates > n ? " (chosen evenly from " + data.counts.dates + " dates with events)" : "") +
      ": " + counts.join(", ") + ".";
    renderGraph(s);
    document.documentElement.setAttribute("data-snapshot-ms", String(Math.round(performance.now() - started)));
  }

  function renderSnapshotControls() {
    var slider = $("snapshot-slider");
    slider.max = String(Math.max(0, data.snapshots.length - 1));
    slider.addEventListener("input", function () {
      showSnapshot(Number(slider.value), true);
    });
    $("snapshot-prev").addEventListener("click", function () {
      showSnapshot(state.snapshot - 1, true);
    });
    $("snapshot-next").addEventListener("click", function () {
      showSnapshot(state.snapshot + 1, true);
    });
    window.addEventListener("hashchange", function () {
      var linked = snapshotFromHash();
      if (linked !== null) showSnapshot(linked);
    });
  }

  // -- contested claims ---------------------------------------------------------------

  var CONTESTED_STEP = 20;

  function renderContested() {
    var root = clear($("contested-list"));
    if (!data.contested.length) {
      root.appendChild(el("p", "none", "No claims disagree."));
      return;
    }
    var shown = 0;
    var more = el("button", "more");
    more.type = "button";
    function showMore() {
      data.contested.slice(shown, shown + CONTESTED_STEP).forEach(renderContest);
      shown = Math.min(data.contested.length, shown + CONTESTED_STEP);
      root.appendChild(more);
      var left = data.contested.length - shown;
      more.textContent = "Show " + Math.min(left, CONTESTED_STEP) + " more of " + left + " contested facts";
      more.hidden = left === 0;
    }
    more.addEventListener("click", showMore);
    function renderContest(group) {
      var section = el("section", "contest");
      section.appendChild(el("h3", null, group.about + ": " + group.predicate));
      var cards = el("ul", "claims");
      group.claims.forEach(function (c) {
        var card = el("li", "claim");
        card.appendChild(el("p", "claimant", c.claimant));
        var value = el("p", "value");
        if (c.qualifier) {
          value.appendChild(el("span", "qualifier", c.qualifier));
          value.appendChild(document.createTextNode(" "));
        }
        value.appendChild(document.createTextNode(c.value));
        card.appendChild(value);
        if (c.date) card.appendChild(el("p", "when", c.date));
        if (c.quote) card.appendChild(el("blockquote", null, "\u201c" + c.quote + "\u201d"));
        var refs = el("p", "sources", "Sources: ");
        refs.appendChild(sourceLinks(c.sources));
        card.appendChild(refs);
        cards.appendChild(card);
      });
      section.appendChild(cards);
      root.appendChild(section);
    }
    showMore();
  }

  // -- events, paged ------------------------------------------------------------------

  function renderEvents() {
    var rows = state.rows;
    var pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    state.page = Math.max(0, Math.min(pages - 1, state.page));
    var start = state.page * PAGE_SIZE;
    var ol = clear($("event-list"));
    ol.start = start + 1;
    rows.slice(start, start + PAGE_SIZE).forEach(function (e) {
      var li = el("li", "event");
      li.appendChild(el("span", "when", e[2]));
      li.appendChild(el("span", "kind", e[3]));
      li.appendChild(el("span", "what", e[4]));
      li.appendChild(sourceLinks(e[6]));
      ol.appendChild(li);
    });
    var shown = rows.length ? (start + 1) + "\u2013" + Math.min(rows.length, start + PAGE_SIZE) : "0";
    $("events-status").textContent =
      "Events " + shown + " of " + rows.length.toLocaleString("en") +
      (rows.length !== data.events.length ? " matching (of " + data.events.length.toLocaleString("en") + ")" : "") +
      "; page " + (state.page + 1) + " of " + pages + ".";
    $("events-first").disabled = $("events-prev").disabled = state.page === 0;
    $("events-last").disabled = $("events-next").disabled = state.page >= pages - 1;
  }

  function renderEventControls() {
    var timer = null;
    $("events-filter").addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var words = $("events-filter").value.toLowerCase().split(/\s+/).filter(Boolean);
        state.rows = !words.length ? data.events : data.events.filter(function (e) {
          var text = (e[2] + " " + e[3] + " " + e[4]).toLowerCase();
          return words.every(function (w) {
            return text.indexOf(w) >= 0;
          });
        });
        state.page = 0;
        renderEvents();
      }, 120);
    });
    $("events-first").addEventListener("click", function () {
      state.page = 0;
      renderEvents();
    });
    $("events-prev").addEventListener("click", function () {
      state.page -= 1;
      renderEvents();
    });
    $("events-next").addEventListener("click", function () {
      state.page += 1;
      renderEvents();
    });
    $("events-last").addEventListener("click", function () {
      state.page = Number.MAX_SAFE_INTEGER;
      renderEvents();
    });
  }

  // -- sources ------------------------------------------------------------------------

  function renderSources() {
    var ol = clear($("source-list"));
    data.sources.forEach(function (s, i) {
      var li = el("li");
      li.id = "source-" + i;
      var url = safeUrl(s.url);
      if (url) {
        var a = el("a", "title", s.title);
        a.href = url;
        a.rel = "noopener noreferrer";
        li.appendChild(a);
      } else {
        li.appendChild(el("span", "title", s.title));
      }
      li.appendChild(document.createTextNode(". " + s.publisher + (s.published ? ", " + s.published : "") + "."));
      ol.appendChild(li);
    });
    if (!data.sources.length) ol.appendChild(el("li", "none", "No sources."));
  }

  // -- start --------------------------------------------------------------------------

  renderSummary();
  renderOverview();
  renderGraphFrame();
  renderSnapshotControls();
  renderContested();
  renderEventControls();
  renderEvents();
  renderSources();
  var linked = snapshotFromHash();
  if (data.snapshots.length) {
    showSnapshot(linked === null ? data.initial : linked);
  } else {
    ["snapshot-slider", "snapshot-prev", "snapshot-next"].forEach(function (id) {
      $(id).disabled = true;
    });
    $("snapshot-note").textContent = "There are no dated events, so there is no date to show.";
    renderGraph({ edges: [], hidden_edges: 0, words: "no date" });
  }
  document.documentElement.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  document.documentElement.setAttribute("data-ready", "true");
})();
