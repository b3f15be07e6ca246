// The extension's service worker. The toolbar action — and its keyboard
// shortcut, which Chromium routes to the same event (`_execute_action`) — annotates
// the active tab: it puts the highlight styles and the content script into the
// page, and the content script reads the article and opens the panel. That is all
// it does: no network requests, no host permissions (a click grants `activeTab`
// for that tab), and the wasm runs in the panel, an extension page, never here or
// in the page.
//
// Tests trigger the action with `chrome.action.onClicked.dispatch(tab)` evaluated
// here; the test build's host_permissions stand in for the click's activeTab grant.

chrome.action.onClicked.addListener((tab) => annotateTab(tab));

// The panel asks which tab it is in where chrome.tabs.getCurrent() cannot say (a frame inside a page).
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (message?.type === 'lede:which-tab' && sender.url?.startsWith(chrome.runtime.getURL('ext/panel.html'))) reply(sender.tab?.id);
});

/**
 * Injects the page styles and the content script into the tab's top frame.
 * @param {chrome.tabs.Tab} tab
 */
async function annotateTab(tab) {
  if (tab.id === undefined) return;
  const target = { tabId: tab.id };
  try {
    // Removed first, so clicking again does not stack copies of the sheet.
    await chrome.scripting.removeCSS({ target, files: ['ext/page.css'] }).catch(() => {});
    await chrome.scripting.insertCSS({ target, files: ['ext/page.css'] });
    await chrome.scripting.executeScript({ target, files: ['ext/content.js'] });
    await chrome.action.setBadgeText({ tabId: tab.id, text: '' });
  } catch (err) {
    // The browser keeps extensions out of its own pages and its web store.
    await chrome.action.setBadgeText({ tabId: tab.id, text: '!' });
    await chrome.action.setTitle({ tabId: tab.id, title: `lede cannot annotate this page: ${/** @type {Error} */ (err).message}` });
  }
}
