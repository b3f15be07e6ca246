// Turns files a person opens or drops into something to annotate: plain text
// (.txt), Markdown read as text (.md), a news page's article (.html, extracted
// with extract.js), or an exported document to keep correcting (.json lede
// JSON, .jsonl Prodigy, .ann + .txt brat — read by the engine's importer).
import { extractArticle, parseHtml } from './extract.js';
import { markdownToText } from './markdown.js';

/**
 * @typedef {import('./worker-client.js').AnnotatorClient} AnnotatorClient
 * @typedef {import('./worker-client.js').LedeDocument} LedeDocument
 * @typedef {{kind: 'text', name: string, text: string, refDate?: string|null, refDateSource?: string}
 *   | {kind: 'document', name: string, doc: LedeDocument}} Opened
 */

/** The file types the picker offers. */
export const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.json,.jsonl,.ann';

const extension = (name) => (/\.([^.]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/**
 * Reads the opened files.
 * @param {File[]} files one file, or a brat pair (.ann with its .txt)
 * @param {AnnotatorClient} client for the importers
 * @returns {Promise<Opened>}
 */
export async function openFiles(files, client) {
  const ann = files.find((f) => extension(f.name) === 'ann');
  if (ann) {
    const stem = ann.name.replace(/\.ann$/i, '');
    const txt = files.find((f) => f.name === `${stem}.txt`) ?? files.find((f) => extension(f.name) === 'txt');
    if (!txt) throw new Error(`To open ${ann.name}, choose it together with its text file ${stem}.txt.`);
    return { kind: 'document', name: ann.name, doc: await client.importDocument(await ann.text(), 'brat', await txt.text()) };
  }
  const [file] = files;
  if (!file) throw new Error('No file was chosen.');
  const content = await file.text();
  switch (extension(file.name)) {
    case 'md': case 'markdown':
      return { kind: 'text', name: file.name, text: markdownToText(content) };
    case 'html': case 'htm': case 'xhtml': {
      const article = extractArticle(parseHtml(content));
      if (!article.text) throw new Error(`No article text was found in ${file.name}.`);
      return { kind: 'text', name: file.name, text: article.text, refDate: article.published, refDateSource: 'published' };
    }
    case 'json':
      return { kind: 'document', name: file.name, doc: await client.importDocument(content, 'lede-json') };
    case 'jsonl':
      return { kind: 'document', name: file.name, doc: await client.importDocument(content, 'prodigy-jsonl') };
    default:
      return { kind: 'text', name: file.name, text: content };
  }
}
