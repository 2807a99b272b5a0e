// The home page's list follows the live feed without a reload: titles and listener counts change in place
// (always as text), and when a station goes live or offline the current search is fetched again and its results
// replace the list.

import { subscribe, debounce } from './live-feed.js';
import { fetchPage } from './navigation.js';

/** Starts following; `prepare(root)` sets up fresh results (playback badges, times). Returns a stop function. */
export function initLiveList(main, prepare) {
  const refresh = debounce(() => refetch(main, prepare), 300);
  return subscribe([], {
    live: refresh,
    offline: refresh,
    resync: refresh,
    nowPlaying: (d) => {
      for (const card of cardsOf(main, d.stationId)) {
        card.querySelector('[data-now-playing]').textContent = d.currentSong || '—';
        setListeners(card, d.sessionId, d.listeners);
      }
    },
    listeners: (d) => {
      for (const card of cardsOf(main, d.stationId)) setListeners(card, d.sessionId, d.listeners);
    },
  });
}

export function cardsOf(root, stationId) {
  return Array.from(root.querySelectorAll('[data-station-id]')).filter((c) => c.dataset.stationId === stationId);
}

/** A station's count is the sum over its listen URLs: update the one session, then the total. */
export function setListeners(card, sessionId, listeners) {
  if (typeof listeners !== 'number') return;
  let total = 0;
  for (const source of card.querySelectorAll('.sources [data-url]')) {
    if (source.dataset.session === sessionId) source.dataset.listeners = String(listeners);
    total += Number(source.dataset.listeners) || 0;
  }
  const text = card.querySelector('[data-listeners]');
  if (text) text.textContent = total === 1 ? '1 listener' : `${total} listeners`;
}

async function refetch(main, prepare) {
  if (!main.isConnected) return;
  let page;
  try {
    page = await fetchPage(location.href);
  } catch {
    return;
  }
  const fresh = page && page.doc.getElementById('results');
  const old = main.querySelector('#results');
  if (!fresh || !old || !main.isConnected) return;
  // keep keyboard focus on the same control of the same station when the list is replaced
  const focused = document.activeElement;
  const card = focused && old.contains(focused) ? focused.closest('[data-station-id]') : null;
  const role = focused && focused.matches('[data-play]') ? '[data-play]' : '.card-title a';
  const adopted = document.adoptNode(fresh);
  old.replaceWith(adopted);
  prepare(adopted);
  if (card) {
    const again = cardsOf(adopted, card.dataset.stationId)[0];
    const target = again && again.querySelector(role);
    if (target) target.focus();
  }
}
