// The content script: injected into the page by the toolbar action, it reads the
// article from the DOM (extract.js), opens the panel beside it, and keeps the
// page's highlights in step with the panel. The panel is an extension page in an
// iframe inside a closed shadow root: the page's scripts and styles cannot reach
// into it, its CSP does not apply to it, and it is where the wasm runs. Nothing
// here touches the network.
//
// Clicking the action again closes the panel and takes the highlights out.
// Built into one classic script by scripts/build-dist.mjs (content scripts
// cannot be modules); see `classicScript` there.
import { extractArticle } from '../extract.js';
import { PageMarks } from './page-marks.js';

/**
 * Messages on the panel's port. Offsets are UTF-16 offsets into `article.text`.
 * @typedef {import('./page-marks.js').PageSpan} PageSpan
 * @typedef {{type: 'article'} | {type: 'show', spans: PageSpan[]} | {type: 'patch', removed: number[], added: PageSpan[]}
 *   | {type: 'hidden', labels: string[]} | {type: 'reveal', id: number} | {type: 'fold', folded: boolean}
 *   | {type: 'close'}} PanelMessage
 * @typedef {{text: string, url: string, title: string, byline: string, published: string|null,
 *   publishedFrom: string|null}} ArticleMessage
 * @typedef {{type: 'article', article: ArticleMessage} | {type: 'placed', placed: number, missing: number}
 *   | {type: 'pick', id: number} | {type: 'closing'}} PageMessage
 *   `closing`: the action was clicked again; the panel saves, then answers with `close`
 */

/** The panel's port is named this plus the secret in its frame's URL. */
const PORT_PREFIX = 'lede-panel:';
/** The panel's width: a narrow column over the page's right edge (the page itself is not reflowed). */
const PANEL_WIDTH = 'min(24rem, 100vw)';
/** Folded, the panel is a strip holding the button that unfolds it. */
const FOLDED_WIDTH = '2.6rem';

/**
 * The page without its fragment: the same article whichever heading was linked.
 * @param {Location} loc
 */
function pageUrl(loc) {
  return `${loc.origin}${loc.pathname}${loc.search}`;
}

/** Opens lede on this page: reads the article, mounts the panel, serves its port. */
function open() {
  const article = extractArticle(document);
  const marks = new PageMarks(document, article);

  const host = document.createElement('div');
  // The host sits outside <body> and resets every property, so page styles cannot shift it.
  const hostStyle = {
    all: 'initial', position: 'fixed', top: '0', right: '0', bottom: '0', width: PANEL_WIDTH,
    'z-index': '2147483647', display: 'block',
  };
  for (const [k, v] of Object.entries(hostStyle)) host.style.setProperty(k, v, 'important');
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  // Any page may frame panel.html (it must be web-accessible to be framed here), but only the
  // frame made here knows this secret, and only a port named with it is served.
  // (getRandomValues, not randomUUID: the latter is missing on plain-http pages.)
  const secret = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  frame.src = `${chrome.runtime.getURL('ext/panel.html')}#${secret}`;
  frame.title = 'lede: annotations of this article';
  const frameStyle = {
    width: '100%', height: '100%', border: '0', 'border-left': '1px solid #d6d3cc', display: 'block',
    background: '#fff', 'box-shadow': '-6px 0 24px rgb(0 0 0 / .12)', 'color-scheme': 'light',
  };
  for (const [k, v] of Object.entries(frameStyle)) frame.style.setProperty(k, v);
  shadow.append(frame);
  document.documentElement.append(host);

  /** @type {chrome.runtime.Port|null} */
  let port = null;
  /** @param {PageMessage} message */
  const send = (message) => port?.postMessage(message);

  const onConnect = (/** @type {chrome.runtime.Port} */ p) => {
    if (p.name !== `${PORT_PREFIX}${secret}`) return;
    port?.disconnect();
    port = p;
    p.onMessage.addListener((/** @type {PanelMessage} */ message) => handle(message));
    p.onDisconnect.addListener(() => { if (port === p) port = null; });
  };
  chrome.runtime.onConnect.addListener(onConnect);

  /** @param {PanelMessage} message */
  function handle(message) {
    switch (message.type) {
      case 'article':
        send({
          type: 'article',
          article: {
            text: article.text, url: pageUrl(location), title: article.title || document.title,
            byline: article.byline, published: article.published, publishedFrom: article.publishedFrom,
          },
        });
        break;
      case 'show':
        send({ type: 'placed', ...marks.show(message.spans) });
        break;
      case 'patch':
        send({ type: 'placed', ...marks.update(message.removed, message.added) });
        break;
      case 'hidden':
        marks.setHidden(message.labels);
        break;
      case 'reveal':
        marks.reveal(message.id);
        break;
      case 'fold':
        host.style.setProperty('width', message.folded ? FOLDED_WIDTH : PANEL_WIDTH, 'important');
        break;
      case 'close':
        close();
        break;
      default:
        break;
    }
  }

  // A click on a highlight selects it in the panel; one inside a link is left to the link.
  const onClick = (/** @type {MouseEvent} */ e) => {
    const id = marks.spanAt(e.target);
    if (id === null || /** @type {Element} */ (e.target).closest('a[href]')) return;
    send({ type: 'pick', id });
  };
  document.addEventListener('click', onClick);

  /** How long the panel has to save its last change when the action closes it. */
  const SAVE_BEFORE_CLOSE_MS = 1000;

  /** Closes once the panel has saved (it answers `close`), or after SAVE_BEFORE_CLOSE_MS. */
  function closeWhenSaved() {
    if (!port) return close();
    send({ type: 'closing' });
    setTimeout(close, SAVE_BEFORE_CLOSE_MS);
  }

  let closed = false;
  function close() {
    if (closed) return;
    closed = true;
    marks.clear();
    document.removeEventListener('click', onClick);
    chrome.runtime.onConnect.removeListener(onConnect);
    port?.disconnect();
    host.remove();
    globalThis.ledeContent = null;
  }

  return { close: closeWhenSaved };
}

// Injected again on every click: the second click closes what the first opened.
if (globalThis.ledeContent) globalThis.ledeContent.close();
else globalThis.ledeContent = open();
