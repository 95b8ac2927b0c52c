// Runs MiniSearch, FlexSearch and Fuse.js over the catalogs and judged queries the
// Rust bench writes, and prints one JSON object with their rankings and timings.
// Usage: node run.mjs <input.json>  (input written by `cargo run` in ../)
//
// Each engine is configured as its documentation recommends for fuzzy and prefix
// search over the fields name, description, keywords and agency (name boosted where
// the engine supports boosts).

import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import MiniSearch from "minisearch";
import { Document, Charset } from "flexsearch";
import Fuse from "fuse.js";

const FIELDS = ["name", "description", "keywords", "agency"];
const TOP = 10;

const engines = {
  // README: "fuzzy: 0.2, prefix: true"; boost as in its "Search options" section.
  MiniSearch: {
    build(docs) {
      const ms = new MiniSearch({
        fields: FIELDS,
        idField: "id",
        searchOptions: { boost: { name: 2 }, fuzzy: 0.2, prefix: true },
      });
      ms.addAll(docs);
      return ms;
    },
    size: async (ms) => JSON.stringify(ms).length,
    search: (ms, q) => ms.search(q).slice(0, TOP).map((r) => r.id),
  },
  // README, "Fuzzy-Search": tokenizer "forward" (prefixes), encoder LatinBalance,
  // search option `suggest: true` (partial matches instead of nothing).
  FlexSearch: {
    build(docs) {
      const index = new Document({
        document: {
          id: "id",
          index: FIELDS.map((field) => ({
            field,
            tokenize: "forward",
            encoder: Charset.LatinBalance,
          })),
        },
      });
      for (const d of docs) index.add(d);
      return index;
    },
    async size(index) {
      let bytes = 0;
      await index.export((key, data) => {
        bytes += key.length + (data ? data.length : 0);
      });
      return bytes;
    },
    search(index, q) {
      // One list per field; fused by reciprocal rank with the name counting most
      // (FlexSearch has no field boosts).
      const weight = { name: 3, keywords: 2, description: 1, agency: 1 };
      const score = new Map();
      for (const { field, result } of index.search(q, { limit: 50, suggest: true })) {
        result.forEach((id, rank) => {
          score.set(id, (score.get(id) || 0) + weight[field] / (rank + 1));
        });
      }
      return [...score.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, TOP)
        .map((e) => e[0]);
    },
  },
  // Docs ("Options"): threshold 0.6 by default, `ignoreLocation: true` for long text;
  // weighted keys for the name.
  "Fuse.js": {
    build(docs) {
      const keys = [{ name: "name", weight: 2 }, "description", "keywords", "agency"];
      const index = Fuse.createIndex(keys, docs);
      return new Fuse(docs, { keys, ignoreLocation: true, threshold: 0.4 }, index);
    },
    size: async (fuse) => JSON.stringify(fuse.getIndex().toJSON()).length,
    search: (fuse, q) => fuse.search(q, { limit: TOP }).map((r) => r.item.id),
  },
};

function percentile(sorted, p) {
  return sorted[Math.round((sorted.length - 1) * p)];
}

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const only = process.env.BENCH_ENGINES ? process.env.BENCH_ENGINES.split(",") : null;
const out = [];
for (const set of input.sets) {
  for (const [name, engine] of Object.entries(engines)) {
    if (only && !only.includes(name)) continue;
    if (set.engines && !set.engines.includes(name)) continue;
    process.stderr.write(`${set.name} ${name}: building\n`);
    const t0 = performance.now();
    const index = engine.build(set.docs);
    const buildMs = performance.now() - t0;
    const indexBytes = await engine.size(index);
    process.stderr.write(`  built in ${(performance.now() - t0).toFixed(0)} ms; searching\n`);
    const times = [];
    const results = set.queries.map((q) => {
      const t = performance.now();
      const r = engine.search(index, q);
      times.push((performance.now() - t) * 1000);
      return r;
    });
    // Timing: the pass above, then more passes over every query up to `runs` in all,
    // stopped past the time budget (the Rust side sets both).
    const deadline = performance.now() + set.budget_ms;
    for (let r = 1; r < set.runs && performance.now() < deadline; r++) {
      for (const q of set.queries) {
        const t = performance.now();
        engine.search(index, q);
        times.push((performance.now() - t) * 1000);
      }
    }
    times.sort((a, b) => a - b);
    out.push({
      set: set.name,
      engine: name,
      build_ms: buildMs,
      index_bytes: indexBytes,
      results,
      p50_us: percentile(times, 0.5),
      p95_us: percentile(times, 0.95),
    });
  }
}
process.stdout.write(JSON.stringify(out));
