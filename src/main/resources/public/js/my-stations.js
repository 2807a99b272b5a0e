// The streamer's stations page follows its stations without a reload: it asks GET /api/v1/me/stations every few
// seconds (the live feed carries public changes only, not pending or unreachable sessions), and when a session's
// state, reason or last YP request differs from what the page shows, it fetches the page again and replaces each
// station's status part (new stations are added). Profile forms are left alone, so nothing typed is lost.

import { fetchPage } from './navigation.js';

const POLL_MS = 3000;

/** Starts following; returns a stop function. */
export function initMyStations(main) {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy || document.hidden || !main.isConnected) return;
    busy = true;
    try {
      await check(main);
    } finally {
      busy = false;
    }
  }, POLL_MS);
  return () => clearInterval(timer);
}

async function check(main) {
  let stations;
  try {
    const response = await fetch('/api/v1/me/stations', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    stations = await response.json();
  } catch {
    return;
  }
  if (Array.isArray(stations) && differs(main, stations)) await refresh(main);
}

function byData(root, attribute, value) {
  return Array.from(root.querySelectorAll(`[data-${attribute}]`)).find((e) => e.getAttribute(`data-${attribute}`) === value);
}

function sameTime(shown, iso) {
  return shown === iso || Date.parse(shown) === Date.parse(iso);
}

/** Whether the owner's view differs from the page: stations, their visibility, their sessions' states. */
export function differs(main, stations) {
  if (main.querySelectorAll('[data-my-station]').length !== stations.length) return true;
  for (const s of stations) {
    const article = byData(main, 'my-station', s.id);
    if (!article || (article.dataset.listingNote || '') !== (s.listingNote || '')) return true;
    if (article.querySelectorAll('[data-session-id]').length !== s.sessions.length) return true;
    for (const x of s.sessions) {
      const li = byData(article, 'session-id', x.id);
      const reason = x.endReason != null ? x.endReason : (x.stateReason || '');
      if (!li || li.dataset.rawState !== x.state || li.dataset.reason !== reason
          || !sameTime(li.dataset.lastRequest, x.lastYpRequestAt)) {
        return true;
      }
    }
  }
  return false;
}

async function refresh(main) {
  let page;
  try {
    page = await fetchPage(location.href);
  } catch {
    return;
  }
  const fresh = page && page.doc.querySelector('[data-my-stations]');
  const old = main.querySelector('[data-my-stations]');
  if (!fresh || !old || !main.isConnected) return;
  let previous = null;
  for (const article of fresh.querySelectorAll('[data-my-station]')) {
    const mine = byData(old, 'my-station', article.dataset.myStation);
    if (mine) {
      const status = mine.querySelector('[data-station-status]');
      const update = article.querySelector('[data-station-status]');
      if (status && update) status.replaceWith(document.adoptNode(update));
      mine.dataset.listingNote = article.dataset.listingNote || '';
      previous = mine;
    } else {
      const added = document.adoptNode(article);
      if (previous) previous.after(added);
      else old.prepend(added);
      previous = added;
    }
  }
  const empty = old.querySelector('[data-no-stations]');
  if (empty && old.querySelector('[data-my-station]')) empty.remove();
}
