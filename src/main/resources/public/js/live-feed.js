// A subscription to the live feed (GET /api/v1/events, Server-Sent Events), optionally for some stations only.
// Every event's data is JSON; handlers get it parsed. Returns a function that closes the subscription.

export function subscribe(stationIds, handlers) {
  const params = new URLSearchParams();
  for (const id of stationIds) params.append('station', id);
  const query = params.toString();
  const source = new EventSource('/api/v1/events' + (query ? '?' + query : ''));
  for (const [type, handler] of Object.entries(handlers)) {
    source.addEventListener(type, (event) => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      handler(data);
    });
  }
  return () => source.close();
}

/** Calls fn at most once per `ms`, after the last call of a burst. */
export function debounce(fn, ms) {
  let timer = null;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}
