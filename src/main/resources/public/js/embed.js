// The embeddable player (/stations/{id}/embed): the same player bar and playback rules, no page changes.

import { initPlayer, audioElement, markCards } from './player.js';
import { applyPlayback } from './playback.js';
import { refreshTimes } from './times.js';

initPlayer();
const main = document.querySelector('main');
applyPlayback(main, audioElement());
markCards(main);
refreshTimes(main);
