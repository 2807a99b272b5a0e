// The persistent player bar: one <audio> element outside <main>, so page changes never interrupt it. It plays the
// listen URL straight from the station's Icecast server (Ondes never relays audio) and follows the playing station's
// title over the live feed, filtered to that station.

import { subscribe } from './live-feed.js';
import { choosePlayback, sourcesOf } from './playback.js';

const VOLUME_KEY = 'ondes.volume';
let bar;
let audio;
let toggle;
let stationLink;
let songText;
let statusText;
let current = null;       // {id, name, href, url, sessionId}
let closeFeed = () => {};

export function audioElement() {
  return audio;
}

export function initPlayer() {
  bar = document.querySelector('[data-player]');
  if (!bar) return;
  audio = bar.querySelector('[data-audio]');
  toggle = bar.querySelector('[data-player-toggle]');
  stationLink = bar.querySelector('[data-player-station]');
  songText = bar.querySelector('[data-player-song]');
  statusText = bar.querySelector('[data-player-status]');
  const volume = bar.querySelector('[data-player-volume]');
  const saved = Number(localStorage.getItem(VOLUME_KEY));
  if (localStorage.getItem(VOLUME_KEY) !== null && saved >= 0 && saved <= 1) volume.value = String(saved);
  audio.volume = Number(volume.value);
  volume.addEventListener('input', () => {
    audio.volume = Number(volume.value);
    localStorage.setItem(VOLUME_KEY, volume.value);
  });
  bar.hidden = false;

  toggle.addEventListener('click', () => (isPlaying() ? pause() : resume()));
  document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-play]');
    if (!button) return;
    const card = button.closest('[data-station-id]');
    if (current && card.dataset.stationId === current.id) {
      isPlaying() ? pause() : resume();
    } else {
      play(card);
    }
  });
  for (const type of ['playing', 'pause', 'waiting', 'error', 'emptied']) {
    audio.addEventListener(type, () => update(type));
  }
}

function isPlaying() {
  return current !== null && audio.hasAttribute('src') && !audio.paused;
}

/** Starts the station of a card (its best playable listen URL). */
export function play(card) {
  const choice = choosePlayback(sourcesOf(card), location.protocol, (t) => audio.canPlayType(t));
  if (!choice.playable) return;
  current = {
    id: card.dataset.stationId,
    name: card.dataset.name,
    href: card.dataset.href,
    url: choice.url,
    sessionId: choice.sessionId,
  };
  stationLink.textContent = current.name;
  stationLink.href = current.href;
  const song = card.querySelector('[data-now-playing]');
  songText.textContent = song && song.textContent !== '—' ? song.textContent : '';
  toggle.disabled = false;
  closeFeed();
  const id = current.id;
  closeFeed = subscribe([id], {
    nowPlaying: (d) => {
      if (current && d.stationId === current.id) songText.textContent = d.currentSong || '';
    },
    offline: (d) => {
      if (current && d.sessionId === current.sessionId) statusText.textContent = 'The stream has ended.';
    },
  });
  resume();
}

function resume() {
  if (!current) return;
  // a live stream resumes at the live edge, not where it was paused
  audio.src = current.url;
  statusText.textContent = 'Connecting…';
  audio.play().catch(() => update('error'));
  markCards(document);
}

function pause() {
  audio.pause();
  // stop downloading: the station's server then counts one listener less
  audio.removeAttribute('src');
  audio.load();
  update('pause');
}

function update(type) {
  const playing = isPlaying();
  toggle.toggleAttribute('data-playing', playing);
  toggle.setAttribute('aria-label', playing ? 'Pause' : 'Play');
  if (type === 'playing') statusText.textContent = '';
  if (type === 'waiting') statusText.textContent = 'Buffering…';
  if (type === 'pause') statusText.textContent = 'Paused';
  if (type === 'error' && current && audio.hasAttribute('src')) {
    statusText.textContent = 'This stream cannot be played right now.';
  }
  markCards(document);
}

/** Marks the card of the playing station (after page changes and list refreshes too). */
export function markCards(root) {
  for (const card of root.querySelectorAll('[data-station-id]')) {
    const button = card.querySelector('[data-play]');
    const mine = current !== null && card.dataset.stationId === current.id;
    const playing = mine && isPlaying();
    card.classList.toggle('playing', playing);
    if (button) {
      button.toggleAttribute('data-playing', playing);
      button.setAttribute('aria-label', (playing ? 'Pause ' : 'Play ') + card.dataset.name);
    }
  }
}
