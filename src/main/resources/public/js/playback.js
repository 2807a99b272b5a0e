// Whether a station can play in this page, told truthfully: a listen URL plays here only when the browser says it
// can decode its type (audio.canPlayType is not empty) and the page's protocol does not block it (an http:// stream
// on an https:// page is mixed content, which browsers refuse). Otherwise the card offers playlists for a player.

/** Sources of a card: [{url, type, sessionId, listeners}] in the catalog's order (most listeners first). */
export function sourcesOf(card) {
  return Array.from(card.querySelectorAll('.sources [data-url]'), (li) => ({
    url: li.dataset.url,
    type: li.dataset.type,
    sessionId: li.dataset.session,
    listeners: Number(li.dataset.listeners) || 0,
  }));
}

/**
 * Picks the listen URL to play. On an https page only https URLs qualify; on an http page any does.
 * Returns {playable: true, url, sessionId} or {playable: false, reason}.
 */
export function choosePlayback(sources, pageProtocol, canPlayType) {
  const decodable = sources.filter((s) => s.type && canPlayType(s.type) !== '');
  if (decodable.length === 0) {
    return { playable: false, reason: 'Your browser cannot play this format in a page.' };
  }
  const allowed = decodable.filter((s) => pageProtocol !== 'https:' || s.url.startsWith('https:'));
  if (allowed.length === 0) {
    return { playable: false, reason: 'This stream is not on https, so your browser blocks it on this https page.' };
  }
  const https = allowed.find((s) => s.url.startsWith('https:'));
  const pick = pageProtocol === 'https:' && https ? https : allowed[0];
  return { playable: true, url: pick.url, sessionId: pick.sessionId };
}

/** Shows, on every card under root, either the play button and "Plays in this browser" or the playlist links. */
export function applyPlayback(root, audio) {
  const canPlayType = (type) => audio.canPlayType(type);
  for (const card of root.querySelectorAll('[data-station-id]')) {
    const box = card.querySelector('[data-playback]');
    if (!box) continue;
    const choice = choosePlayback(sourcesOf(card), location.protocol, canPlayType);
    box.querySelector('[data-play]').hidden = !choice.playable;
    box.querySelector('[data-badge-ok]').hidden = !choice.playable;
    box.querySelector('[data-badge-ext]').hidden = choice.playable;
    box.querySelector('[data-badge-reason]').textContent = choice.playable ? '' : choice.reason;
  }
}
