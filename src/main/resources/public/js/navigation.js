// Page changes without unloading the document, so the player bar keeps playing: same-origin links to pages and GET
// forms are fetched, and the new page's <main>, header and title replace the current ones (history.pushState; the
// back and forward buttons work through popstate). The forms of the streamer and moderator pages (sign-in, profile,
// tokens, moderation: POST with their CSRF field) and a station's report form are sent the same way and the page they
// answer with is shown.
// Anything else (playlists, the API, other sites, a failed fetch) is an ordinary navigation. Without JavaScript every
// link and form works as a full page.

const PAGE_PATH = new RegExp('^/(stations/[0-9a-fA-F-]{36}/?|signin|signup|me|me/tokens|moderation'
  + '|moderation/audit|moderation/stations/[0-9a-fA-F-]{36}/history)?$');
const FORM_PATH = new RegExp('^/(signin|signup|signout|me/tokens(/[0-9]+/revoke)?|me/stations/[0-9a-fA-F-]{36}'
  + '|stations/[0-9a-fA-F-]{36}/report'
  + '|moderation/(stations/(hide|unhide)|users/(suspend|unsuspend)|bans(/[0-9]+/delete)?|reports/[0-9]+)'
  + '|moderation/stations/[0-9a-fA-F-]{36}/history/[0-9]+/rollback)$');
let hooks = { before: () => {}, after: () => {} };
let sequence = 0;

export function isPage(url) {
  return url.origin === location.origin && PAGE_PATH.test(url.pathname);
}

/** Turns an answer into a page of this site; null when it is not one of its HTML pages. */
async function toPage(response) {
  if (!(response.headers.get('Content-Type') || '').startsWith('text/html')) return null;
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  // only pages of this site (their <main> names the page); a framework error page is not one
  return doc.querySelector('main[data-page]') ? { doc, url: response.url, redirected: response.redirected } : null;
}

/** Fetches a page of this site and parses it; null when the answer is not an HTML page with a <main>. */
export async function fetchPage(url) {
  const response = await fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
  const page = await toPage(response);
  if (page && !page.url) page.url = String(url);
  return page;
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
  if (event.defaultPrevented) return;
  const form = event.target;
  const url = new URL(form.action, location.href);
  if ((form.getAttribute('method') || 'get').toLowerCase() === 'post') {
    if (url.origin !== location.origin || !FORM_PATH.test(url.pathname)) return;
    event.preventDefault();
    post(form, url, event.submitter);
    return;
  }
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
  show(page, push);
  window.scrollTo(0, push ? 0 : (state && state.scroll) || 0);
  document.querySelector('main').focus({ preventScroll: true }); // screen readers start reading the new page
}

async function post(form, url, submitter) {
  const mine = ++sequence;
  const body = new URLSearchParams();
  for (const [name, value] of new FormData(form, submitter)) {
    if (typeof value === 'string') body.append(name, value);
  }
  const buttons = Array.from(form.querySelectorAll('button'));
  buttons.forEach((b) => { b.disabled = true; });
  let page;
  try {
    // Accept as browsers send it for forms: the sign-in endpoints answer with a redirect, not HTML
    const response = await fetch(url, {
      method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'text/html,*/*;q=0.8' },
    });
    page = await toPage(response);
  } catch {
    // the form may not have reached the server: let the browser send it itself
    if (mine === sequence) HTMLFormElement.prototype.submit.call(form);
    return;
  }
  if (mine !== sequence) return;
  if (!page) {
    // not a page (a refused CSRF token answers problem+json): start again from a fresh copy of this page
    location.reload();
    return;
  }
  // a redirect (303) names the page to remember; a page answered directly stays at the current address
  show(page, page.redirected && page.url);
  window.scrollTo(0, 0);
  const main = document.querySelector('main');
  const target = main.querySelector('[role="alert"], [data-focus], [role="status"]') || main;
  if (target !== main && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: target === main });
  if (target !== main) target.scrollIntoView({ block: 'center' });
}

function show(page, push) {
  if (push) {
    history.replaceState({ scroll: window.scrollY }, '');
    history.pushState({ scroll: 0 }, '', page.url);
  }
  const main = document.querySelector('main');
  hooks.before(main);
  const fresh = document.adoptNode(page.doc.querySelector('main'));
  main.replaceWith(fresh);
  const header = page.doc.querySelector('[data-site-header]');
  const ours = document.querySelector('[data-site-header]');
  if (header && ours) ours.replaceWith(document.adoptNode(header)); // signed in or out, the current link
  document.title = page.doc.title;
  const description = page.doc.querySelector('meta[name="description"]');
  const current = document.querySelector('meta[name="description"]');
  if (description && current) current.content = description.content;
  hooks.after(fresh);
}
