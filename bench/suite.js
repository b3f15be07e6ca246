// The measured work, shared by the Node run (bench/node.mjs) and the browser page
// (bench/page.js) so both time exactly the same calls. Each engine is one library
// doing what a caller needs to get annotations out of it; bench/README.md explains
// each one's work in words.

/** The date relative expressions are resolved against, for every engine alike. */
export const REF_DATE = '2025-01-24';

/**
 * @typedef {object} Engine
 * @property {string} name       short id used in results.json
 * @property {string} work       what one call does, for the report
 * @property {boolean} oneString whether to time the whole corpus as one string too
 * @property {() => void} [setup] called once before this engine's first run
 * @property {(text: string) => number} run  annotates one text; returns a count so
 *   the work cannot be optimized away (and as a sanity check in the report)
 */

/**
 * Builds the engines from the loaded libraries; a library passed as undefined is skipped.
 * Order matters: compromise's dates plugin changes the global `nlp`, so plain
 * compromise runs before it is installed.
 * @returns {Engine[]}
 */
export function makeEngines({ lede, nlp, datesPlugin, winkNLP, winkModel, chrono }) {
  const engines = [];
  if (lede) {
    const options = { today: REF_DATE };
    engines.push({
      name: 'lede',
      work: 'annotateFlat(text, {today}): tokens, sentences, reference date, values and entities, returned as typed arrays (what the page uses)',
      oneString: true,
      run: (text) => {
        const r = lede.annotateFlat(text, options);
        return r.tokens.length / 2 + r.spans.length / 2;
      },
    });
    engines.push({
      name: 'lede-object',
      work: 'annotate(text, {today}): the same pipeline, returned as one JS object per token and span (the JSON schema)',
      oneString: true,
      run: (text) => {
        const r = lede.annotate(text, options);
        return r.tokens.length + r.spans.length;
      },
    });
    engines.push({
      name: 'lede-tokens',
      work: 'annotateFlat(text, {values: false, entities: false}): tokens and sentences only',
      oneString: true,
      run: (text) => lede.annotateFlat(text, { values: false, entities: false }).tokens.length / 2,
    });
  }
  if (nlp) {
    const entities = (doc) =>
      doc.people().json({ offset: true, terms: false }).length +
      doc.places().json({ offset: true, terms: false }).length +
      doc.organizations().json({ offset: true, terms: false }).length;
    engines.push({
      name: 'compromise',
      work: 'nlp(text) (tokenize + tag), then .people() .places() .organizations() as .json({offset: true, terms: false})',
      oneString: true,
      run: (text) => entities(nlp(text)),
    });
    if (datesPlugin) {
      engines.push({
        name: 'compromise-dates',
        work: 'with compromise-dates installed: nlp(text), people/places/organizations as above, and .dates({today, timezone: "UTC"}).json()',
        oneString: true,
        setup: () => nlp.plugin(datesPlugin),
        run: (text) => {
          const doc = nlp(text);
          return entities(doc) + doc.dates({ today: REF_DATE, timezone: 'UTC' }).json().length;
        },
      });
    }
  }
  if (winkNLP && winkModel) {
    let wink;
    engines.push({
      name: 'wink-nlp',
      work: 'nlp.readDoc(text) with the default pipe (sbd, negation, sentiment, pos, ner, cer), then doc.entities().out(its.detail) (its NER has no person/org/place types)',
      oneString: true,
      setup: () => {
        wink = winkNLP(winkModel);
      },
      run: (text) => {
        const doc = wink.readDoc(text);
        return doc.tokens().length() + doc.entities().out(wink.its.detail).length;
      },
    });
  }
  if (chrono) {
    const ref = new Date(`${REF_DATE}T00:00:00Z`);
    engines.push({
      name: 'chrono-node',
      work: 'chrono.parse(text, refDate): dates and times only',
      oneString: true,
      run: (text) => chrono.parse(text, ref).length,
    });
  }
  return engines;
}

/** The median of a list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Times `engine` over `texts` (all of them per run): warm-up passes, then at least
 * `minRuns` timed runs (more for fast engines, until `minMs` of timing or `maxRuns`).
 * `gc`, when given, runs between runs so one run's garbage is not billed to the next.
 * @returns {{runsMs: number[], medianMs: number, count: number}}
 */
export function measure(engine, texts, { warmup = 1, minRuns = 5, maxRuns = 30, minMs = 2000, gc } = {}) {
  const pass = () => {
    let count = 0;
    for (const t of texts) count += engine.run(t);
    return count;
  };
  let count = 0;
  for (let i = 0; i < warmup; i++) count = pass();
  const runsMs = [];
  let total = 0;
  while (runsMs.length < minRuns || (total < minMs && runsMs.length < maxRuns)) {
    gc?.();
    const t0 = performance.now();
    count = pass();
    const ms = performance.now() - t0;
    runsMs.push(ms);
    total += ms;
  }
  return { runsMs, medianMs: median(runsMs), count };
}

/**
 * Runs every engine per article and, where it can, over the whole corpus as one
 * string; `log` reports progress. Resolves to one row per (engine, mode). Yields to
 * the event loop between measurements so a page stays scriptable by its driver.
 */
export async function runSuite(engines, { articles, corpus, tokens, log = () => {}, gc, modes = ['articles', 'one-string'], oneStringBudgetMs = 10000 }) {
  const bytes = (texts) => texts.reduce((n, t) => n + utf8Length(t), 0);
  const inputs = { articles, 'one-string': [corpus] };
  const rows = [];
  for (const engine of engines) {
    engine.setup?.();
    for (const mode of modes) {
      if (mode === 'one-string' && !engine.oneString) continue;
      const perArticle = rows.find((r) => r.engine === engine.name && r.mode === 'articles');
      if (mode === 'one-string' && perArticle && perArticle.medianMs > oneStringBudgetMs) {
        // Six passes of a peer this slow would take minutes and add nothing to the
        // per-article numbers, which are the headline ones.
        const row = { engine: engine.name, mode, work: engine.work, skipped: `one pass per article took ${(perArticle.medianMs / 1000).toFixed(1)} s (over the ${oneStringBudgetMs / 1000} s budget for the one-string mode)` };
        rows.push(row);
        log(row);
        continue;
      }
      const texts = inputs[mode];
      await new Promise((resolve) => setTimeout(resolve, 0));
      const r = measure(engine, texts, { gc });
      const size = bytes(texts);
      const row = {
        engine: engine.name,
        mode,
        work: engine.work,
        bytes: size,
        tokens,
        runs: r.runsMs.length,
        runsMs: r.runsMs.map((x) => Math.round(x * 10) / 10),
        medianMs: r.medianMs,
        mbPerS: size / 1e6 / (r.medianMs / 1000),
        tokensPerS: tokens / (r.medianMs / 1000),
        count: r.count,
      };
      rows.push(row);
      log(row);
    }
  }
  return rows;
}

/** UTF-8 length of a JS string without allocating the encoded bytes. */
export function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
