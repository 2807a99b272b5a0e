// Entry point of every page but the embeddable player: the player bar, page changes that keep it playing, and the
// page's own live updates.

import { initNavigation } from './navigation.js';
import { initPlayer, audioElement, markCards } from './player.js';
import { applyPlayback } from './playback.js';
import { initLiveList } from './live-list.js';
import { initStation } from './station.js';
import { initMyStations } from './my-stations.js';
import { initCopy } from './copy.js';
import { refreshTimes, startClock } from './times.js';

let stopPage = () => {};

function prepare(root) {
  applyPlayback(root, audioElement());
  markCards(root);
  refreshTimes(root);
}

function startPage(main) {
  prepare(main);
  initCopy(main);
  const page = main.dataset.page;
  if (page === 'home') stopPage = initLiveList(main, prepare);
  else if (page === 'station') stopPage = initStation(main, prepare);
  else if (page === 'me') stopPage = initMyStations(main);
  else stopPage = () => {};
}

initPlayer();
initNavigation(() => stopPage(), startPage);
startPage(document.querySelector('main'));
startClock();
