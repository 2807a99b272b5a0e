// Keeps "live for …" texts current and shows song times in the listener's own time zone.

export function liveFor(since, now) {
  const minutes = Math.floor((now - since) / 60000);
  if (!(minutes >= 1)) return 'live for less than a minute';
  if (minutes < 60) return `live for ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `live for ${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `live for ${Math.floor(hours / 24)} days`;
}

export function refreshTimes(root) {
  const now = Date.now();
  for (const el of root.querySelectorAll('time[data-live-since]')) {
    const since = Date.parse(el.dateTime);
    if (!Number.isNaN(since)) el.textContent = liveFor(since, now);
  }
  for (const el of root.querySelectorAll('time[data-local-time]')) {
    const at = new Date(el.dateTime);
    if (!Number.isNaN(at.getTime())) {
      el.textContent = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    }
  }
}

export function startClock() {
  refreshTimes(document);
  setInterval(() => refreshTimes(document), 30000);
}
