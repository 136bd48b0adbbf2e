/*
 * The waiting-room display of Antrean: /display/{facility}[?services=A,UMUM][#token=...]
 *
 * Shows the ticket just called and where to go, the latest calls, how many wait per service, the facility's
 * local time, and how to take a number online with Mobile JKN; announces every call with a chime and a voice
 * made of pre-rendered clips (voice.js). Keeps the last known state on screen while the connection is down.
 * Never shows a patient's name, NIK or card number: only labels, services and rooms.
 *
 * For automated tests: window.antreanDisplay = { spoken: [[clip, ...], ...], state: {...} } and
 * document.body.dataset.status = 'live' | 'connecting' | 'offline'.
 */
(function () {
  'use strict';

  const RECENT_SHOWN = 7;         // calls listed on the right
  const RECENT_KEPT = 40;         // calls remembered (before the services filter)
  const FLASH_MS = 6000;          // how long a new call is highlighted
  const FOOTER_SWITCH_MS = 12000; // footer: Bahasa Indonesia, then English, then ...
  const ANNOUNCED = new Set(['TICKET_CALLED', 'TICKET_RECALLED', 'TICKET_RESUMED']);
  const CLOSED = new Set(['DONE', 'CANCELLED']);

  const $ = (id) => document.getElementById(id);

  // ---- where we are: facility, token, services filter ------------------------------------------------

  const parts = location.pathname.split('/').filter(Boolean);
  const facility = parts.length >= 2 ? decodeURIComponent(parts[1]) : '';
  const tokenKey = 'antrean.display.token.' + facility;
  const infoKey = 'antrean.display.info.' + facility;

  /** #token=... in the address: kept in the browser, then taken out of the address bar. */
  function takeToken() {
    const fragment = /(?:^#|&)token=([^&]*)/.exec(location.hash); // as it is: a '+' stays a '+'
    if (!fragment) return false;
    try {
      localStorage.setItem(tokenKey, decodeURIComponent(fragment[1]));
    } catch (e) {
      console.warn('antrean display: cannot store the token', e);
    }
    history.replaceState(null, '', location.pathname + location.search);
    return true;
  }
  takeToken();
  // a new token typed into the address bar of a running display: start again with it
  window.addEventListener('hashchange', () => {
    if (takeToken()) location.reload();
  });

  const filter = (new URLSearchParams(location.search).get('services') || '')
    .split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);

  // ---- texts -----------------------------------------------------------------------------------------

  const blank = () => '';
  let t = blank;     // Bahasa Indonesia
  let tEn = blank;   // English, for the footer and the sound button

  function wrap(fn) {
    // the bundles are MessageFormat patterns: '' stands for one quote
    return (key, ...args) => {
      const text = fn(key, ...args);
      return text === key ? '' : text.replace(/''/g, "'");
    };
  }

  async function loadTexts() {
    try {
      const [id, en] = await Promise.all([AntreanI18n.load('display', 'id'), AntreanI18n.load('display', 'en')]);
      if (!Object.keys(id.texts).length) throw new Error('no texts');
      t = wrap(id);
      tEn = Object.keys(en.texts).length ? wrap(en) : t;
      renderTexts();
      render();
    } catch (e) {
      setTimeout(loadTexts, 5000);
    }
  }

  // ---- the model -------------------------------------------------------------------------------------

  let cached = {};
  try {
    cached = JSON.parse(localStorage.getItem(infoKey) || '{}') || {};
  } catch (e) {
    cached = {};
  }

  const state = {
    facilityName: cached.facilityName || '',
    timeZone: cached.timeZone || null,
    serviceDate: null,
    status: 'connecting',
    unauthorized: false,
    hasData: false,
    services: [],          // [{code, name, prefix, open}] in the facility's order
    tickets: new Map(),    // ticket id -> open ticket (WAITING, CALLED, SERVING, SKIPPED, PARKED)
    recent: [],            // calls, newest first: {ticketId, label, service, serviceName, counter, at, serviceDate}
  };
  const spoken = [];

  function serviceOf(code) {
    return state.services.find((s) => s.code === code);
  }

  function shown(code, label) {
    if (!filter.length) return true;
    const service = serviceOf(code);
    const keys = [String(code || '').toLowerCase()];
    if (service && service.prefix) keys.push(String(service.prefix).toLowerCase());
    else if (label) keys.push(String(label).split('-')[0].toLowerCase());
    return keys.some((k) => filter.includes(k));
  }

  function callOf(ticket, counter, at) {
    const place = counter || ticket.counter || null;
    return {
      ticketId: ticket.id,
      label: ticket.label,
      service: ticket.service,
      serviceName: ticket.serviceName || (serviceOf(ticket.service) || {}).name || '',
      counter: place ? { code: place.code, name: place.name } : null,
      at: at || ticket.calledAt || new Date().toISOString(),
      serviceDate: ticket.serviceDate || state.serviceDate,
    };
  }

  function byTimeDesc(a, b) {
    return Date.parse(b.at) - Date.parse(a.at);
  }

  function onSnapshot(board) {
    state.facilityName = board.facilityName || state.facilityName;
    state.timeZone = board.timeZone || state.timeZone;
    state.serviceDate = board.serviceDate || state.serviceDate;
    state.services = (board.services || []).map((s) => ({ code: s.code, name: s.name, prefix: s.prefix, open: s.open !== false }));
    takeEstimates(board);
    state.tickets = new Map();
    const calls = [];
    for (const s of board.services || []) {
      for (const list of [s.waiting, s.nowServing, s.skipped, s.parked]) {
        for (const ticket of list || []) state.tickets.set(ticket.id, ticket);
      }
      for (const ticket of s.nowServing || []) calls.push(callOf(ticket, ticket.counter, ticket.calledAt));
    }
    // the snapshot replaces the state; calls already on screen today that it no longer lists stay as history,
    // and a recall seen before keeps its time (the snapshot only knows when a ticket was first called)
    const known = new Map(state.recent.map((c) => [c.ticketId, c]));
    for (const call of calls) {
      const seen = known.get(call.ticketId);
      if (seen && seen.counter && call.counter && seen.counter.code === call.counter.code && Date.parse(seen.at) > Date.parse(call.at)) {
        call.at = seen.at;
      }
    }
    const fresh = new Set(calls.map((c) => c.ticketId));
    const older = state.recent.filter((c) => !fresh.has(c.ticketId) && c.serviceDate === state.serviceDate);
    state.recent = calls.concat(older).sort(byTimeDesc).slice(0, RECENT_KEPT);
    state.hasData = true;
    try {
      localStorage.setItem(infoKey, JSON.stringify({ facilityName: state.facilityName, timeZone: state.timeZone }));
    } catch (e) {
      // private mode or full: the clock waits for the next snapshot after a reload
    }
    // a snapshot is not a new call: no highlight, no voice
    tick();
    render();
  }

  function onEvent(event) {
    const ticket = event.ticket;
    if (!ticket || ticket.id === undefined) return;
    if (CLOSED.has(ticket.status)) state.tickets.delete(ticket.id);
    else state.tickets.set(ticket.id, ticket);
    if (ticket.serviceDate && (!state.serviceDate || ticket.serviceDate > state.serviceDate)) {
      state.serviceDate = ticket.serviceDate;
    }
    if (ANNOUNCED.has(event.type)) {
      const call = callOf(ticket, event.counter, event.at);
      state.recent = [call].concat(state.recent.filter((c) => c.ticketId !== call.ticketId)).slice(0, RECENT_KEPT);
      if (shown(call.service, call.label)) {
        announce(call);
        flash();
      }
    }
    render();
  }

  function onStatus(status) {
    state.status = status;
    if (status === 'live') state.unauthorized = false;
    render();
  }

  function onUnauthorized() {
    state.unauthorized = true;
    render();
  }

  /** At the facility's local midnight: yesterday's tickets and calls go. */
  function rollDay(today) {
    if (!state.serviceDate || today <= state.serviceDate) return;
    state.serviceDate = today;
    for (const [id, ticket] of state.tickets) {
      if (ticket.serviceDate && ticket.serviceDate < today) state.tickets.delete(id);
    }
    state.recent = state.recent.filter((c) => !c.serviceDate || c.serviceDate >= today);
    render();
  }

  function shownCalls() {
    return state.recent.filter((c) => shown(c.service, c.label));
  }

  function currentCall() {
    return shownCalls()[0] || null;
  }

  function shownServices() {
    return state.services.filter((s) => shown(s.code, s.prefix));
  }

  function waitingCounts() {
    const counts = {};
    for (const s of shownServices()) counts[s.code] = 0;
    for (const ticket of state.tickets.values()) {
      if (ticket.status === 'WAITING' && Object.prototype.hasOwnProperty.call(counts, ticket.service)) counts[ticket.service]++;
    }
    return counts;
  }

  function destinationOf(call) {
    return call.counter ? (call.counter.name || call.counter.code || '') : '';
  }

  function model() {
    const counts = waitingCounts();
    const calls = shownCalls().slice(0, RECENT_SHOWN).map((c) => ({
      ticketId: c.ticketId, label: c.label, service: c.service, serviceName: c.serviceName,
      destination: destinationOf(c), counter: c.counter, at: c.at,
    }));
    return {
      facility,
      facilityName: state.facilityName,
      timeZone: state.timeZone,
      serviceDate: state.serviceDate,
      status: state.status,
      unauthorized: state.unauthorized,
      filter: filter.slice(),
      sound: player ? player.state() : 'unsupported',
      audio: player ? { clips: player.loaded(), pending: player.pending() } : { clips: 0, pending: 0 },
      current: calls[0] || null,
      calls,
      recent: calls,
      waiting: counts,
      services: shownServices().map((s) => ({ code: s.code, name: s.name, prefix: s.prefix, open: s.open, waiting: counts[s.code] })),
    };
  }

  // ---- sound -----------------------------------------------------------------------------------------

  let player = null;
  let soundButtonTimer = null;

  function setupSound() {
    if (!window.AntreanVoice) return;
    player = AntreanVoice.createPlayer({ base: '/display/assets/voice/', onState: soundState });
    // allowed without a tap when Chromium runs with --autoplay-policy=no-user-gesture-required
    player.resume();
    soundButtonTimer = setTimeout(() => soundState(player.state()), 800);
    $('enable-sound').addEventListener('click', (e) => {
      e.stopPropagation();
      player.resume().then(() => soundState(player.state()));
    });
    // any tap or key on the screen also turns the sound on
    for (const type of ['pointerdown', 'keydown', 'touchstart']) {
      document.addEventListener(type, () => {
        if (player.state() !== 'running') player.resume();
      }, { passive: true });
    }
  }

  function soundState(s) {
    clearTimeout(soundButtonTimer);
    const blocked = s === 'suspended';
    $('enable-sound').hidden = !blocked;
    document.body.dataset.sound = blocked ? 'blocked' : s;
  }

  function announce(call) {
    if (!window.AntreanVoice) return;
    const clips = AntreanVoice.compose(call.label, destinationOf(call));
    spoken.push(clips);
    if (player) player.enqueue(clips);
  }

  // ---- rendering -------------------------------------------------------------------------------------

  function renderTexts() {
    document.documentElement.lang = 'id';
    $('current-caption').textContent = t('display.current.caption');
    $('recent-title').textContent = t('display.recent.title');
    $('recent-none').textContent = t('display.recent.none');
    $('waiting-title').textContent = t('display.waiting.title');
    const sound = t('display.sound.enable');
    const soundEn = tEn('display.sound.enable');
    $('enable-sound-text').textContent = soundEn && soundEn !== sound ? sound + ' / ' + soundEn : sound;
    showFooter();
  }

  let footerEnglish = false;
  function showFooter() {
    const tr = footerEnglish ? tEn : t;
    $('footer-heading').textContent = tr('display.footer.heading');
    $('footer-text').textContent = tr('display.footer.onlineQueue');
    document.querySelector('.footer').lang = footerEnglish ? 'en' : 'id';
  }

  function switchFooter() {
    const footer = document.querySelector('.footer');
    footer.classList.add('is-fading');
    setTimeout(() => {
      footerEnglish = !footerEnglish;
      showFooter();
      footer.classList.remove('is-fading');
    }, 600);
  }

  function render() {
    document.body.dataset.status = state.status;
    document.title = state.facilityName ? t('display.title.facility', state.facilityName) || state.facilityName
      : t('display.title') || 'Antrean';
    $('facility-name').textContent = state.facilityName;

    // the call of the moment
    const call = currentCall();
    const current = $('current');
    current.classList.toggle('is-empty', !call);
    $('current-label').textContent = call ? call.label : '';
    $('current-destination').textContent = call ? destinationOf(call) : '';
    $('current-service').textContent = call ? call.serviceName : '';
    $('current-none').textContent = call ? '' : (state.hasData ? t('display.current.none') : t('display.status.connecting'));
    $('current-none-hint').textContent = call || !state.hasData ? '' : t('display.current.noneHint');
    if (call) {
      fit($('current-label'));
      fit($('current-destination'));
    }

    // the latest calls
    const calls = shownCalls().slice(0, RECENT_SHOWN);
    const list = $('recent');
    const items = calls.map((c, i) => {
      const li = document.createElement('li');
      li.className = 'recent-item' + (i === 0 ? ' is-current' : '');
      li.dataset.label = c.label;
      li.dataset.service = c.service;
      const label = document.createElement('span');
      label.className = 'recent-label';
      label.textContent = c.label;
      const place = document.createElement('span');
      place.className = 'recent-destination';
      place.textContent = destinationOf(c);
      li.append(label, place);
      return li;
    });
    list.replaceChildren(...items);
    $('recent-none').hidden = calls.length > 0 || !state.hasData;

    renderWaiting();
    renderNotices();
  }

  const FIT = ['fit-1', 'fit-2', 'fit-3'];
  /** The largest size (of the CSS's fit-N steps) at which the text stays on one line; else the smallest. */
  function fit(element) {
    element.classList.remove(...FIT);
    element.classList.add('is-measuring');
    for (let i = 0; i <= FIT.length; i++) {
      if (i > 0) {
        element.classList.remove(...FIT);
        element.classList.add(FIT[i - 1]);
      }
      if (element.scrollWidth <= element.clientWidth + 1) break;
    }
    element.classList.remove('is-measuring');
  }

  // The estimated wait of a newcomer per service, from the board (the server's rolling model of each poli).
  function takeEstimates(board) {
    state.estimates = {};
    for (const s of board.services || []) state.estimates[s.code] = s.estimatedWaitMinutes;
  }

  /** Estimates move with the pace of the polis, not with each event: ask for the board once a minute. */
  function refreshEstimates() {
    let token = null;
    try {
      token = localStorage.getItem(tokenKey);
    } catch (e) {
      token = null;
    }
    if (!token) return;
    fetch('/api/v1/facilities/' + encodeURIComponent(facility) + '/queue',
      { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((board) => {
        if (board) {
          takeEstimates(board);
          renderWaiting();
        }
      })
      .catch(() => {});
  }

  const tiles = new Map(); // service code -> {tile, count, name, closed, value}
  function renderWaiting() {
    const container = $('waiting');
    const services = shownServices();
    const counts = waitingCounts();
    const wanted = services.map((s) => s.code);
    for (const code of [...tiles.keys()]) {
      if (!wanted.includes(code)) {
        tiles.get(code).tile.remove();
        tiles.delete(code);
      }
    }
    const ordered = services.map((s) => {
      let entry = tiles.get(s.code);
      if (!entry) {
        const tile = document.createElement('div');
        tile.className = 'tile';
        tile.dataset.service = s.code;
        const head = document.createElement('div');
        head.className = 'tile-head';
        const prefix = document.createElement('span');
        prefix.className = 'tile-prefix';
        const name = document.createElement('span');
        name.className = 'tile-name';
        head.append(prefix, name);
        const count = document.createElement('div');
        count.className = 'count';
        const closed = document.createElement('div');
        closed.className = 'tile-closed';
        const wait = document.createElement('div');
        wait.className = 'tile-wait';
        tile.append(head, count, wait, closed);
        entry = { tile, prefix, name, count, wait, closed, value: null };
        tiles.set(s.code, entry);
      }
      entry.prefix.textContent = s.prefix || '';
      entry.prefix.hidden = !s.prefix;
      entry.name.textContent = s.name;
      const value = counts[s.code] || 0;
      entry.count.textContent = String(value);
      if (entry.value !== null && entry.value !== value) bump(entry.count);
      entry.value = value;
      const minutes = (state.estimates || {})[s.code];
      entry.wait.textContent = s.open && value > 0 && minutes ? t('display.waiting.estimate', minutes) : '';
      entry.tile.classList.toggle('is-closed', !s.open);
      entry.closed.textContent = s.open ? '' : t('display.waiting.closed');
      return entry.tile;
    });
    ordered.forEach((tile, i) => {
      if (container.children[i] !== tile) container.insertBefore(tile, container.children[i] || null);
    });
    container.dataset.count = String(services.length);
    container.classList.toggle('is-many', services.length > 6);
  }

  function bump(element) {
    element.classList.remove('is-bumped');
    void element.offsetWidth; // restart the animation
    element.classList.add('is-bumped');
  }

  let flashTimer = null;
  function flash() {
    const current = $('current');
    current.classList.remove('is-new');
    void current.offsetWidth;
    current.classList.add('is-new');
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => current.classList.remove('is-new'), FLASH_MS);
  }

  function renderNotices() {
    const badge = $('offline-badge');
    const offline = state.status === 'offline' && !state.unauthorized;
    badge.hidden = !offline;
    badge.textContent = offline ? t('display.status.offline') : '';

    const notice = $('notice');
    let title = '';
    let body = '';
    if (!facility) {
      title = t('display.noFacility.title');
      body = t('display.noFacility.body');
    } else if (state.unauthorized) {
      title = t('display.unauthorized.title');
      body = t('display.unauthorized.body');
    }
    notice.hidden = !(title || body);
    $('notice-title').textContent = title;
    $('notice-body').textContent = body;
  }

  // ---- clock -----------------------------------------------------------------------------------------

  let formats = null;
  function formatsFor(zone) {
    if (formats && formats.zone === zone) return formats;
    try {
      formats = {
        zone,
        time: new Intl.DateTimeFormat('id-ID', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
        zoneName: new Intl.DateTimeFormat('id-ID', { timeZone: zone, timeZoneName: 'short' }),
        date: new Intl.DateTimeFormat('id-ID', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
        isoDate: new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
      };
    } catch (e) {
      formats = null; // unknown zone: better no clock than the TV's own zone
    }
    return formats;
  }

  let shownDate = null;
  function tick() {
    const f = state.timeZone ? formatsFor(state.timeZone) : null;
    const clock = $('clock');
    if (!f) {
      clock.textContent = '';
      $('date').textContent = '';
      return;
    }
    const now = new Date();
    const parts = {};
    for (const p of f.time.formatToParts(now)) parts[p.type] = p.value;
    const zonePart = f.zoneName.formatToParts(now).find((p) => p.type === 'timeZoneName');
    const hm = document.createElement('span');
    hm.className = 'clock-hm';
    hm.textContent = parts.hour + '.' + parts.minute;
    const sec = document.createElement('span');
    sec.className = 'clock-sec';
    sec.textContent = '.' + parts.second;
    const zone = document.createElement('span');
    zone.className = 'clock-zone';
    zone.textContent = zonePart ? ' ' + zonePart.value : '';
    clock.replaceChildren(hm, sec, zone);
    const dateText = f.date.format(now);
    if (dateText !== shownDate) {
      shownDate = dateText;
      $('date').textContent = dateText;
    }
    rollDay(f.isoDate.format(now));
  }

  function startClock() {
    tick();
    setTimeout(function again() {
      tick();
      setTimeout(again, 1000 - (Date.now() % 1000) + 15);
    }, 1000 - (Date.now() % 1000) + 15);
  }

  // ---- start -----------------------------------------------------------------------------------------

  window.antreanDisplay = {
    spoken,
    get state() {
      return model();
    },
    voice: window.AntreanVoice,
  };

  function keepAwake() {
    if (!navigator.wakeLock) return;
    const request = () => navigator.wakeLock.request('screen').catch(() => {});
    request();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') request();
    });
  }

  function start() {
    render();
    startClock();
    loadTexts();
    setInterval(switchFooter, FOOTER_SWITCH_MS);
    window.addEventListener('resize', render);
    if (!facility) return;
    setupSound();
    keepAwake();
    AntreanLive.connect({
      facility,
      token: () => {
        try {
          return localStorage.getItem(tokenKey);
        } catch (e) {
          return null;
        }
      },
      onSnapshot,
      onEvent,
      onStatus,
      onUnauthorized,
    });
    setInterval(refreshEstimates, 60000);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
