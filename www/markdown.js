// Reads a Markdown file as the plain text a reader sees: headings, paragraphs and
// list items without their markup, links as their words, images and code fences'
// markers dropped, hard-wrapped paragraph lines joined. Paragraphs are separated
// by a blank line, as the engine's sentence splitter expects.

/**
 * Strips inline markup from one line of Markdown.
 * @param {string} line
 */
function inline(line) {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:[^>\s]+)>/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, '$1')
    .replace(/(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w])/g, '$1')
    .replace(/~~(.+?)~~/g, '$1');
}

/**
 * The readable text of a Markdown document.
 * @param {string} source
 * @returns {string}
 */
export function markdownToText(source) {
  const lines = source.replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '').split('\n');
  /** @type {string[]} */
  const blocks = [];
  let paragraph = [];
  let inFence = false;
  const flush = () => {
    if (paragraph.length) blocks.push(paragraph.join(' '));
    paragraph = [];
  };
  for (const raw of lines) {
    if (/^\s*(```|~~~)/.test(raw)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      blocks.push(raw);
      continue;
    }
    const line = raw.trim();
    if (!line || /^(-{3,}|\*{3,}|_{3,})$/.test(line) || /^\[[^\]]+\]:\s*\S+/.test(line)) {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    if (heading || item) {
      flush();
      blocks.push(inline((heading ?? item)[1]));
    } else if (/^(=+|-+)$/.test(line) && paragraph.length) {
      flush();
    } else {
      paragraph.push(inline(quote ? quote[1] : line));
    }
  }
  flush();
  return blocks.filter((b) => b.trim()).join('\n\n');
}
