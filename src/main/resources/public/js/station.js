// A station page follows its station on the live feed: now playing and the recent songs, listener counts, and
// going live or offline (the on-air section is fetched again).

import { subscribe, debounce } from './live-feed.js';
import { fetchPage } from './navigation.js';
import { setListeners } from './live-list.js';

const RECENT_SONGS = 10;

export function initStation(main, prepare) {
  const id = main.dataset.stationId;
  const refresh = debounce(() => refetch(main, prepare), 300);
  return subscribe([id], {
    live: refresh,
    offline: refresh,
    resync: refresh,
    nowPlaying: (d) => {
      for (const el of main.querySelectorAll('[data-now-playing]')) el.textContent = d.currentSong || '—';
      if (d.currentSong) addSong(main, d.currentSong);
      listeners(main, d);
    },
    listeners: (d) => listeners(main, d),
  });
}

function listeners(main, d) {
  for (const card of main.querySelectorAll('[data-station-id]')) setListeners(card, d.sessionId, d.listeners);
  if (typeof d.listeners !== 'number') return;
  for (const li of main.querySelectorAll('.sources-list [data-session]')) {
    if (li.dataset.session === d.sessionId) {
      li.querySelector('[data-session-listeners]').textContent = d.listeners === 1 ? '1 listener' : `${d.listeners} listeners`;
    }
  }
}

function addSong(main, song) {
  const list = main.querySelector('[data-recent-songs]');
  if (!list) return;
  const first = list.querySelector('li span');
  if (first && first.textContent === song) return;
  const li = document.createElement('li');
  const time = document.createElement('time');
  const now = new Date();
  time.dateTime = now.toISOString();
  time.dataset.localTime = '';
  time.textContent = now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const text = document.createElement('span');
  text.textContent = song;
  li.append(time, ' ', text);
  list.prepend(li);
  while (list.children.length > RECENT_SONGS) list.lastElementChild.remove();
  const none = main.querySelector('[data-no-songs]');
  if (none) none.remove();
}

async function refetch(main, prepare) {
  let page;
  try {
    page = await fetchPage(location.href);
  } catch {
    return;
  }
  const fresh = page && page.doc.getElementById('station-live');
  const old = main.querySelector('#station-live');
  if (!fresh || !old || !main.isConnected) return;
  const adopted = document.adoptNode(fresh);
  old.replaceWith(adopted);
  prepare(adopted);
}
