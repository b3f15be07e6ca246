// Builds the benchmark corpus into bench/corpus/ (git-ignored) from the openly
// licensed news text in ../shared/data, deterministically: same data, same bytes.
//
// Usage: node bench/corpus.mjs [--big]      (LEDE_DATA=/path/to/shared/data to override)
//
// What it takes, exactly:
//   1. gmb_kaggle/test.jsonl: all 4,796 sentences, in file order (Voice of America news,
//      public domain; text rebuilt from tokens by the data's own detokenizer). The
//      Kaggle repack has no document ids, so consecutive sentences are grouped into
//      pseudo-articles of GMB_SENTENCES_PER_ARTICLE sentences (a VOA story's length).
//   2. gum_ner/{train,dev,test}.jsonl: every document (108: Wikinews news and interviews,
//      Wikipedia bios, Wikivoyage, academic, court; the data folder already excludes GUM's
//      non-commercial genres), sorted by doc id, sentences in order (original text).
//      Licenses: CC-BY 2.5 (Wikinews), CC-BY 4.0 (academic, court), CC-BY-SA 3.0
//      (Wikipedia, Wikivoyage); attribution: Zeldes (2017), the GUM corpus. The corpus is
//      built locally for measurement and never committed or shipped.
// Sentences of one document are joined with a space after sentence-final punctuation
// and with a line break otherwise (headings, bylines, list items).
//
// Outputs (bench/corpus/):
//   articles.jsonl     one {"id","source","license","text"} per article (~1.1 MB of text)
//   corpus.txt         every article's text, joined with blank lines (the one-string mode)
//   article-1000w.txt  the first GMB sentences up to 1,000 words (cold-start article)
//   10mb.txt           corpus.txt repeated to 10 MB (the memory test)
//   big.jsonl          with --big only: the articles repeated, ids made unique, to 100 MB
//                      of JSON Lines (the native CLI throughput test)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const data = path.resolve(process.env.LEDE_DATA || path.join(repo, '..', 'shared', 'data'));
const out = path.join(repo, 'bench', 'corpus');

const GMB_SENTENCES_PER_ARTICLE = 20;
const COLD_START_WORDS = 1000;
const MEMORY_TEXT_BYTES = 10 * 1000 * 1000;
const BIG_JSONL_BYTES = 100 * 1000 * 1000;

/** Reads a JSON Lines file into an array of objects. */
function readJsonl(file) {
  const full = path.join(data, file);
  if (!fs.existsSync(full)) {
    throw new Error(`${full} is missing: set LEDE_DATA to the shared data folder`);
  }
  return fs.readFileSync(full, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/** Joins the sentences of one document as running text. */
function joinSentences(sentences) {
  let text = '';
  for (const s of sentences) {
    const t = s.trim();
    if (!t) continue;
    if (text) text += /[.!?]["'”’)\]]*$/.test(text) ? ' ' : '\n';
    text += t;
  }
  return text;
}

function gmbArticles() {
  const rows = readJsonl('gmb_kaggle/test.jsonl');
  const articles = [];
  for (let i = 0; i < rows.length; i += GMB_SENTENCES_PER_ARTICLE) {
    const chunk = rows.slice(i, i + GMB_SENTENCES_PER_ARTICLE);
    articles.push({
      id: `gmb-test-${String(articles.length + 1).padStart(3, '0')}`,
      source: `gmb_kaggle/test.jsonl sentences ${chunk[0].id}..${chunk[chunk.length - 1].id}`,
      license: 'public domain (Voice of America)',
      text: joinSentences(chunk.map((r) => r.text)),
    });
  }
  return articles;
}

function gumArticles() {
  const docs = new Map();
  for (const split of ['train', 'dev', 'test']) {
    for (const row of readJsonl(`gum_ner/${split}.jsonl`)) {
      if (!docs.has(row.doc)) docs.set(row.doc, { license: row.text_license, split, sentences: [] });
      docs.get(row.doc).sentences.push(row.text);
    }
  }
  return [...docs.keys()].sort().map((doc) => ({
    id: doc,
    source: `gum_ner/${docs.get(doc).split}.jsonl doc ${doc}`,
    license: docs.get(doc).license,
    text: joinSentences(docs.get(doc).sentences),
  }));
}

/** The first GMB sentences, whole, until the text has at least `words` words. */
function firstWords(rows, words) {
  const taken = [];
  let count = 0;
  for (const r of rows) {
    if (count >= words) break;
    taken.push(r.text);
    count += r.text.split(/\s+/).filter(Boolean).length;
  }
  return joinSentences(taken);
}

/** `text` repeated (whole articles, blank-line separated) up to `bytes` bytes. */
function repeatTo(articles, bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const t = articles[i % articles.length].text;
    parts.push(t);
    size += Buffer.byteLength(t) + 2;
  }
  return parts.join('\n\n');
}

function writeBig(articles) {
  const file = path.join(out, 'big.jsonl');
  const fd = fs.openSync(file, 'w');
  let size = 0;
  for (let i = 0; size < BIG_JSONL_BYTES; i++) {
    const a = articles[i % articles.length];
    const line = JSON.stringify({ id: `${a.id}#${Math.floor(i / articles.length)}`, text: a.text }) + '\n';
    fs.writeSync(fd, line);
    size += Buffer.byteLength(line);
  }
  fs.closeSync(fd);
  return { file, size };
}

const articles = [...gmbArticles(), ...gumArticles()];
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'articles.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
const corpus = articles.map((a) => a.text).join('\n\n');
fs.writeFileSync(path.join(out, 'corpus.txt'), corpus);
const cold = firstWords(readJsonl('gmb_kaggle/test.jsonl'), COLD_START_WORDS);
fs.writeFileSync(path.join(out, 'article-1000w.txt'), cold);
fs.writeFileSync(path.join(out, '10mb.txt'), repeatTo(articles, MEMORY_TEXT_BYTES));
const words = corpus.split(/\s+/).filter(Boolean).length;
console.log(
  `bench/corpus: ${articles.length} articles, ${Buffer.byteLength(corpus)} bytes, ${words} words ` +
    `(cold-start article: ${cold.split(/\s+/).length} words)`,
);
if (process.argv.includes('--big')) {
  const { size } = writeBig(articles);
  console.log(`bench/corpus/big.jsonl: ${size} bytes`);
}
