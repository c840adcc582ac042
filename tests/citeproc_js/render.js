// Renders CSL-JSON items with citeproc-js, for tests/citeproc_js.py. Reads one JSON request on stdin:
//   {"style": "<CSL XML>", "locales": {"en-US": "<locale XML>", ...}, "lang": "en-US" or null,
//    "items": [CSL-JSON item, ...]}
// and writes JSON: for each item, alone in a fresh engine, its bibliography entry as text and
// as HTML and its first citation (the in-text citation, or the full note in a note style);
// and "order": the ids in the order the style sorts its bibliography of all the items.
"use strict";
const CSL = require("citeproc");

function engine(request, byId, format) {
  const sys = {
    retrieveLocale: (lang) => request.locales[lang] || request.locales["en-US"],
    retrieveItem: (id) => byId[id],
  };
  const result = new CSL.Engine(sys, request.style, request.lang || undefined, true);
  result.setOutputFormat(format);
  return result;
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const request = JSON.parse(input);
  const byId = Object.fromEntries(request.items.map((item) => [item.id, item]));
  // Building an engine parses the style (seconds for a 240 kB Chicago file): one engine,
  // switched between output formats, each item registered alone in turn (updateItems
  // replaces the registered items).
  const one = engine(request, byId, "text");
  const out = { items: [], order: [] };
  for (const item of request.items) {
    const rendered = { id: item.id };
    one.updateItems([item.id]);
    for (const format of ["text", "html"]) {
      one.setOutputFormat(format);
      const bibliography = one.makeBibliography();
      rendered[format] = bibliography ? bibliography[1].join("").trim() : null;
    }
    one.setOutputFormat("text");
    rendered.citation = one.makeCitationCluster([{ id: item.id }]);
    out.items.push(rendered);
  }
  one.updateItems(request.items.map((item) => item.id));
  const bibliography = one.makeBibliography();
  out.order = bibliography ? bibliography[0].entry_ids.map((ids) => ids[0]) : [];
  process.stdout.write(JSON.stringify(out));
});
