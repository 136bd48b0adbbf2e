/*
 * Live queue events for Antrean pages (console, display): Server-Sent Events read over fetch(), so that the
 * request can carry an Authorization header (EventSource cannot). Reconnects by itself with a short back-off
 * and Last-Event-ID, so a screen is right again within about a second of the server coming back; a watchdog
 * notices a silent connection (the server sends a keepalive every 15 s).
 *
 *   const live = AntreanLive.connect({
 *     facility: 'pkm-demo',
 *     token: () => localStorage.getItem('...'),   // bearer token, read at each (re)connect
 *     onSnapshot: (board, id) => {},              // the whole queue (on first connect, or when too far behind)
 *     onEvent: (event) => {},                     // {id, type, at, ticket, counter, ...}
 *     onPaces: (paces) => {},                     // {services: {UMUM: {secondsPerPatient, counters}}} (event: paces)
 *     onStatus: (status) => {},                   // 'connecting' | 'live' | 'offline'
 *     onUnauthorized: (status) => {},             // 401 or 403: the token is wrong or revoked
 *   });
 *   live.close();
 */
(function () {
  'use strict';

  const RETRY_MS = [250, 500, 1000];
  const SILENCE_MS = 40000;

  function connect(options) {
    let lastEventId = null;
    let closed = false;
    let attempt = 0;
    let controller = null;
    let watchdog = null;
    let retryTimer = null;

    function status(s) {
      if (options.onStatus) options.onStatus(s);
    }

    function armWatchdog() {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => { if (controller) controller.abort(); }, SILENCE_MS);
    }

    function scheduleRetry(delay) {
      if (closed) return;
      status('offline');
      clearTimeout(retryTimer);
      retryTimer = setTimeout(open, delay !== undefined ? delay : RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
    }

    function dispatch(frame) {
      let data = '';
      let id = null;
      let name = null;
      for (const raw of frame.split('\n')) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line.startsWith('data:')) data += line.slice(line.startsWith('data: ') ? 6 : 5);
        else if (line.startsWith('id:')) id = line.slice(line.startsWith('id: ') ? 4 : 3);
        else if (line.startsWith('event:')) name = line.slice(line.startsWith('event: ') ? 7 : 6);
      }
      if (!data) return;
      const message = JSON.parse(data);
      // Named messages are not queue events: no id, nothing to resume from. Unknown names are for newer pages.
      if (name !== null) {
        if (name === 'paces' && options.onPaces) options.onPaces(message);
        return;
      }
      if (id !== null) lastEventId = id;
      if (message.type === 'SNAPSHOT') {
        if (options.onSnapshot) options.onSnapshot(message.board, message.id);
      } else if (options.onEvent) {
        options.onEvent(message);
      }
    }

    async function open() {
      if (closed) return;
      status('connecting');
      controller = new AbortController();
      const headers = { Accept: 'text/event-stream' };
      const token = options.token ? options.token() : null;
      if (token) headers.Authorization = 'Bearer ' + token;
      if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
      try {
        armWatchdog();
        const response = await fetch('/api/v1/facilities/' + encodeURIComponent(options.facility) + '/events',
          { headers, cache: 'no-store', signal: controller.signal });
        if (response.status === 401 || response.status === 403) {
          clearTimeout(watchdog);
          status('offline');
          if (options.onUnauthorized) options.onUnauthorized(response.status);
          scheduleRetry(30000);
          return;
        }
        if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        let live = false;
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          armWatchdog();
          buffer += decoder.decode(value, { stream: true });
          let end;
          while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
            dispatch(frame);
          }
          if (!live) {
            live = true;
            attempt = 0;
            status('live');
          }
        }
        throw new Error('stream ended');
      } catch (e) {
        clearTimeout(watchdog);
        scheduleRetry();
      }
    }

    open();
    return {
      close() {
        closed = true;
        clearTimeout(watchdog);
        clearTimeout(retryTimer);
        if (controller) controller.abort();
      },
      lastEventId() { return lastEventId; },
    };
  }

  window.AntreanLive = { connect };
})();
