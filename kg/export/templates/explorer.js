/* kg who-said-what explorer. All article text is data: it reaches the DOM through textContent,
   text nodes and setAttribute on inert attributes only, never through innerHTML. */
(function () {
  "use strict";
  var T0 = performance.now();
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var N = DATA.nodes.length, BIG = N > 1500;
  var FONT = '"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Segoe UI", Tahoma, "DejaVu Sans", Arial, sans-serif';
  var STRUCTURAL = new Set(DATA.structural);
  var state = {lang: "ar", speaker: "", type: "", from: "", to: "", doc: "", contested: false, structural: true,
               reports: false, network: false};
  var selected = null;
  var timings = {parsed: 0, created: 0, stabilised: 0, iterations: 0};

  /* ---------- indexes ---------- */
  var byId = new Map(), outE = new Map(), inE = new Map(), edgeById = new Map();
  DATA.nodes.forEach(function (n) { byId.set(n.id, n); outE.set(n.id, []); inE.set(n.id, []); });
  DATA.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    if (outE.has(e.from)) outE.get(e.from).push(e);
    if (inE.has(e.to)) inE.get(e.to).push(e);
  });
  function outs(id, role) { return outE.get(id).filter(function (e) { return !role || e.role === role; }); }
  function ins(id, role) { return inE.get(id).filter(function (e) { return !role || e.role === role; }); }
  function docOf(n) { return DATA.docs[n.document] || {}; }
  function dayOf(n) { return n.date || docOf(n).published || ""; }
  function humanise(cls) { return (cls || "").replace(/([a-z])([A-Z])/g, "$1 $2").replace(/ ([A-Z])(?=[a-z])/g, function (m, c) { return " " + c.toLowerCase(); }); }

  var claimsOf = new Map();  // speaker id -> claim ids
  DATA.edges.forEach(function (e) {
    if (e.role !== "says") return;
    if (!claimsOf.has(e.from)) claimsOf.set(e.from, []);
    claimsOf.get(e.from).push(e.to);
  });
  var speakers = DATA.nodes.filter(function (n) {
    return n.kind !== "claim" && n.kind !== "event" && (claimsOf.has(n.id) || outs(n.id, "agent").length > 0);
  });

  /* ---------- labels ---------- */
  function fullLabel(n, lang) {
    if (n.kind === "claim" && lang === "en") {  // no translation of the quote: say what it asserts
      var what = outs(n.id, "asserts").map(function (e) { return fullLabel(byId.get(e.to), "en"); });
      var by = ins(n.id, "says").map(function (e) { return fullLabel(byId.get(e.from), "en"); });
      return what.length ? "says: " + what.join(", ") : "claim · " + by.join(", ");
    }
    if (n.cls === "CanonicalEvent") return (lang === "en" ? n.label_en : n.label_ar) || n.id;
    if (n.kind === "event" && lang === "en") {
      return humanise(n.cls) + (n.count != null ? " (" + n.count + ")" : "");
    }
    return (lang === "en" ? (n.label_en || n.label_ar) : (n.label_ar || n.label_en)) || n.id;
  }
  function shortLabel(n, lang) {
    var text = fullLabel(n, lang), chars = Array.from(text);
    if (chars.length > 34) text = chars.slice(0, 32).join("") + "…";
    return (n.contested ? "⚠ " : "") + text;
  }

  /* ---------- vis styling ---------- */
  function isDark(hex) {
    var v = parseInt(hex.slice(1), 16);
    return ((v >> 16) * 299 + ((v >> 8) & 255) * 587 + (v & 255) * 114) / 1000 < 140;
  }
  DATA.nodes.forEach(function (n) {
    var inside = n.shape === "box" || n.shape === "ellipse", colour = n.color;
    n.label = shortLabel(n, state.lang);
    n.font = {face: FONT, size: n.kind === "claim" ? 15 : 17, strokeWidth: inside ? 0 : 3, strokeColor: "#fff",
              color: inside && isDark(colour) ? "#fff" : "#222"};
    if (n.kind !== "claim" && n.kind !== "event") {
      n.size = 12 + Math.min(18, 3 * (claimsOf.get(n.id) || []).length + outs(n.id, "agent").length);
    }
    if (n.kind === "claim") n.widthConstraint = {maximum: 230};
    n.color = {background: colour, border: n.contested ? "#c1121f" : "#555",
               highlight: {background: colour, border: "#000"}, hover: {background: colour, border: "#000"}};
    n.borderWidth = n.contested ? 3 : 1;
    if (n.contested) n.shapeProperties = {borderDashes: [6, 3]};
    else if (n.modality && n.modality !== "Asserted" && n.modality !== "Reported") {
      n.shapeProperties = {borderDashes: [2, 4]};  // demanded, proposed, planned...: not a fact
      n.borderWidth = 2;
    }
  });
  DATA.edges.forEach(function (e) {
    e.word = e.label;
    if (BIG && e.role !== "contradicts") {  // arrows and labels cost a second a frame on 10,000 edges:
      e.label = undefined;                  // big graphs show them on the selected node's edges only
      e.arrows = {to: {enabled: false}};
    }
    if (STRUCTURAL.has(e.role)) {
      e.color = {color: "#c3c3c3", highlight: "#888"}; e.dashes = [3, 3]; e.width = 0.8;
      e.font = {size: 8, color: "#999"};
    } else if (e.role === "contradicts") {
      e.color = {color: "#c1121f", highlight: "#c1121f"}; e.dashes = [8, 4]; e.width = 3;
      e.arrows = {to: {enabled: false}}; e.font = {size: 12, color: "#c1121f"};
    } else if (e.role === "network") {  // actor network view: width by how many events support it
      e.width = 1 + Math.min(8, 1.5 * (e.weight || 1)); e.color = {color: "#3d405b", highlight: "#000"};
      e.arrows = {to: {enabled: true}};
    } else if (e.role === "report") {
      e.color = {color: "#c3c3c3"}; e.dashes = [2, 3];
    } else if (e.role === "says") {
      e.color = {color: "#3d405b"}; e.width = 2;
    } else if (e.role === "asserts") {
      e.color = {color: "#b08a3e"}; e.width = 1.6;
    }
  });

  var nodes = new vis.DataSet(DATA.nodes), edges = new vis.DataSet(DATA.edges);
  if (BIG) seedPositions();
  timings.parsed = performance.now() - T0;

  /* Big graphs start from a layout by article (a sunflower of articles, each article's claims
     and events around its centre, actors at the mean of their neighbours), so physics only has
     to polish it within a time budget. */
  function seedPositions() {
    var docs = Object.keys(DATA.docs), centre = new Map(), used = new Map(), pos = new Map(), updates = [];
    docs.forEach(function (d, i) {
      var r = 260 * Math.sqrt(i + 0.5), a = i * 2.399963;
      centre.set(d, [r * Math.cos(a), r * Math.sin(a)]);
    });
    function place(n) {
      if (pos.has(n.id) || !centre.has(n.document)) return;
      var k = used.get(n.document) || 0, c = centre.get(n.document), r = 22 * Math.sqrt(k + 1), a = k * 2.399963;
      used.set(n.document, k + 1);
      pos.set(n.id, [c[0] + r * Math.cos(a), c[1] + r * Math.sin(a)]);
    }
    DATA.nodes.forEach(function (n) {  // each claim next to the events it asserts
      if (n.kind !== "claim") return;
      place(n);
      outs(n.id, "asserts").forEach(function (e) { place(byId.get(e.to)); });
    });
    DATA.nodes.forEach(place);
    var ring = 0;
    DATA.nodes.forEach(function (n) {
      if (pos.has(n.id)) return;
      var x = 0, y = 0, k = 0;
      outE.get(n.id).concat(inE.get(n.id)).forEach(function (e) {
        var p = pos.get(e.from === n.id ? e.to : e.from);
        if (p) { x += p[0]; y += p[1]; k += 1; }
      });
      if (!k) { var a = ring++ * 2.399963, r = 300 * Math.sqrt(docs.length + ring); x = r * Math.cos(a); y = r * Math.sin(a); k = 1; }
      pos.set(n.id, [x / k + (ring++ % 7) * 9, y / k + (ring % 5) * 9]);
    });
    pos.forEach(function (p, id) { updates.push({id: id, x: p[0], y: p[1]}); });
    nodes.update(updates);
  }

  var container = document.getElementById("graph");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
    autoResize: true,
    layout: {randomSeed: 7, improvedLayout: N <= 300},
    nodes: {font: {face: FONT}, scaling: {label: {drawThreshold: 6}}},
    edges: {
      arrows: {to: {enabled: true, scaleFactor: 0.5}}, color: {color: "#8d99ae", inherit: false},
      font: {face: FONT, size: 11, color: "#555", strokeWidth: 3, strokeColor: "#fff", align: "middle"},
      smooth: BIG ? false : {type: "continuous", roundness: 0.3}, selectionWidth: 1.5
    },
    physics: {
      solver: "barnesHut", minVelocity: 1,
      barnesHut: BIG ? {gravitationalConstant: -2500, springLength: 50, springConstant: 0.05, damping: 0.6, avoidOverlap: 0}
                     : {gravitationalConstant: -4000, springLength: 95, springConstant: 0.04, damping: 0.35, avoidOverlap: 0.3},
      stabilization: {enabled: true, iterations: BIG ? 200 : 500, updateInterval: BIG ? 2 : 25, fit: true}
    },
    interaction: {hover: !BIG, tooltipDelay: 200, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, multiselect: false}
  });
  timings.created = performance.now() - T0;

  var budget = BIG ? 3000 : 4000, stabStart = performance.now();
  network.on("stabilizationProgress", function (p) {
    timings.iterations = p.iterations;
    document.getElementById("status").textContent = "laying out… " + Math.round(100 * p.iterations / p.total) + "%";
    if (performance.now() - stabStart > budget) network.stopSimulation();
  });
  network.once("stabilizationIterationsDone", ready);
  if (!N) setTimeout(ready, 0);

  function ready() {
    network.setOptions({physics: false});  // a still picture: filters and clicks never reshuffle it
    timings.stabilised = performance.now() - T0;
    applyFilters(false);
    document.documentElement.setAttribute("data-ready", "true");
  }

  /* ---------- DOM helpers ---------- */
  function el(tag, props, kids) {
    var e = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      var v = props[k];
      if (v == null || v === "") return;
      if (k === "text") e.textContent = v;
      else if (k === "class") e.className = v;
      else if (k === "onclick") e.addEventListener("click", v);
      else e.setAttribute(k, v);
    });
    (kids || []).forEach(function (c) { if (c != null) e.append(c); });
    return e;
  }
  function isArabic(text) { return /[\u0600-\u06FF]/.test(text || ""); }
  function textEl(tag, text, cls) {
    return el(tag, {text: text, class: cls, lang: isArabic(text) ? "ar" : null, dir: isArabic(text) ? "rtl" : "ltr"});
  }
  function safeUrl(url) {
    try {
      var u = new URL(url);
      return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
    } catch (err) { return null; }
  }
  function linkOrText(url, text) {
    var href = safeUrl(url);
    return href ? el("a", {href: href, target: "_blank", rel: "noopener noreferrer", text: text || url})
                : textEl("span", url);
  }
  function nodeLink(id, extra) {
    var n = byId.get(id), text = (n.contested ? "⚠ " : "") + fullLabel(n, state.lang);
    var button = el("button", {class: "link", type: "button", lang: isArabic(text) ? "ar" : null, dir: "auto",
                               text: text, onclick: function () { select(id); }});
    return extra ? el("span", {}, [button, el("span", {class: "muted", text: extra})]) : button;
  }
  function arrow() { return el("span", {class: "muted", text: state.lang === "ar" ? " ← " : " → "}); }
  function clear(box) { while (box.firstChild) box.removeChild(box.firstChild); }

  /* ---------- legend ---------- */
  (function legend() {
    var box = document.getElementById("legend");
    DATA.legend.forEach(function (item) {
      var sw = el("span", {class: "swatch shape-" + item[2]});
      sw.style.background = item[1];
      box.append(el("span", {}, [sw, document.createTextNode(humanise(item[0]) || "?")]));
    });
    box.append(el("span", {}, [el("span", {class: "swatch contested"}), document.createTextNode("⚠ contested")]));
  })();

  /* ---------- details panel ---------- */
  var GROUPS = [
    ["in", "says", "Said by"], ["out", "asserts", "Asserts"], ["in", "agent", "By"],
    ["in", "asserts", "Reported in claims"], ["out", "target", "Target"], ["out", "side", "Casualties of"],
    ["out", "location", "Where"], ["out", "violates", "Violates"], ["in", "violates", "Violated by"],
    ["out", "agent", "Acts in"], ["in", "target", "Target of"], ["in", "side", "Casualties reported by"],
    ["in", "location", "Location of"], ["out", "country", "Country"], ["out", "part of", "Part of"],
    ["in", "part of", "Parts"], ["in", "country", "Actors and places of this country"]
  ];

  function panel() {
    var box = document.getElementById("details");
    clear(box);
    box.setAttribute("dir", state.lang === "ar" ? "rtl" : "ltr");  // chains read speaker ← claim ← event in Arabic
    return box;
  }

  function showDetails(id) {
    var n = byId.get(id), box = panel(), other = state.lang === "ar" ? "en" : "ar";
    selected = id;
    var badge = el("span", {class: "badge", text: humanise(n.cls)});
    var badgeColour = DATA.legend.reduce(function (c, item) { return item[0] === n.cls ? item[1] : c; }, "#595959");
    badge.style.background = badgeColour;
    badge.style.color = isDark(badgeColour) ? "#fff" : "#222";  // readable on every family colour
    box.append(textEl("h2", fullLabel(n, state.lang)));
    if (fullLabel(n, other) !== fullLabel(n, state.lang)) box.append(textEl("div", fullLabel(n, other)));
    box.append(el("div", {}, [badge, n.role ? textEl("span", " " + n.role, "muted") : null]));
    if (n.contested) box.append(el("p", {class: "warn", text: n.cls === "Denial" ? "⚠ a denial: disputes what others report"
      : disputesOf.has(id) ? "⚠ sources disagree about this event" : "⚠ contradicted by another source"}));
    var facts = el("dl");
    function fact(name, value) { if (value != null && value !== "") facts.append(el("dt", {text: name}), el("dd", {}, [value])); }
    var qid = /Q\d+$/.exec(n.wikidata || "");
    if (qid) fact("Wikidata", linkOrText("https://www.wikidata.org/wiki/" + qid[0], qid[0]));
    fact("Date", n.date ? textEl("span", n.date) : null);
    fact("Count", n.count != null ? textEl("span", n.count + (n.casualty_type ? " " + n.casualty_type : "")) : null);
    fact("Trigger", n.trigger ? textEl("span", n.trigger) : null);
    fact("Modality", n.modality && n.modality !== "Asserted" ? textEl("span", n.modality.toLowerCase()) : null);
    fact("About", n.about ? textEl("span", n.about) : null);
    fact("Victim", n.victim ? textEl("span", n.victim) : null);
    fact("Also written", n.aliases && n.aliases.length ? textEl("span", n.aliases.join("، ")) : null);
    box.append(facts);
    if (n.cls === "CanonicalEvent") canonicalBlock(n, box);
    if (disputesOf.has(id)) disputesOf.get(id).forEach(function (d) { box.append(disputeBlock(d)); });
    if (n.folded) box.append(el("p", {}, [el("span", {class: "muted", text: "one report of "}), nodeLink(n.folded)]));
    if (n.quote) { box.append(el("h3", {text: "Quote"}), textEl("blockquote", "«" + n.quote + "»")); }
    if (n.sentence) box.append(el("h3", {text: "Source sentence"}), sentenceBlock(n));
    if (n.document) box.append(el("h3", {text: "Article"}), articleBlock(n));
    var spoken = claimsOf.get(id);
    if (spoken) box.append(el("h3", {text: "Who said what: " + spoken.length + " claim(s)"}), claimList(spoken, 50));
    GROUPS.forEach(function (g) {
      var list = (g[0] === "out" ? outs(id, g[1]) : ins(id, g[1])).map(function (e) { return g[0] === "out" ? e.to : e.from; });
      if (g[1] === "says" && g[0] === "out") return;
      if (!list.length) return;
      var ul = el("ul");
      list.slice(0, 60).forEach(function (other) { ul.append(el("li", {}, [nodeLink(other)])); });
      if (list.length > 60) ul.append(el("li", {class: "muted", text: "… " + (list.length - 60) + " more"}));
      box.append(el("h3", {text: g[2]}), ul);
    });
    var conflicts = outs(id, "contradicts").map(function (e) { return [e.to, e.title]; })
      .concat(ins(id, "contradicts").map(function (e) { return [e.from, e.title]; }));
    if (conflicts.length) {
      var cl = el("ul");
      conflicts.forEach(function (c) { cl.append(el("li", {}, [nodeLink(c[0]), textEl("span", " — " + c[1], "muted")])); });
      box.append(el("h3", {class: "warn", text: "Contradicts"}), cl);
    }
    if (n.rule) box.append(el("p", {class: "muted", text: "extracted by " + n.rule + ", confidence " + n.confidence}));
  }

  var disputesOf = new Map();
  (DATA.disputes || []).forEach(function (d) {
    if (!disputesOf.has(d.concerns)) disputesOf.set(d.concerns, []);
    disputesOf.get(d.concerns).push(d);
  });
  function claimsOfReport(rid) { return ins(rid, "asserts").map(function (e) { return e.from; }); }
  function speakerLinks(ids) {
    var span = el("span");
    ids.filter(function (a) { return byId.has(a); }).forEach(function (a, i) { if (i) span.append(", "); span.append(nodeLink(a)); });
    return span;
  }
  /* A canonical event: its reports side by side (outlet, date, count, sentence, claim and speaker). */
  function canonicalBlock(n, box) {
    var facts = el("dl");
    function fact(name, value) { if (value) facts.append(el("dt", {text: name}), el("dd", {}, [value])); }
    if (n.min_count != null) fact("Count range", textEl("span", (n.min_count === n.max_count ? n.min_count : n.min_count + "–" + n.max_count) + " " + (n.casualty_type || "")));
    fact("Event", textEl("span", humanise(n.event_class)));
    fact("Sources", textEl("span", n.sources + " outlet(s), " + n.reports.length + " report(s)"));
    if (n.earliestDate && n.latestDate && n.earliestDate !== n.latestDate) fact("Dates reported", textEl("span", n.earliestDate + " – " + n.latestDate));
    box.append(facts);
    if (n.precision === "document") box.append(el("p", {class: "muted", text: "date: reported around the publication date"}));
    box.append(el("button", {type: "button", id: "show-reports", text: state.reports ? "hide the reports in the graph" : "show the reports in the graph",
      onclick: function () { state.reports = !state.reports; controls.reports.checked = state.reports; applyFilters(false); }}));
    box.append(el("h3", {text: "Reports (" + n.reports.length + ")"}));
    n.reports.forEach(function (rid) {
      var r = byId.get(rid); if (!r) return;
      var d = docOf(r), card = el("div", {class: "report"}), dl = el("dl");
      function row(name, value) { if (value) dl.append(el("dt", {text: name}), el("dd", {}, [value])); }
      row("Outlet", textEl("span", d.publisher || decodeURIComponent((r.document || "").split("/doc/")[1] || "?")));
      row("Date", dayOf(r) ? textEl("span", dayOf(r)) : null);
      row("Count", r.count != null ? textEl("span", r.count + (r.casualty_type ? " " + r.casualty_type : "")) : null);
      claimsOfReport(rid).forEach(function (cid) {
        var c = byId.get(cid);
        row("Claim", textEl("span", "«" + (c.quote || "") + "»"));
        row("Said by", speakerLinks(ins(cid, "says").map(function (e) { return e.from; })));
      });
      row("Report", nodeLink(rid));
      card.append(dl);
      if (r.sentence) card.append(sentenceBlock(r));
      box.append(card);
    });
  }
  var STANCES = {reports: "reports", blames: "blames", accuses: "accuses", denies: "denies"};
  /* A disagreement: who says what, one row per position. */
  function disputeBlock(d) {
    var wrap = el("div", {class: "dispute"});
    wrap.append(el("h3", {class: "warn", text: "⚠ " + humanise(d.kind)}), textEl("p", d.label, "muted"));
    var table = el("table", {class: "wsw"}), head = el("tr");
    ["Source", "Speaker", "Says", "Count / blamed"].forEach(function (h) { head.append(el("th", {scope: "col", text: h})); });
    table.append(el("thead", {}, [head]));
    var body = el("tbody");
    d.positions.forEach(function (p) {
      var tr = el("tr");
      tr.append(el("td", {}, [textEl("span", p.source || decodeURIComponent((byId.get(p.report) || {}).document || "").split("/doc/")[1] || "?")]));
      tr.append(el("td", {}, [speakerLinks(p.heldBy)]));
      tr.append(el("td", {}, [byId.has(p.report) ? el("button", {class: "link", type: "button", text: STANCES[p.stance] || p.stance,
        onclick: function () { if (byId.get(p.report).folded && !state.reports) { state.reports = true; controls.reports.checked = true; applyFilters(false); } select(p.report); }})
        : textEl("span", p.stance)]));
      tr.append(el("td", {}, [p.count != null ? textEl("span", String(p.count)) : speakerLinks(p.blames)]));
      body.append(tr);
    });
    table.append(body);
    wrap.append(table);
    return wrap;
  }

  function sentenceBlock(n) {
    var chars = Array.from(n.sentence), p = el("p", {class: "sentence", lang: "ar", dir: "rtl"});
    var s = n.span ? n.span[0] : -1, e = n.span ? n.span[1] : -1;
    if (s >= 0 && e > s && e <= chars.length) {
      p.append(chars.slice(0, s).join(""), el("mark", {text: chars.slice(s, e).join("")}), chars.slice(e).join(""));
    } else {
      p.textContent = n.sentence;
    }
    return p;
  }

  function articleBlock(n) {
    var d = docOf(n), facts = el("dl");
    function fact(name, value) { if (value) facts.append(el("dt", {text: name}), el("dd", {}, [value])); }
    fact("Headline", d.headline ? textEl("span", d.headline) : null);
    fact("Published", d.published ? textEl("span", d.published) : null);
    fact("Publisher", d.publisher ? textEl("span", d.publisher) : null);
    fact("URL", d.url ? linkOrText(d.url) : null);
    fact("Document", textEl("span", decodeURIComponent(n.document.split("/doc/")[1] || n.document)));
    return facts;
  }

  function claimList(claimIds, limit) {
    var ul = el("ul");
    claimIds.slice(0, limit).forEach(function (cid) {
      var c = byId.get(cid), li = el("li", {class: "wsw-claim"}, [nodeLink(cid)]);
      outs(cid, "asserts").forEach(function (e) {
        if (!visible.has(e.to)) return;  // a report folded into its canonical event: the claim points to that
        li.append(arrow(), nodeLink(e.to));
      });
      if (c.date) li.append(el("span", {class: "muted", text: " (" + c.date + ")"}));
      ul.append(li);
    });
    if (claimIds.length > limit) ul.append(el("li", {class: "muted", text: "… " + (claimIds.length - limit) + " more"}));
    return ul;
  }

  /* With nothing selected the panel reads as text: each speaker in view and what they said. */
  function showOverview() {
    var box = panel();
    selected = null;
    if (state.network) return networkOverview(box);
    box.append(el("h2", {text: "Who said what"}));
    var rows = speakers.filter(function (s) { return visible.has(s.id) && claimsOf.has(s.id); }).map(function (s) {
      return [s, claimsOf.get(s.id).filter(function (c) { return visible.has(c); })];
    }).filter(function (r) { return r[1].length; });
    rows.sort(function (a, b) { return b[1].length - a[1].length || fullLabel(a[0], "en").localeCompare(fullLabel(b[0], "en")); });
    if (!rows.length) box.append(el("p", {class: "muted", text: "No claims in view."}));
    rows.slice(0, 30).forEach(function (r) {
      box.append(el("div", {class: "wsw-speaker"}, [nodeLink(r[0].id, " (" + r[1].length + ")"), claimList(r[1], 8)]));
    });
    if (rows.length > 30) box.append(el("p", {class: "muted", text: "… " + (rows.length - 30) + " more speakers: use the speaker filter"}));
    var conflicts = DATA.edges.filter(function (e) { return e.role === "contradicts" && visible.has(e.from) && visible.has(e.to); });
    if (conflicts.length) {
      var ul = el("ul");
      conflicts.slice(0, 50).forEach(function (e) {
        ul.append(el("li", {}, [nodeLink(e.from), el("span", {text: " ⟷ "}), nodeLink(e.to), textEl("span", " — " + e.title, "muted")]));
      });
      box.append(el("h3", {class: "warn", text: "Contradictions (" + conflicts.length + ")"}), ul);
    }
    var disputes = (DATA.disputes || []).filter(function (d) { return visible.has(d.concerns); });
    if (disputes.length) {
      var dl = el("ul");
      disputes.slice(0, 50).forEach(function (d) {
        dl.append(el("li", {}, [nodeLink(d.concerns), textEl("span", " — " + d.label, "muted")]));
      });
      box.append(el("h3", {class: "warn", text: "Disagreements between sources (" + disputes.length + ")"}), dl);
    }
    timeline(box);
  }

  /* The actor network's panel: who acts on whom, the best-supported relations first. */
  function networkOverview(box) {
    var rows = DATA.edges.filter(function (e) { return e.role === "network" && visible.has(e.from) && visible.has(e.to); })
      .sort(function (a, b) { return b.weight - a.weight || a.id.localeCompare(b.id); });
    box.append(el("h2", {text: "Actor network"}),
               el("p", {class: "muted", text: "Who acts on whom: one edge per actor, relation and target, as thick as the number of events (a canonical event counts once) that support it."}));
    var ul = el("ul");
    rows.slice(0, 80).forEach(function (e) {
      ul.append(el("li", {class: "network-row"}, [nodeLink(e.from), textEl("span", " " + e.word + " ", "muted"), nodeLink(e.to)]));
    });
    if (rows.length > 80) ul.append(el("li", {class: "muted", text: "… " + (rows.length - 80) + " more"}));
    box.append(ul);
  }

  /* Timeline: canonical events and events in view by date (reports folded into a canonical event
     are listed under it), click to select. */
  function timeline(box) {
    var items = DATA.nodes.filter(function (n) {
      return n.kind === "event" && visible.has(n.id) && dayOf(n);
    }).sort(function (a, b) { return dayOf(a).localeCompare(dayOf(b)) || (b.cls === "CanonicalEvent") - (a.cls === "CanonicalEvent"); });
    if (!items.length) return;
    var ol = el("ol", {class: "timeline"}), last = "";
    items.slice(0, 80).forEach(function (n) {
      var day = dayOf(n).slice(0, 10);
      var about = n.precision === "document" ? "≈ " : "";  // undated reports: around the publication date
      ol.append(el("li", {}, [el("span", {class: "muted", text: day === last ? about : about + day + " "}), nodeLink(n.id)]));
      last = day;
    });
    if (items.length > 80) ol.append(el("li", {class: "muted", text: "… " + (items.length - 80) + " more: use From / to"}));
    box.append(el("h3", {text: "Timeline (" + items.length + ")"}), ol);
  }

  /* ---------- filters ---------- */
  var visible = new Set(DATA.nodes.map(function (n) { return n.id; }));
  var hiddenNow = new Map(), edgeHiddenNow = new Map();

  function spokenBy(n, speaker) {
    if (n.kind === "claim") return ins(n.id, "says").some(function (e) { return e.from === speaker; });
    return ins(n.id, "agent").some(function (e) { return e.from === speaker; }) ||
      ins(n.id, "asserts").some(function (e) { return spokenBy(byId.get(e.from), speaker); });
  }
  function itemPasses(n) {
    var day = dayOf(n);
    if (state.doc && n.document !== state.doc && !(n.reports || []).some(function (r) {
      return byId.has(r) && byId.get(r).document === state.doc; })) return false;  // a canonical event: any of its articles
    if (state.from && (!day || day < state.from)) return false;
    if (state.to && (!day || day > state.to)) return false;
    if (state.contested && !n.contested) return false;
    if (state.type && (n.kind === "event" ? (n.event_class || n.cls) !== state.type
        : !outs(n.id, "asserts").some(function (e) { return byId.get(e.to).cls === state.type; }))) return false;
    return !state.speaker || spokenBy(n, state.speaker);
  }
  function filtering() {
    return !!(state.speaker || state.type || state.from || state.to || state.doc || state.contested);
  }
  var networkActors = new Set();
  DATA.edges.forEach(function (e) { if (e.role === "network") { networkActors.add(e.from); networkActors.add(e.to); } });

  function applyFilters(fit) {
    var t = performance.now(), active = filtering();
    visible = new Set();
    DATA.nodes.forEach(function (n) {
      var item = n.kind === "claim" || n.kind === "event";
      if (!active || (item && itemPasses(n))) visible.add(n.id);
    });
    if (active) {
      DATA.nodes.forEach(function (n) {
        if (n.kind === "claim" || n.kind === "event") return;
        var touches = outE.get(n.id).concat(inE.get(n.id)).some(function (e) {
          return !STRUCTURAL.has(e.role) && visible.has(e.from === n.id ? e.to : e.from) &&
            (byId.get(e.from === n.id ? e.to : e.from).kind === "claim" || byId.get(e.from === n.id ? e.to : e.from).kind === "event");
        });
        if (touches || n.id === state.speaker) visible.add(n.id);
      });
    }
    if (!state.reports) DATA.nodes.forEach(function (n) { if (n.folded) visible.delete(n.id); });
    if (state.network) visible = new Set(Array.from(networkActors).filter(function (id) { return !active || visible.has(id); }));
    var nodeUpdates = [], edgeUpdates = [];
    DATA.nodes.forEach(function (n) {
      var hide = !visible.has(n.id), was = hiddenNow.has(n.id) ? hiddenNow.get(n.id) : !!n.hidden;
      if (was !== hide) {
        hiddenNow.set(n.id, hide);
        nodeUpdates.push(!hide && n.folded ? besideCanonical(n) : {id: n.id, hidden: hide});
      }
    });
    DATA.edges.forEach(function (e) {  // vis already skips edges of hidden nodes: only the structural toggle hides edges
      var hide = (!state.structural && STRUCTURAL.has(e.role)) || (e.role === "network") !== state.network;
      if ((edgeHiddenNow.get(e.id) || false) !== hide) { edgeHiddenNow.set(e.id, hide); edgeUpdates.push({id: e.id, hidden: hide}); }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    var contested = DATA.nodes.filter(function (n) { return n.contested && visible.has(n.id); }).length;
    document.getElementById("status").textContent = "showing " + visible.size + " of " + N + " nodes" +
      (contested ? " · ⚠ " + contested + " contested" : "");
    if (fit && visible.size) network.fit({nodes: Array.from(visible), animation: false});
    if (selected && visible.has(selected)) showDetails(selected); else showOverview();
    timings.lastFilter = performance.now() - t;
  }

  /* A report shown for the first time goes on a ring around its canonical event (it was kept out
     of the layout), so unfolding puts the reports where the reader is looking. */
  var placed = new Set();
  function besideCanonical(n) {
    if (placed.has(n.id) || BIG) return {id: n.id, hidden: false};
    placed.add(n.id);
    var canon = byId.get(n.folded), at = network.getPositions([n.folded])[n.folded];
    var k = canon.reports.indexOf(n.id), total = canon.reports.length, angle = 2 * Math.PI * k / total - Math.PI / 2;
    var r = 70 + 12 * total;
    return at ? {id: n.id, hidden: false, x: at.x + r * Math.cos(angle), y: at.y + r * Math.sin(angle)} : {id: n.id, hidden: false};
  }

  var controls = {
    speaker: document.getElementById("f-speaker"), type: document.getElementById("f-type"),
    from: document.getElementById("f-from"), to: document.getElementById("f-to"), doc: document.getElementById("f-doc"),
    contested: document.getElementById("f-contested"), structural: document.getElementById("f-structural"),
    reports: document.getElementById("f-reports"), network: document.getElementById("f-network")
  };
  function fillOptions() {
    controls.speaker.length = 1;
    speakers.slice().sort(function (a, b) {
      return (claimsOf.get(b.id) || []).length - (claimsOf.get(a.id) || []).length || fullLabel(a, "en").localeCompare(fullLabel(b, "en"));
    }).forEach(function (s) {
      var k = (claimsOf.get(s.id) || []).length;
      var label = fullLabel(s, state.lang);
      controls.speaker.append(el("option", {value: s.id, text: label + " (" + k + ")", dir: "auto",
                                            lang: isArabic(label) ? "ar" : null}));
    });
    controls.speaker.value = state.speaker;
  }
  (function staticOptions() {
    var types = new Map(), days = [];
    DATA.nodes.forEach(function (n) {
      if (n.kind === "event" && !n.folded) types.set(n.event_class || n.cls, (types.get(n.event_class || n.cls) || 0) + 1);
      if (n.kind === "event" || n.kind === "claim") { var d = dayOf(n); if (d) days.push(d); }
    });
    Array.from(types.keys()).sort().forEach(function (t) {
      controls.type.append(el("option", {value: t, text: humanise(t) + " (" + types.get(t) + ")"}));
    });
    Object.keys(DATA.docs).map(function (id) { return [id, DATA.docs[id]]; })
      .sort(function (a, b) { return (b[1].published || "").localeCompare(a[1].published || ""); })
      .forEach(function (d) {
        var head = Array.from(d[1].headline || decodeURIComponent(d[0].split("/doc/")[1] || d[0]));
        controls.doc.append(el("option", {value: d[0], dir: "auto",
          text: (d[1].published ? d[1].published + " · " : "") + head.slice(0, 60).join("") + (head.length > 60 ? "…" : "")}));
      });
    days.sort();
    if (days.length) {
      ["from", "to"].forEach(function (k) { controls[k].min = days[0].slice(0, 10); controls[k].max = days[days.length - 1].slice(0, 10); });
    }
  })();
  fillOptions();

  ["speaker", "type", "from", "to", "doc"].forEach(function (k) {
    controls[k].addEventListener("change", function () { state[k] = controls[k].value; applyFilters(true); });
  });
  ["contested", "structural", "reports", "network"].forEach(function (k) {
    controls[k].addEventListener("change", function () { state[k] = controls[k].checked; applyFilters(k === "contested" || k === "network"); });
  });
  function resetFilters() {
    ["speaker", "type", "from", "to", "doc"].forEach(function (k) { state[k] = ""; controls[k].value = ""; });
    state.contested = false; controls.contested.checked = false;
  }
  function resetAll() { resetFilters(); selected = null; network.unselectAll(); applyFilters(true); }
  document.getElementById("f-reset").addEventListener("click", resetAll);
  document.addEventListener("keydown", function (ev) {  // Esc: back to the whole picture, like Reset
    if (ev.key === "Escape" && ev.target !== searchBox) resetAll();
  });

  /* ---------- search: Arabic spelling variants fold together ---------- */
  function normalise(text) {
    return (text || "").normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")                       // Latin accents
      .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, "")  // harakat, hamza/madda marks, tatweel
      .replace(/[أإآٱ]/g, "ا").replace(/[ىی]/g, "ي").replace(/ة/g, "ه").replace(/ؤ/g, "و").replace(/ئ/g, "ي")
      .replace(/ء/g, "").replace(/ک/g, "ك")
      .toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  var searchIndex = DATA.nodes.map(function (n) {
    var names = [n.label_ar, n.label_en].concat(n.aliases || []).map(normalise).filter(Boolean);
    var extra = [n.quote, n.trigger].map(normalise).filter(Boolean);
    return {id: n.id, names: names, extra: extra, rank: n.kind === "claim" ? 2 : n.kind === "event" ? 1 : 0};
  });
  function search(query, limit) {
    var q = normalise(query), hits = [];
    if (!q) return hits;
    searchIndex.forEach(function (entry) {
      var best = 9;
      entry.names.forEach(function (name) {
        var s = name === q ? 0 : name.startsWith(q) ? 1 : (" " + name).indexOf(" " + q) >= 0 ? 2 : name.indexOf(q) >= 0 ? 3 : 9;
        best = Math.min(best, s);
      });
      if (best === 9 && entry.extra.some(function (t) { return t.indexOf(q) >= 0; })) best = 5;
      if (best < 9) hits.push([best * 3 + entry.rank, entry.id]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || fullLabel(byId.get(a[1]), "en").length - fullLabel(byId.get(b[1]), "en").length; });
    return hits.slice(0, limit || 20).map(function (h) { return h[1]; });
  }
  var searchBox = document.getElementById("search"), results = document.getElementById("search-results"), active = 0;
  function showResults() {
    var ids = search(searchBox.value, 20);
    clear(results);
    active = 0;
    ids.forEach(function (id, i) {
      var n = byId.get(id), other = state.lang === "ar" ? "en" : "ar";
      var li = el("li", {"data-id": id, class: i === 0 ? "active" : null}, [
        textEl("span", fullLabel(n, state.lang)), document.createTextNode(" "),
        textEl("span", fullLabel(n, other), "muted"), el("span", {class: "cls", text: " · " + humanise(n.cls)})]);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(id); });
      results.append(li);
    });
    if (!ids.length && searchBox.value.trim()) results.append(el("li", {class: "muted", text: "no match"}));
    results.hidden = !searchBox.value.trim();
  }
  function pick(id) { results.hidden = true; select(id); }
  searchBox.addEventListener("input", showResults);
  searchBox.addEventListener("keydown", function (ev) {
    var items = results.querySelectorAll("li[data-id]");
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!items.length) return;
      items[active].classList.remove("active");
      active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items[active].classList.add("active");
    } else if (ev.key === "Enter" && items.length) {
      pick(items[active].getAttribute("data-id"));
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });
  searchBox.addEventListener("blur", function () { results.hidden = true; });
  searchBox.addEventListener("focus", function () { if (searchBox.value.trim()) showResults(); });

  /* ---------- selection and language ---------- */
  var emphasised = [];
  function emphasise(id) {
    if (!BIG) return;
    var updates = emphasised.map(function (eid) { return {id: eid, label: undefined, arrows: {to: {enabled: false}}}; });
    emphasised = id ? outE.get(id).concat(inE.get(id)).filter(function (e) { return e.role !== "contradicts"; })
      .map(function (e) { return e.id; }) : [];
    emphasised.forEach(function (eid) { updates.push({id: eid, label: edgeById.get(eid).word, arrows: {to: {enabled: true}}}); });
    if (updates.length) edges.update(updates);
  }

  function select(id) {
    if (!byId.has(id)) return;
    if (!visible.has(id)) {
      resetFilters();
      if (byId.get(id).folded) { state.reports = true; controls.reports.checked = true; }
      if (byId.get(id).kind !== "actor") { state.network = false; controls.network.checked = false; }
      applyFilters(false);
    }
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1), animation: false});
    showDetails(id);
    emphasise(id);
  }
  network.on("click", function (p) {
    emphasise(p.nodes[0]);
    if (p.nodes.length) showDetails(p.nodes[0]);
    else if (p.edges.length) {
      var e = edgeById.get(p.edges[0]);
      showDetails(byId.get(e.to).kind === "event" || byId.get(e.to).kind === "claim" ? e.to : e.from);
    } else showOverview();
  });

  function setLang(lang) {
    state.lang = lang;
    container.setAttribute("dir", lang === "ar" ? "rtl" : "ltr");
    document.getElementById("lang-ar").setAttribute("aria-pressed", String(lang === "ar"));
    document.getElementById("lang-en").setAttribute("aria-pressed", String(lang === "en"));
    nodes.update(DATA.nodes.map(function (n) { return {id: n.id, label: shortLabel(n, lang)}; }));
    fillOptions();
    if (selected) showDetails(selected); else showOverview();
  }
  document.getElementById("lang-ar").addEventListener("click", function () { setLang("ar"); });
  document.getElementById("lang-en").addEventListener("click", function () { setLang("en"); });

  window.kgNetwork = network;
  window.kgExplorer = {nodes: nodes, edges: edges, state: state, timings: timings, search: search,
                       normalise: normalise, select: select, applyFilters: applyFilters, setLang: setLang};
})();
