// A minimal CommonJS loader for the bench page: wink-nlp and its web model ship only
// CommonJS, and the bench uses no bundler. Modules are fetched with synchronous XHR
// from /node_modules/ (acceptable on a local bench page, never in the product) and
// evaluated once; `.json` files are parsed.

/** Returns `require` for packages under `nodeModules` (a URL path like '/node_modules/'). */
export function makeRequire(nodeModules) {
  const cache = new Map();

  const fetchText = (url) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url, false);
    xhr.send();
    if (xhr.status !== 200) throw new Error(`cjs: ${url}: HTTP ${xhr.status}`);
    return xhr.responseText;
  };

  const resolve = (spec, dir) => {
    if (!spec.startsWith('.') && !spec.startsWith('/')) {
      const pkgDir = `${nodeModules}${spec}/`;
      const main = JSON.parse(fetchText(`${pkgDir}package.json`)).main || 'index.js';
      return new URL(main, new URL(pkgDir, location.href)).pathname.replace(/(\.js)?$/, '.js');
    }
    const url = new URL(spec, new URL(dir, location.href)).pathname;
    return /\.(js|json)$/.test(url) ? url : `${url}.js`;
  };

  const load = (url) => {
    if (cache.has(url)) return cache.get(url).exports;
    const source = fetchText(url);
    const module = { exports: {} };
    cache.set(url, module);
    if (url.endsWith('.json')) {
      module.exports = JSON.parse(source);
      return module.exports;
    }
    const dir = url.slice(0, url.lastIndexOf('/') + 1);
    // The evaluated code is the package's own, served from this machine.
    const body = new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${url}`);
    body(module, module.exports, (spec) => load(resolve(spec, dir)));
    return module.exports;
  };

  return (spec) => load(resolve(spec, '/'));
}
