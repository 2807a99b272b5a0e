// Page changes without unloading the document, so the player bar keeps playing: same-origin links to pages and GET
// forms are fetched, and the new page's <main> and title replace the current ones (history.pushState; the back and
// forward buttons work through popstate). Anything else (playlists, the API, other sites, a failed fetch) is an
// ordinary navigation. Without JavaScript every link is an ordinary full page.

const PAGE_PATH = /^\/(stations\/[0-9a-fA-F-]{36}\/?)?$/;
let hooks = { before: () => {}, after: () => {} };
let sequence = 0;

export function isPage(url) {
  return url.origin === location.origin && PAGE_PATH.test(url.pathname);
}

/** Fetches a page of this site and parses it; null when the answer is not an HTML page with a <main>. */
export async function fetchPage(url) {
  const response = await fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
  if (!(response.headers.get('Content-Type') || '').startsWith('text/html')) return null;
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  return doc.querySelector('main') ? { doc, url: response.url || String(url) } : null;
}

export function initNavigation(before, after) {
  hooks = { before, after };
  history.scrollRestoration = 'manual';
  document.addEventListener('click', onClick);
  document.addEventListener('submit', onSubmit);
  window.addEventListener('popstate', (event) => go(new URL(location.href), false, event.state));
}

function onClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  const link = event.target.closest('a[href]');
  if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (!isPage(url)) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  go(url, true);
}

function onSubmit(event) {
  const form = event.target;
  if ((form.getAttribute('method') || 'get').toLowerCase() !== 'get') return;
  const url = new URL(form.action, location.href);
  if (!isPage(url)) return;
  event.preventDefault();
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form, event.submitter)) {
    if (typeof value === 'string' && value !== '') params.append(name, value);
  }
  url.search = params.toString();
  go(url, true);
}

async function go(url, push, state) {
  const mine = ++sequence;
  let page;
  try {
    page = await fetchPage(url);
  } catch {
    page = null;
  }
  if (mine !== sequence) return; // a later navigation won
  if (!page) {
    location.assign(url);
    return;
  }
  if (push) {
    history.replaceState({ scroll: window.scrollY }, '');
    history.pushState({ scroll: 0 }, '', page.url);
  }
  const main = document.querySelector('main');
  hooks.before(main);
  const fresh = document.adoptNode(page.doc.querySelector('main'));
  main.replaceWith(fresh);
  document.title = page.doc.title;
  const description = page.doc.querySelector('meta[name="description"]');
  const ours = document.querySelector('meta[name="description"]');
  if (description && ours) ours.content = description.content;
  hooks.after(fresh);
  window.scrollTo(0, push ? 0 : (state && state.scroll) || 0);
  fresh.focus({ preventScroll: true }); // screen readers start reading the new page
}
