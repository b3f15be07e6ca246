// Wires the page: reads the textarea, asks the worker to annotate, and lists the
// sentences and tokens. Article text is only ever inserted as text nodes.
import { AnnotatorClient } from './worker-client.js';

const $ = (id) => document.getElementById(id);
const client = new AnnotatorClient();

function item(list, text, title) {
  const li = document.createElement('li');
  li.textContent = text;
  if (title) li.title = title;
  list.append(li);
}

async function run() {
  const text = $('article').value;
  const status = $('status');
  status.textContent = 'Annotating…';
  try {
    const options = $('ref-date').value ? { refDate: $('ref-date').value } : {};
    const doc = await client.annotate(text, options);
    if (!$('ref-date').value && doc.refDateSource !== 'unknown') $('ref-date').value = doc.refDate.slice(0, 10);
    const tokens = $('tokens');
    const sentences = $('sentences');
    tokens.replaceChildren();
    sentences.replaceChildren();
    for (let i = 0; i < doc.tokens.length; i += 2) {
      const [start, end] = [doc.tokens[i], doc.tokens[i + 1]];
      item(tokens, text.slice(start, end), `${start}–${end} (UTF-16)`);
    }
    for (let i = 0; i < doc.sentences.length; i += 2) {
      const first = doc.sentences[i];
      const last = doc.sentences[i + 1] - 1;
      item(sentences, text.slice(doc.tokens[2 * first], doc.tokens[2 * last + 1]));
    }
    $('token-count').textContent = `(${doc.tokens.length / 2})`;
    $('sentence-count').textContent = `(${doc.sentences.length / 2})`;
    status.textContent = `Done in ${doc.elapsedMs.toFixed(1)} ms`;
  } catch (err) {
    status.textContent = `Error: ${err.message}`;
  }
}

$('annotate').addEventListener('click', run);
$('article').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run();
});
client.version().then((v) => { document.title = `lede ${v} — article annotator`; });
