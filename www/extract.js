// Finds a news article in an HTML document: its headline, byline, published date
// (JSON-LD datePublished, the article:published_time meta, a <time datetime>),
// the visible dateline, and the body paragraphs — without scripts, navigation,
// captions, share buttons, "Read more" lists, newsletter boxes or footers.
//
// It only reads the DOM. A file's HTML is parsed with DOMParser, whose document
// never runs scripts or loads anything, and is never inserted into the page. The
// extension calls `extractArticle(document)` on the live page: each block keeps
// its source Text nodes so a highlight can be placed back in the page
// (`locateInBlock`). Block text is the rendered text with every run of
// whitespace collapsed to one space and the ends trimmed.

/**
 * @typedef {'headline'|'byline'|'dateline'|'subhead'|'paragraph'|'item'|'quote'} BlockKind
 * @typedef {{kind: BlockKind, text: string, start: number, element: Element|null, nodes: Text[]}} ArticleBlock
 *   `start` is the block's UTF-16 offset in `Article.text`; `nodes` the Text nodes its text comes from.
 * @typedef {{title: string, byline: string, published: string|null,
 *   publishedFrom: 'json-ld'|'meta'|'time'|null, blocks: ArticleBlock[], text: string, root: Element|null}} Article
 *   `published` is `YYYY-MM-DD` (the date as the page writes it, in its own time zone).
 */

/** Elements that never hold article text. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'NAV', 'ASIDE',
  'FOOTER', 'HEADER', 'FORM', 'BUTTON', 'FIGURE', 'FIGCAPTION', 'PICTURE', 'VIDEO', 'AUDIO', 'SELECT', 'INPUT',
  'TEXTAREA', 'OBJECT', 'EMBED', 'MENU', 'DIALOG', 'TABLE', 'H1', 'LABEL', 'TITLE']);
const SKIP_ROLES = /^(navigation|complementary|contentinfo|banner|search|dialog|alertdialog|menu|menubar|toolbar|button|figure|img)$/;
/** Class or id words of boilerplate containers. */
const BOILERPLATE = /(?:^|[-_\s])(share|sharing|social|related|read-?more|more-?(?:stories|news|from)|recommend(?:ed|ations)?|newsletter|promo|advert|advertisement|ads?|sponsor(?:ed)?|comments?|caption|credits?|footer|subscribe|signup|sign-up|breadcrumbs?|tags|toolbar|popup|modal|cookie|banner|outbrain|taboola|most-?(?:read|popular)|trending|byline|dateline|author|timestamp|meta|sidebar|widget|visually-hidden|sr-only|print-only|skip)(?:$|[-_\s])/i;
/** Headings that introduce link lists, not article text. */
const LINK_LIST_HEADING = /^\s*(read more|related(?: stories| articles| coverage| content| topics)?|more (?:on|from|about|stories|news)|most (?:read|popular|viewed)|recommended|see also|you may also like|also read|top stories|latest news|trending|explore more)\b/i;
/** Short lines that are page furniture. */
const FURNITURE = /^(advertisement|sponsored( content)?|share( this( article| story)?)?|click to share|follow us\b.*|sign up\b.*|subscribe\b.*|read more\b.*|also read\b.*|see also\b.*|listen to (this )?article.*|\d+ min(ute)? read|reporting by .*|editing by .*)$/i;
const BLOCK_TAGS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL',
  'LI', 'BLOCKQUOTE', 'PRE', 'TABLE', 'FIGURE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'DL', 'DD', 'DT', 'FORM', 'HR', 'ADDRESS']);

/**
 * Parses a page's HTML into inert nodes. They are parsed as a <template>'s
 * content — where no script runs, nothing loads and no style applies (a parsed
 * document would try its inline styles and report each as a CSP violation of
 * this page) — and gathered under one detached <body>. A page that closes the
 * template itself is parsed as a plain inert document instead.
 * @param {string} html
 * @returns {Document|Element} what extractArticle reads
 */
export function parseHtml(html) {
  const parser = new DOMParser();
  const holder = parser.parseFromString(`<template>${html}</template>`, 'text/html');
  const template = holder.querySelector('template');
  const escaped = !template || template.nextSibling || holder.body.childNodes.length > 1 || holder.head.childNodes.length > 1;
  if (escaped) return parser.parseFromString(html, 'text/html');
  const content = template.content;
  const body = content.ownerDocument.createElement('body');
  body.append(...content.childNodes);
  return body;
}

/** @param {Element} el inside the article root: is it boilerplate to skip? */
function isSkipped(el) {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.test(role)) return true;
  const names = `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;
  // A class word is weak evidence: a wrapper named "story-body with-social" that
  // holds the article's paragraphs is not boilerplate.
  if (BOILERPLATE.test(names) && paragraphWeight(el) < 400) return true;
  // On a live page, skip what is not rendered (display: none, collapsed widgets).
  if (el.ownerDocument.defaultView && typeof el.checkVisibility === 'function' && !el.checkVisibility()) return true;
  return false;
}

/** Text nodes that follow a <br> or a block boundary: a space goes before them. */
const BREAK_BEFORE = new WeakSet();

/**
 * The Text nodes holding an element's visible text, skipping boilerplate inside it.
 * @param {Element} el
 * @param {(el: Element) => boolean} skip
 * @returns {Text[]}
 */
function textNodesOf(el, skip) {
  const nodes = [];
  if (el.nodeType === Node.TEXT_NODE) return [/** @type {Text} */ (/** @type {unknown} */ (el))];
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.nodeType === Node.ELEMENT_NODE && node !== el && skip(/** @type {Element} */ (node))
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let pendingBreak = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (pendingBreak) BREAK_BEFORE.add(node);
      pendingBreak = false;
      nodes.push(/** @type {Text} */ (node));
    } else if (/** @type {Element} */ (node).tagName.toUpperCase() === 'BR' || BLOCK_TAGS.has(/** @type {Element} */ (node).tagName.toUpperCase())) {
      pendingBreak = true;
    }
  }
  return nodes;
}

/**
 * Joins Text nodes' data collapsing whitespace runs (also across nodes) and trimming.
 * @param {Text[]} nodes
 */
function collapse(nodes) {
  return nodes.map((n) => (BREAK_BEFORE.has(n) ? ` ${n.data}` : n.data)).join('').replace(/\s+/g, ' ').trim();
}

/**
 * The DOM position of offset `offset` in a block's text (see the collapsing rule above).
 * @param {ArticleBlock} block
 * @param {number} offset UTF-16 offset into block.text
 * @param {boolean} [end] the position ends a range (it then stays before any whitespace)
 *   Make every Range before wrapping any text: wrapping splits Text nodes, which
 *   live Ranges follow but `block.nodes` does not.
 * @returns {{node: Text, offset: number}|null}
 */
export function locateInBlock(block, offset, end = false) {
  // A range's end goes right after the character before it, not before the next one.
  if (end && offset > 0) {
    const before = locateInBlock(block, offset - 1);
    return before && { node: before.node, offset: before.offset + 1 };
  }
  let out = 0;
  let pendingSpace = false;
  let started = false;
  let last = null;
  for (const node of block.nodes) {
    const data = node.data;
    if (BREAK_BEFORE.has(node)) pendingSpace = started;
    for (let i = 0; i < data.length; i++) {
      if (/\s/.test(data[i])) {
        pendingSpace = started;
        continue;
      }
      if (pendingSpace) {
        if (out === offset) return { node, offset: i };
        out++;
        pendingSpace = false;
      }
      if (out === offset) return { node, offset: i };
      out++;
      started = true;
      last = { node, offset: i + 1 };
    }
  }
  return out === offset ? last : null;
}

/** @param {Element} el */
function linkDensity(el, text) {
  const links = [...el.querySelectorAll('a')].map((a) => a.textContent ?? '').join('').replace(/\s+/g, '').length;
  const all = text.replace(/\s+/g, '').length;
  return all ? links / all : 0;
}

/** Text length of the paragraphs under `el`: the evidence that it holds the article. */
function paragraphWeight(el) {
  let weight = 0;
  for (const p of el.querySelectorAll('p')) {
    const text = (p.textContent ?? '').trim();
    if (text.length >= 25 && linkDensity(p, text) < 0.5) weight += text.length;
  }
  return weight;
}

/**
 * @param {Document|Element} doc
 * @param {Element} body
 */
function findRoot(doc, body) {
  const candidates = [...doc.querySelectorAll('[itemprop="articleBody"], article, [role="main"], main')];
  let best = null;
  let bestWeight = 0;
  for (const el of candidates) {
    // An inner candidate holding nearly all of an outer one's text is the tighter choice.
    const weight = paragraphWeight(el);
    if (weight > bestWeight * 1.25 || (best && best.contains(el) && weight >= bestWeight * 0.8)) {
      best = el;
      bestWeight = weight;
    }
  }
  if (best && bestWeight >= 200) return best;
  // No semantic container: the block whose own text runs are longest. Text
  // directly in a <p> counts for the p's parent (the paragraphs' container);
  // text laid out with <br> counts for its own block.
  const scores = new Map();
  /** @type {Map<Element, boolean>} */
  const plainlyNotText = new Map();
  const walker = (body.ownerDocument ?? document).createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node.textContent ?? '').trim().length;
    let block = node.parentElement;
    while (block && !BLOCK_TAGS.has(block.tagName.toUpperCase()) && block !== body) block = block.parentElement;
    // The text's own parent is checked too: a parsed file's <script> and <title> sit in its body.
    if (length < 25 || !block || /^H[1-6]$/i.test(block.tagName)
      || hasBoilerplateAncestor(node.parentElement ?? block, plainlyNotText)) continue;
    const container = block.tagName.toUpperCase() === 'P' ? block.parentElement : block;
    if (container) scores.set(container, (scores.get(container) ?? 0) + length);
  }
  let top = null;
  for (const [el, score] of scores) if (!top || score > top[1]) top = [el, score];
  return top ? top[0] : body;
}

/**
 * Whether `el` or an ancestor is plainly not article text (by tag, role, or a
 * class word on an element that holds little paragraph text).
 * @param {Element} el
 * @param {Map<Element, boolean>} cache answers already worked out, per element
 */
function hasBoilerplateAncestor(el, cache) {
  const known = cache.get(el);
  if (known !== undefined) return known;
  const role = el.getAttribute('role');
  const names = `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;
  const own = SKIP_TAGS.has(el.tagName.toUpperCase()) || !!(role && SKIP_ROLES.test(role))
    || (BOILERPLATE.test(names) && paragraphWeight(el) < 400);
  const answer = own || (el.parentElement ? hasBoilerplateAncestor(el.parentElement, cache) : false);
  cache.set(el, answer);
  return answer;
}

/** The JSON-LD objects in a document, flattened out of arrays and @graph. */
function jsonLd(doc) {
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      found.push(node);
      if (node['@graph']) visit(node['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A malformed block on someone's page is not our error; the other sources remain.
    }
  }
  return found;
}

const ARTICLE_TYPE = /(Article|BlogPosting|Report)$/;

/** @param {any} author */
function authorNames(author) {
  const list = Array.isArray(author) ? author : [author];
  return list.map((a) => (typeof a === 'string' ? a : a?.name)).filter((n) => typeof n === 'string' && n.trim());
}

/**
 * The calendar date an ISO-like timestamp names, as written (its own time zone).
 * @param {string|null|undefined} raw
 */
export function dateOf(raw) {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(raw ?? '');
  if (!m) return null;
  const [, y, mo, d] = m.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? m[0].trim() : null;
}

function metaContent(doc, selectors) {
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute('content');
    if (value?.trim()) return value.trim();
  }
  return null;
}

/**
 * Finds the article in `doc`.
 * @param {Document|Element} doc the live page, or what parseHtml made of a file
 * @returns {Article}
 */
export function extractArticle(doc) {
  const isDocument = doc.nodeType === Node.DOCUMENT_NODE;
  const body = isDocument ? /** @type {Document} */ (doc).body ?? /** @type {Document} */ (doc).documentElement : /** @type {Element} */ (doc);
  const ld = jsonLd(doc).filter((o) => ARTICLE_TYPE.test([].concat(o['@type'] ?? []).join(' ')));
  const root = findRoot(doc, body);
  const scope = root.closest('article') ?? root.closest('main') ?? body;
  const used = new Set();

  // Published date: structured data first, then the visible <time>.
  let published = null;
  let publishedFrom = /** @type {Article['publishedFrom']} */ (null);
  const ldDate = ld.map((o) => dateOf(o.datePublished)).find(Boolean);
  const metaDate = dateOf(metaContent(doc, ['meta[property="article:published_time"]', 'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]', 'meta[name="pubdate"]', 'meta[name="publish-date"]', 'meta[name="date"]',
    'meta[name="dc.date"]', 'meta[name="DC.date.issued"]', 'meta[name="parsely-pub-date"]']));
  const times = [...scope.querySelectorAll('time'), ...doc.querySelectorAll('time')];
  const time = times.find((t) => t.matches('[itemprop="datePublished"], [pubdate], [class*="publish"], [class*="posted"]'))
    ?? times.find((t) => !t.closest('nav, footer, aside'));
  const timeDate = dateOf(time?.getAttribute('datetime'));
  if (ldDate) [published, publishedFrom] = [ldDate, 'json-ld'];
  else if (metaDate) [published, publishedFrom] = [metaDate, 'meta'];
  else if (timeDate) [published, publishedFrom] = [timeDate, 'time'];

  /** @type {ArticleBlock[]} */
  const blocks = [];
  const push = (kind, element, nodes) => {
    const text = collapse(nodes);
    if (text) blocks.push({ kind, text, start: 0, element, nodes });
  };

  // Headline: the article's h1, else the structured data's.
  const h1 = scope.querySelector('h1') ?? doc.querySelector('main h1, h1');
  const ldHeadline = ld.map((o) => o.headline).find((h) => typeof h === 'string' && h.trim());
  if (h1 && collapse(textNodesOf(h1, isSkipped))) {
    push('headline', h1, textNodesOf(h1, isSkipped));
    used.add(h1);
  } else if (ldHeadline) {
    blocks.push({ kind: 'headline', text: ldHeadline.replace(/\s+/g, ' ').trim(), start: 0, element: null, nodes: [] });
  }
  const pageTitle = isDocument ? /** @type {Document} */ (doc).title : doc.querySelector('title')?.textContent;
  const title = blocks[0]?.text ?? (metaContent(doc, ['meta[property="og:title"]']) ?? pageTitle ?? '').trim();

  // Byline: the marked-up author line, else the structured data's authors.
  const bylineEl = [...scope.querySelectorAll('[rel="author"], [itemprop="author"], [class*="byline"], [class*="author"], address')]
    .map((el) => el.closest('[class*="byline"]') ?? el)
    .find((el) => {
      const text = collapse(textNodesOf(el, () => false));
      return text.length > 2 && text.length < 160 && !el.closest('footer, aside, nav');
    });
  let byline = '';
  if (bylineEl) {
    const nodes = textNodesOf(bylineEl, (el) => el.tagName === 'TIME' || el.tagName === 'SCRIPT' || el.tagName === 'STYLE');
    byline = collapse(nodes);
    push('byline', bylineEl, nodes);
    used.add(bylineEl);
  } else {
    const names = ld.flatMap((o) => authorNames(o.author));
    if (names.length) {
      byline = `By ${names.join(' and ')}`;
      blocks.push({ kind: 'byline', text: byline, start: 0, element: null, nodes: [] });
    }
  }

  // The visible date, so the engine can also read it from the text.
  if (time && scope.contains(time) && collapse(textNodesOf(time, () => false))) {
    push('dateline', time, textNodesOf(time, () => false));
    used.add(time);
  }

  walkBody(root, used, push);
  dropOrphanSubheads(blocks, root);

  let offset = 0;
  for (const block of blocks) {
    block.start = offset;
    offset += block.text.length + 2;
  }
  return {
    title, byline, published, publishedFrom, blocks, root,
    text: blocks.map((b) => b.text).join('\n\n'),
  };
}

/**
 * Collects the body's paragraphs, subheads, list items and quotes in order.
 * @param {Element} root
 * @param {Set<Element>} used elements already taken (headline, byline, time)
 * @param {(kind: BlockKind, el: Element, nodes: Text[]) => void} push
 */
function walkBody(root, used, push) {
  const skip = (el) => el !== root && (used.has(el) || isSkipped(el));
  const leaf = (kind, el) => {
    const nodes = textNodesOf(el, skip);
    const text = collapse(nodes);
    if (!text || (text.length < 200 && FURNITURE.test(text))) return;
    if (linkDensity(el, text) > 0.5 && text.length < 300) return;
    push(kind, el, nodes);
  };
  const visit = (el) => {
    if (skip(el)) return;
    const tag = el.tagName.toUpperCase();
    if (/^H[2-6]$/.test(tag)) {
      const text = collapse(textNodesOf(el, skip));
      if (LINK_LIST_HEADING.test(text)) {
        // Drop the heading and the list of links it introduces.
        let next = el.nextElementSibling;
        while (next && !/^H[1-6]$/i.test(next.tagName) && !next.matches('p')) {
          used.add(next);
          next = next.nextElementSibling;
        }
        return;
      }
      leaf('subhead', el);
      return;
    }
    if (tag === 'P' || tag === 'PRE' || tag === 'DD') return leaf('paragraph', el);
    if (tag === 'LI') return hasBlockChild(el) ? children(el) : leaf('item', el);
    if (tag === 'BLOCKQUOTE') return hasBlockChild(el) ? children(el) : leaf('quote', el);
    children(el);
  };
  const children = (el) => {
    // Inline content beside blocks (text laid out with <br>) reads as one paragraph.
    let run = [];
    const flush = () => {
      const nodes = [];
      let pendingBreak = false;
      for (const n of run) {
        if (n.nodeType === Node.ELEMENT_NODE && /** @type {Element} */ (n).tagName.toUpperCase() === 'BR') {
          pendingBreak = true;
          continue;
        }
        const inner = textNodesOf(n, skip);
        if (pendingBreak && inner[0]) BREAK_BEFORE.add(inner[0]);
        pendingBreak = false;
        nodes.push(...inner);
      }
      const text = collapse(nodes);
      if (text.length >= 2 && !(text.length < 200 && FURNITURE.test(text))) push('paragraph', el, nodes);
      run = [];
    };
    let breaks = 0;
    for (const node of el.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (/\S/.test(/** @type {Text} */ (node).data)) breaks = 0;
        run.push(node);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const child = /** @type {Element} */ (node);
        const tag = child.tagName.toUpperCase();
        if (BLOCK_TAGS.has(tag)) {
          flush();
          visit(child);
        } else if (tag === 'BR') {
          // Two line breaks in a row end a paragraph; one is a space.
          if (++breaks === 2) flush();
          else run.push(child);
        } else if (!skip(child)) {
          breaks = 0;
          run.push(child);
        }
      }
    }
    flush();
  };
  visit(root);
}

/** @param {Element} el */
function hasBlockChild(el) {
  return [...el.children].some((c) => BLOCK_TAGS.has(c.tagName.toUpperCase()));
}

/**
 * Removes subheads whose section kept nothing else: the heading of a box whose
 * links or widgets were all left out ("Key events" over a list of jump links in
 * a live blog) is not article text either. A subhead's section is its parent
 * element, unless that is the article root itself (headings between paragraphs).
 * @param {ArticleBlock[]} blocks
 * @param {Element} root
 */
function dropOrphanSubheads(blocks, root) {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const section = blocks[i].kind === 'subhead' ? blocks[i].element?.parentElement : null;
    if (!section || section === root || section.contains(root)) continue;
    if (!blocks.some((b, j) => j !== i && b.element && section.contains(b.element))) blocks.splice(i, 1);
  }
}
