// Saves files the way that works everywhere the page runs — a web server,
// file://, an extension panel: a Blob, an object URL and a click on a
// temporary <a download>. Nothing is uploaded.

/** @typedef {import('./worker-client.js').ExportFile} ExportFile */

/**
 * A file name made from a document title: lower-case words joined by dashes.
 * @param {string} title
 */
export function fileStem(title) {
  const stem = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return stem || 'document';
}

/**
 * Offers each file for download, one after another.
 * @param {ExportFile[]} files
 * @param {Document} [doc]
 */
export async function download(files, doc = document) {
  for (const [i, file] of files.entries()) {
    // Browsers may drop a second download started in the same instant.
    if (i) await new Promise((resolve) => setTimeout(resolve, 150));
    const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
    const a = doc.createElement('a');
    a.href = url;
    a.download = file.name;
    a.hidden = true;
    doc.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
