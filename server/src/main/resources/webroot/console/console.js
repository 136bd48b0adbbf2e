/*
 * The receptionist / consulting-room console of Antrean (/console/).
 *
 * Screens: login → choose the counter (remembered per facility) → the console: the counter's current ticket
 * with big action buttons and keyboard shortcuts, the waiting lists per service (live), parked and skipped
 * tickets, today's online bookings (Mobile JKN) not checked in yet with a check-in button, and a walk-in form
 * to issue a ticket. The header shows what the facility reported to BPJS (the outbox). Texts come from the
 * console bundle (Bahasa Indonesia first, English on a toggle). The queue is kept live from the server's
 * events: a local map of open tickets, filled from the snapshot and updated by every event.
 */
(function () {
  'use strict';

  const C = window.AntreanConsole;
  const el = C.el;
  const $ = (id) => document.getElementById(id);

  const ELIGIBILITY = new Set(['ACTIVE_HERE', 'REGISTERED_ELSEWHERE', 'INACTIVE', 'NOT_FOUND', 'UNVERIFIED']);
  const CALLING_EVENTS = new Set(['CALLED', 'RECALLED', 'RESUMED']);
  // Statuses a ticket of another day can have while that day has not come (a booking made ahead, cancelled).
  const AHEAD_STATUSES = new Set(['BOOKED', 'CANCELLED', 'NO_SHOW']);
  // Events after which BPJS has something new to hear (antrean/add, panggil, batal).
  const BPJS_EVENTS = new Set(['ISSUED', 'STARTED', 'SKIPPED', 'CANCELLED', 'NO_SHOW']);

  const SHORTCUTS = { n: 'call-next', ' ': 'call-next', r: 'recall', s: 'skip', m: 'start', f: 'finish',
    t: 'transfer', p: 'park', c: 'cancel' };
  const TICK_MS = 10000;
  const LONG_WAIT_MIN = 30;
  const VERY_LONG_WAIT_MIN = 60;
  const BPJS_POLL_MS = 20000;
  const COMPACT_HEADER = window.matchMedia('(max-width: 1500px)');

  const S = {
    t: (key) => key,
    me: null,
    facility: null,           // {code, name, timeZone}
    services: [],             // [{code, name, prefix, open}]
    counters: [],             // [{code, name, services}]
    counter: null,            // the chosen counter
    tickets: new Map(),       // id → open ticket
    order: new Map(),         // id → sort key of a waiting ticket within its service
    lastKey: 0,
    serviceDate: null,
    live: null,
    liveStatus: 'connecting',
    snapshot: false,
    busy: false,
    flashId: null,
    ending: false,
    renderTimer: null,
    checkingIn: new Set(),    // ids of bookings being checked in now
    walkin: { key: null, body: null, ticket: null, identity: null, elig: null, eligFor: null, eligTimer: null, eligSeq: 0 },
    // the BPJS outbox: the chip's answer (pending ones and the counts), the dialog's list and its filter
    bpjs: { answer: null, list: null, filter: '', timer: null, soon: null, later: null, seq: 0, listSeq: 0,
      stale: false, off: false },
  };

  const t = (key, ...args) => S.t(key, ...args);
  const counterKey = (facility) => 'antrean.console.counter.' + facility;
  const groupsKey = () => 'antrean.console.groups.' + S.facility.code + '.' + S.counter.code;
  const path = (rest) => C.facilityPath(S.facility.code, rest);

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* ignore */ }
  }

  function stored(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }

  // ---- screens --------------------------------------------------------------------------------------

  function show(screen) {
    document.body.dataset.screen = screen;
    $('screen-login').hidden = screen !== 'login';
    $('screen-counter').hidden = screen !== 'counter';
    $('screen-console').hidden = screen !== 'console';
    $('topbar').hidden = screen === 'login';
    $('hdr-counter-box').hidden = screen !== 'console';
  }

  function showLogin(message, kind) {
    show('login');
    const notice = $('login-notice');
    const error = $('login-error');
    notice.hidden = true;
    error.hidden = true;
    if (message && kind === 'error') {
      error.textContent = message;
      error.hidden = false;
    } else if (message) {
      notice.textContent = message;
      notice.hidden = false;
    }
    document.title = t('console.title');
    const user = $('login-username');
    (user.value ? $('login-password') : user).focus();
  }

  function loginError(text) {
    const error = $('login-error');
    error.textContent = text;
    error.hidden = false;
    $('login-notice').hidden = true;
  }

  // ---- language -------------------------------------------------------------------------------------

  async function setLanguage(language, rerender) {
    C.setLang(language);
    S.t = await C.loadTexts(language);
    C.applyTexts(document, S.t);
    document.title = t('console.title');
    if (!rerender) return;
    C.hideBanner();
    $('action-note').textContent = '';
    setLiveStatus(S.liveStatus);
    renderHeader();
    tickClock();
    renderBpjsChip();
    if ($('bpjs-dialog').open) renderBpjsDialog();
    const screen = document.body.dataset.screen;
    if (screen === 'counter') showCounterChoice(!$('counter-back').hidden);
    if (screen === 'console') {
      fillWalkinServices();
      renderAll();
      renderEligibilityAnswer();
      if (S.walkin.ticket && !$('walkin-result').hidden) showWalkinResult(S.walkin.ticket, false);
    }
    if ($('ticket-dialog').open && detailTicket) fillDetail(detailTicket);
  }

  // ---- session --------------------------------------------------------------------------------------

  async function submitLogin(event) {
    event.preventDefault();
    const username = $('login-username').value.trim();
    const password = $('login-password').value;
    if (!username || !password) {
      loginError(t('console.login.error.required'));
      (username ? $('login-password') : $('login-username')).focus();
      return;
    }
    const button = $('login-submit');
    button.disabled = true;
    button.textContent = t('console.login.submitting');
    C.clearSession();
    try {
      const answer = await C.api('/api/v1/auth/token',
        { method: 'POST', body: { username, password }, noAuthRedirect: true });
      if (answer.kind && answer.kind !== 'STAFF') {
        loginError(t('console.login.error.notStaff'));
        return;
      }
      const me = Object.assign({}, answer);
      delete me.token;
      C.saveSession(answer.token, me);
      $('login-password').value = '';
      await startSession(me, false);
    } catch (e) {
      C.clearSession();
      if (e.status === 429 && !(e.problem && e.problem.message)) {
        loginError(t('console.login.error.rateLimited', e.retryAfter || '60'));
      } else {
        loginError(C.errorText(e, S.t));
      }
    } finally {
      button.disabled = false;
      button.textContent = t('console.login.submit');
    }
  }

  /** After login or on reload with a stored token: facility data, live events, then the counter. */
  async function startSession(me, resumed) {
    S.me = me;
    S.facility = Object.assign({}, me.facility);
    S.ending = false;
    const [services, counters] = await Promise.all([
      C.api(path('/services')), C.api(path('/counters'))]);
    S.services = services.services || [];
    S.counters = counters.counters || [];
    renderHeader();
    startClock();
    connectLive();
    startBpjs();
    const remembered = stored(counterKey(S.facility.code));
    if (resumed && remembered && S.counters.some((c) => c.code === remembered)) {
      enterConsole(remembered);
    } else {
      showCounterChoice(false);
    }
  }

  function stopSession() {
    if (S.live) S.live.close();
    S.live = null;
    clearInterval(clockTimer);
    clearInterval(tickTimer);
    stopBpjs();
    S.tickets.clear();
    S.order.clear();
    S.counter = null;
    S.me = null;
    S.snapshot = false;
    $('waiting').replaceChildren();
    $('walkin-result').hidden = true;
    S.walkin.ticket = null;
    S.walkin.key = null;
    closeDialogs();
  }

  function closeDialogs() {
    document.querySelectorAll('dialog[open]').forEach((d) => d.close());
  }

  function sessionExpired() {
    if (S.ending) return;
    S.ending = true;
    stopSession();
    C.clearSession();
    C.hideBanner();
    showLogin(t('console.login.sessionExpired'), 'error');
  }

  async function logout() {
    S.ending = true;
    try {
      await C.api('/api/v1/auth/logout', { method: 'POST', noAuthRedirect: true });
    } catch (e) { /* the token goes anyway */ }
    stopSession();
    C.clearSession();
    C.hideBanner();
    showLogin(t('console.login.loggedOut'), 'info');
  }

  // ---- header and clock ----------------------------------------------------------------------------

  function renderHeader() {
    if (!S.me) return;
    $('hdr-facility').textContent = S.facility.name || S.facility.code;
    $('hdr-user').textContent = S.me.name || S.me.username || '';
    $('hdr-user').title = (S.me.username || '') + (S.me.role ? ' · ' + t('console.role.' + S.me.role) : '');
    $('btn-logout').title = t('console.header.logoutAs', S.me.name || S.me.username || '');
    $('hdr-admin').hidden = !(S.me.role === 'ADMIN' || (S.me.permissions || []).includes('ADMIN'));
    $('hdr-counter').textContent = S.counter ? S.counter.name : '';
    document.title = S.counter ? t('console.title.counter', S.counter.name) : t('console.title');
  }

  let clockTimer = null;
  let tickTimer = null;

  function startClock() {
    clearInterval(clockTimer);
    clearInterval(tickTimer);
    tickClock();
    clockTimer = setInterval(tickClock, 1000);
    tickTimer = setInterval(tickWaits, TICK_MS);
  }

  function tickClock() {
    if (!S.facility) return;
    const now = Date.now();
    const zone = S.facility.timeZone || 'Asia/Jakarta';
    const clock = $('hdr-clock');
    const time = C.formatTime(now, zone, S.t.lang, true) + ' ' + C.zoneName(zone);
    const date = C.formatDate(now, zone, S.t.lang);
    if (clock.dataset.text === time + date) return;
    clock.dataset.text = time + date;
    clock.replaceChildren(el('span', { class: 'clock-time', text: time }), el('span', { class: 'clock-date', text: date }));
  }

  function setLiveStatus(status) {
    S.liveStatus = status;
    const badge = $('live-status');
    badge.dataset.status = status;
    badge.textContent = t('console.live.' + status);
    document.body.classList.toggle('is-offline', status === 'offline');
  }

  // ---- counter choice -------------------------------------------------------------------------------

  function serviceName(code) {
    const service = S.services.find((s) => s.code === code);
    return service ? service.name : code;
  }

  function showCounterChoice(fromConsole) {
    show('counter');
    renderHeader();
    const box = $('counter-select');
    box.replaceChildren();
    const remembered = stored(counterKey(S.facility.code));
    let focus = null;
    for (const counter of S.counters) {
      const last = counter.code === remembered;
      const button = el('button', { type: 'button', class: 'counter-btn' + (last ? ' is-last' : ''),
        dataset: { counter: counter.code } },
        el('span', { class: 'counter-name', text: counter.name }),
        el('span', { class: 'counter-code', text: counter.code }),
        el('span', { class: 'counter-services' },
          el('span', { class: 'counter-serves', text: t('console.counter.serves') }),
          counter.services.map((code) => el('span', { class: 'chip', text: serviceName(code) }))),
        last ? el('span', { class: 'counter-last', text: t('console.counter.lastUsed') }) : null);
      button.addEventListener('click', () => enterConsole(counter.code));
      box.append(button);
      if (last || !focus) focus = last ? button : focus || button;
    }
    $('counter-empty').hidden = S.counters.length > 0;
    $('counter-back').hidden = !(fromConsole && S.counter);
    if (focus) focus.focus();
  }

  function enterConsole(code) {
    const counter = S.counters.find((c) => c.code === code);
    if (!counter) {
      showCounterChoice(false);
      return;
    }
    const changed = !S.counter || S.counter.code !== code;
    S.counter = counter;
    store(counterKey(S.facility.code), code);
    show('console');
    renderHeader();
    if (changed) {
      $('waiting').replaceChildren();
      fillWalkinServices(true);
    }
    setLiveStatus(S.liveStatus);
    renderAll();
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  }

  // ---- live queue -----------------------------------------------------------------------------------

  function connectLive() {
    if (S.live) S.live.close();
    S.snapshot = false;
    S.live = window.AntreanLive.connect({
      facility: S.facility.code,
      token: () => C.token(),
      onSnapshot: (board) => {
        S.snapshot = true;
        applyBoard(board);
      },
      onEvent: applyEvent,
      onStatus: setLiveStatus,
      onUnauthorized: () => sessionExpired(),
    });
    // Should the event stream not answer quickly, show the queue as it is meanwhile.
    const live = S.live;
    setTimeout(async () => {
      if (S.snapshot || S.live !== live) return;
      try {
        const board = await C.api(path('/queue'));
        if (!S.snapshot && S.live === live) applyBoard(board);
      } catch (e) { /* the stream will bring it */ }
    }, 2500);
  }

  function applyBoard(board) {
    S.tickets.clear();
    S.order.clear();
    S.serviceDate = board.serviceDate;
    if (board.timeZone) S.facility.timeZone = board.timeZone;
    if (board.facilityName) S.facility.name = board.facilityName;
    if (Array.isArray(board.services) && board.services.length) {
      S.services = board.services.map((s) => ({ code: s.code, name: s.name, prefix: s.prefix, open: s.open }));
    }
    for (const service of board.services || []) {
      for (const ticket of service.nowServing || []) S.tickets.set(ticket.id, ticket);
      for (const ticket of service.waiting || []) {
        S.tickets.set(ticket.id, ticket);
        S.order.set(ticket.id, ++S.lastKey);
      }
      for (const ticket of service.parked || []) S.tickets.set(ticket.id, ticket);
      for (const ticket of service.skipped || []) S.tickets.set(ticket.id, ticket);
      for (const ticket of service.booked || []) S.tickets.set(ticket.id, ticket);
    }
    renderHeader();
    fillWalkinServices();
    scheduleRender();
  }

  function applyEvent(event) {
    if (event && event.type === 'DEVICE_ALERT') {
      showDeviceAlert(event);
      return;
    }
    const ticket = event && event.ticket;
    if (!ticket || ticket.id === undefined) return;
    const type = String(event.type || '').replace(/^TICKET_/, '');
    if (BPJS_EVENTS.has(type)) refreshBpjsSoon(3000);
    if (S.serviceDate && ticket.serviceDate && ticket.serviceDate !== S.serviceDate) {
      if (ticket.serviceDate < S.serviceDate) return;
      // Mobile JKN books days ahead: such a booking (or its cancellation) is not a sign of a new day.
      if (AHEAD_STATUSES.has(ticket.status)) return;
      // A new local day: the open tickets of yesterday are no longer on today's board.
      for (const [id, old] of S.tickets) {
        if (old.serviceDate < ticket.serviceDate) {
          S.tickets.delete(id);
          S.order.delete(id);
        }
      }
      S.serviceDate = ticket.serviceDate;
      reloadBoardSoon();   // bookings made for the new day before it came were not taken as such
    }
    upsert(ticket);
    if (S.counter && event.counter && event.counter.code === S.counter.code && CALLING_EVENTS.has(type)) {
      S.flashId = ticket.id;
    }
    scheduleRender();
  }

  /** A kiosk says its printer is in trouble (or fine again): somebody in the room should walk over. */
  function showDeviceAlert(event) {
    const name = (event.device && event.device.name) || '';
    if (event.alert === 'PRINTER_OK') {
      C.showBanner(t('console.deviceAlert.ok', name), 'info');
    } else {
      C.showBanner(t('console.deviceAlert.printer', name, t('console.deviceAlert.problem.' + (event.problem || 'FAILED'))));
    }
  }

  /** Open while a counter can still do something with it (the server's allowedActions); DONE and the like are not. */
  function isOpen(ticket) {
    return Array.isArray(ticket.allowedActions) && ticket.allowedActions.length > 0;
  }

  /** Puts a ticket (as it is after a change) in the local map, or takes it out when it is closed. */
  function upsert(ticket) {
    const previous = S.tickets.get(ticket.id);
    if (!isOpen(ticket)) {
      S.tickets.delete(ticket.id);
      S.order.delete(ticket.id);
      return;
    }
    if (ticket.status === 'WAITING'
        && (!previous || previous.status !== 'WAITING' || previous.service !== ticket.service || !S.order.has(ticket.id))) {
      S.order.set(ticket.id, keyAtPosition(ticket));
    } else if (ticket.status !== 'WAITING') {
      S.order.delete(ticket.id);
    }
    S.tickets.set(ticket.id, ticket);
  }

  /** A sort key that puts a ticket joining a line at the place the server gave it (position 1 = next). */
  function keyAtPosition(ticket) {
    const others = waitingOf(ticket.service).filter((x) => x.id !== ticket.id);
    const group = others.filter((x) => !!x.priority === !!ticket.priority);
    const ahead = ticket.priority ? 0 : others.length - group.length;
    let index = ticket.position ? ticket.position - 1 - ahead : group.length;
    index = Math.max(0, Math.min(group.length, index));
    const before = index > 0 ? S.order.get(group[index - 1].id) : undefined;
    const after = index < group.length ? S.order.get(group[index].id) : undefined;
    if (after === undefined) {
      S.lastKey = Math.max(S.lastKey, before || 0) + 1;
      return S.lastKey;
    }
    if (before === undefined) return after - 1;
    return (before + after) / 2;
  }

  function sortKey(ticket) {
    const key = S.order.get(ticket.id);
    return key === undefined ? Number.MAX_SAFE_INTEGER : key;
  }

  /** The waiting line of a service: priority first, then in the order of the line. */
  function waitingOf(service) {
    const list = [];
    for (const ticket of S.tickets.values()) {
      if (ticket.status === 'WAITING' && ticket.service === service) list.push(ticket);
    }
    return list.sort((a, b) => (b.priority ? 1 : 0) - (a.priority ? 1 : 0)
      || sortKey(a) - sortKey(b) || a.number - b.number);
  }

  /** Today's online bookings of a service whose patient has not checked in yet, by estimated time. */
  function bookedOf(service) {
    const list = [];
    for (const ticket of S.tickets.values()) {
      if (ticket.status === 'BOOKED' && ticket.service === service) list.push(ticket);
    }
    const at = (ticket) => {
      const ms = C.parseTime(ticket.estimatedAt);
      return Number.isNaN(ms) ? Number.MAX_SAFE_INTEGER : ms;
    };
    return list.sort((a, b) => at(a) - at(b) || a.number - b.number);
  }

  /**
   * A waiting ticket whose time in line has not come: "call next" passes it over until its lineAt (the server's
   * fairness rule). Only a booked patient who checked in early can stand in line later than now; for anyone
   * else the comparison would only show how this machine's clock differs from the server's.
   */
  function notYet(ticket, now) {
    if (ticket.status !== 'WAITING' || !ticket.checkedInAt || !ticket.lineAt || ticket.service !== ticket.homeService) {
      return false;
    }
    return C.parseTime(ticket.lineAt) > (now || Date.now());
  }

  /**
   * Since when a waiting ticket has waited here (ms): the server's lineAt. A transferred ticket's lineAt is its
   * transfer; its wait counts from when the patient came (took the number, or checked in but not before the
   * estimated time), as the console has always shown it. Bookings are made days ahead, so their issue time
   * says nothing about today's wait.
   */
  function inLineSince(ticket) {
    if (ticket.service === ticket.homeService && ticket.lineAt) return C.parseTime(ticket.lineAt);
    if (ticket.source !== 'ONLINE') return C.parseTime(ticket.issuedAt);
    const arrived = C.parseTime(ticket.checkedInAt || ticket.issuedAt);
    const estimated = C.parseTime(ticket.estimatedAt);
    return !Number.isNaN(estimated) && (Number.isNaN(arrived) || estimated > arrived) ? estimated : arrived;
  }

  /** The ticket at this counter now (called or being served); the latest call if there were two. */
  function currentTicket() {
    if (!S.counter) return null;
    let current = null;
    for (const ticket of S.tickets.values()) {
      if ((ticket.status === 'CALLED' || ticket.status === 'SERVING') && ticket.counter
          && ticket.counter.code === S.counter.code) {
        if (!current || C.parseTime(ticket.calledAt) > C.parseTime(current.calledAt)) current = ticket;
      }
    }
    return current;
  }

  // ---- rendering ------------------------------------------------------------------------------------

  function scheduleRender() {
    if (S.renderTimer) return;
    S.renderTimer = setTimeout(() => {
      S.renderTimer = null;
      renderAll();
    }, 15);
  }

  function renderAll() {
    if (document.body.dataset.screen !== 'console' || !S.counter) return;
    renderCurrent();
    renderButtons();
    renderWaiting();
    renderParkedAndSkipped();
  }

  function minutesSince(value) {
    const ms = typeof value === 'number' ? value : C.parseTime(value);
    if (Number.isNaN(ms)) return 0;
    return Math.max(0, Math.floor((Date.now() - ms) / 60000));
  }

  function eligibilityReason(ticket) {
    if (ticket.payer !== 'JKN') return null;
    const reason = ticket.eligibility && ticket.eligibility.reason;
    return ELIGIBILITY.has(reason) ? reason : 'UNVERIFIED';
  }

  function eligibilityBadge(reason, source) {
    const title = t('console.elig.title.' + reason) + (source ? ' · ' + t('console.elig.source.' + source) : '');
    return el('span', { class: 'badge elig elig-' + reason, title, dataset: { eligibility: reason } },
      t('console.elig.' + reason));
  }

  function ticketBadges(ticket, options = {}) {
    const badges = [];
    if (ticket.priority) badges.push(el('span', { class: 'badge badge-priority', text: t('console.row.priority') }));
    badges.push(el('span', { class: 'badge badge-payer payer-' + ticket.payer, text: t('console.payer.' + ticket.payer) }));
    const reason = eligibilityReason(ticket);
    if (reason) badges.push(eligibilityBadge(reason, ticket.eligibility && ticket.eligibility.source));
    if (!options.noSource) {
      badges.push(el('span', { class: 'badge badge-source source-' + ticket.source, text: t('console.source.' + ticket.source) }));
    }
    if (options.card && ticket.cardNumberMasked) {
      badges.push(el('span', { class: 'badge badge-plain',
        text: t('console.row.card', ticket.cardNumberMasked.replace(/^\*+/, '…')) }));
    }
    return badges;
  }

  function renderCurrent() {
    const ticket = currentTicket();
    const box = $('current');
    box.dataset.state = ticket ? ticket.status.toLowerCase() : 'none';
    const label = $('current-label');
    label.textContent = ticket ? ticket.label : t('console.current.none');
    label.dataset.ticketId = ticket ? ticket.id : '';
    const status = $('current-status');
    status.hidden = !ticket;
    if (ticket) {
      status.textContent = t('console.status.' + ticket.status);
      status.className = 'pill status-' + ticket.status;
    }
    let service = '';
    if (ticket) {
      service = ticket.serviceName || serviceName(ticket.service);
      if (ticket.homeService && ticket.homeService !== ticket.service) {
        service += ' · ' + t('console.current.from', serviceName(ticket.homeService));
      }
    }
    $('current-service').textContent = service;
    $('current-badges').replaceChildren(...(ticket ? ticketBadges(ticket, { card: true }) : []));
    renderCurrentTimes(ticket);
    $('current-hint').textContent = ticket ? '' : t('console.current.hint.NONE');
    if (!ticket) label.classList.remove('flash');
    if (ticket && S.flashId === ticket.id) {
      S.flashId = null;
      label.classList.remove('flash');
      void label.offsetWidth; // restart the animation
      label.classList.add('flash');
    }
  }

  function renderCurrentTimes(ticket) {
    const zone = S.facility.timeZone;
    const parts = [];
    if (ticket && ticket.calledAt) {
      parts.push(t('console.current.calledAt', C.formatTime(ticket.calledAt, zone, S.t.lang), minutesSince(ticket.calledAt)));
    }
    if (ticket && ticket.callCount > 1) parts.push(t('console.current.callCount', ticket.callCount));
    if (ticket && ticket.startedAt) parts.push(t('console.current.startedAt', C.formatTime(ticket.startedAt, zone, S.t.lang)));
    // A booking was made days ahead maybe: its estimated time says more than the time it was made.
    if (ticket && ticket.source === 'ONLINE' && ticket.estimatedAt) {
      parts.push(t('console.current.estimatedAt', C.formatTime(ticket.estimatedAt, zone, S.t.lang)));
    } else if (ticket && ticket.issuedAt) {
      parts.push(t('console.current.issuedAt', C.formatTime(ticket.issuedAt, zone, S.t.lang)));
    }
    $('current-times').textContent = parts.join(' · ');
  }

  function myServices() {
    return new Set(S.counter ? S.counter.services : []);
  }

  function renderButtons() {
    const ticket = currentTicket();
    // call-next is always there; the rest is what the server allows on the current ticket.
    const allowed = new Set(['call-next', ...(ticket ? ticket.allowedActions || [] : [])]);
    document.querySelectorAll('.act[data-action]').forEach((button) => {
      button.disabled = !allowed.has(button.dataset.action);
    });
    // Only tickets in line count; a booking not arrived yet is not, and one checked in early only from its time.
    let ready = 0;
    let later = 0;
    const now = Date.now();
    for (const code of myServices()) {
      for (const waiting of waitingOf(code)) {
        if (notYet(waiting, now)) later++;
        else ready++;
      }
    }
    $('callnext-hint').textContent = later ? t('console.action.waitingHereLater', ready, later)
      : t('console.action.waitingHere', ready);
  }

  // Keyed lists: rows stay the same elements while their ticket does not change (no lost clicks or focus).
  function syncRows(list, tickets, build, signature) {
    const existing = new Map();
    for (const row of Array.from(list.children)) existing.set(row.dataset.ticketId, row);
    tickets.forEach((ticket, index) => {
      const id = String(ticket.id);
      const sig = signature(ticket, index);
      let row = existing.get(id);
      existing.delete(id);
      if (!row || row.dataset.sig !== sig) {
        const fresh = build(ticket, index);
        fresh.dataset.sig = sig;
        if (row) {
          const focused = row.contains(document.activeElement) ? document.activeElement.dataset.role : null;
          row.replaceWith(fresh);
          if (focused) {
            const again = fresh.querySelector('[data-role="' + focused + '"]');
            if (again) again.focus();
          }
        }
        row = fresh;
      }
      if (list.children[index] !== row) list.insertBefore(row, list.children[index] || null);
    });
    existing.forEach((row) => row.remove());
  }

  function waitText(since) {
    return t('console.waiting.minutes', minutesSince(since));
  }

  function waitClass(since) {
    const minutes = minutesSince(since);
    return 'row-wait' + (minutes >= VERY_LONG_WAIT_MIN ? ' wait-very-long' : minutes >= LONG_WAIT_MIN ? ' wait-long' : '');
  }

  /** The wait column of a waiting row: minutes in line, or "from hh.mm" for a booking not due yet. */
  function waitCell(ticket) {
    const zone = S.facility.timeZone;
    if (notYet(ticket)) {
      const at = C.formatTime(ticket.lineAt, zone, S.t.lang);
      return el('span', { class: 'row-wait wait-later', dataset: { until: C.parseTime(ticket.lineAt) },
        title: t('console.waiting.notYet.title', at) }, t('console.waiting.notYet', at));
    }
    const since = inLineSince(ticket);
    const title = ticket.source === 'ONLINE'
      ? t('console.waiting.inLineSince', C.formatTime(since, zone, S.t.lang))
      : t('console.waiting.since', C.formatTime(ticket.issuedAt, zone, S.t.lang));
    return el('span', { class: waitClass(since), dataset: { since: Number.isNaN(since) ? '' : since }, title },
      waitText(since));
  }

  function rowButton(role, text, handler, extraClass) {
    const button = el('button', { type: 'button', class: 'btn btn-row ' + (extraClass || ''), dataset: { role } }, text);
    button.addEventListener('click', handler);
    return button;
  }

  function labelButton(ticket) {
    const button = el('button', { type: 'button', class: 'row-label', title: t('console.row.detail'),
      dataset: { role: 'detail' } }, ticket.label);
    button.addEventListener('click', () => openDetail(ticket.id));
    return button;
  }

  function buildWaitingRow(ticket, index) {
    const callable = myServices().has(ticket.service);
    const later = notYet(ticket);
    const data = { ticketId: ticket.id, label: ticket.label, status: ticket.status };
    if (later) data.notYet = 'true';
    return el('li', { class: 'row' + (ticket.priority ? ' is-priority' : '') + (later ? ' is-later' : ''), dataset: data },
      el('span', { class: 'row-pos', text: String(index + 1), title: t('console.waiting.position') }),
      labelButton(ticket),
      el('span', { class: 'row-badges' }, ticketBadges(ticket)),
      waitCell(ticket),
      el('span', { class: 'row-actions' },
        callable ? rowButton('call', t('console.row.call'), (e) => callThis(ticket.id, e.currentTarget), 'btn-call') : null,
        rowButton('print', t('console.row.print'), (e) => printTicket(ticket, e.currentTarget), 'btn-ghost')));
  }

  function waitingSignature(ticket, index) {
    return [S.t.lang, index, ticket.label, ticket.status, ticket.payer, ticket.source, ticket.priority,
      eligibilityReason(ticket), ticket.eligibility && ticket.eligibility.source, myServices().has(ticket.service),
      ticket.issuedAt, ticket.estimatedAt, ticket.lineAt, notYet(ticket), inLineSince(ticket)].join('|');
  }

  /** A booking not checked in: label, badges, its estimated time and a big check-in button. */
  function buildBookedRow(ticket) {
    const zone = S.facility.timeZone;
    const at = ticket.estimatedAt ? C.formatTime(ticket.estimatedAt, zone, S.t.lang) : '';
    const late = ticket.estimatedAt && C.parseTime(ticket.estimatedAt) < Date.now();
    return el('li', { class: 'row row-booked', dataset: { ticketId: ticket.id, label: ticket.label, status: ticket.status } },
      labelButton(ticket),
      el('span', { class: 'row-badges' }, ticketBadges(ticket, { noSource: true })),
      el('span', { class: 'row-estimate' + (late ? ' is-late' : ''), dataset: { at: ticket.estimatedAt || '' },
        title: at ? t('console.booked.estimated.title', at) : null }, at ? t('console.booked.estimated', at) : ''),
      el('span', { class: 'row-actions' },
        rowButton('check-in', t('console.booked.checkIn'), (e) => checkIn(ticket, e.currentTarget), 'btn-primary btn-check-in')));
  }

  function bookedSignature(ticket) {
    const late = ticket.estimatedAt && C.parseTime(ticket.estimatedAt) < Date.now();
    return [S.t.lang, ticket.label, ticket.status, ticket.payer, eligibilityReason(ticket),
      ticket.eligibility && ticket.eligibility.source, ticket.estimatedAt, late].join('|');
  }

  function groupState() {
    try { return JSON.parse(stored(groupsKey()) || '{}'); } catch (e) { return {}; }
  }

  function buildGroup(service, mine) {
    const state = groupState();
    const details = el('details', { class: 'svc', dataset: { service: service.code } },
      el('summary', { class: 'svc-head' },
        el('span', { class: 'svc-prefix' }),
        el('span', { class: 'svc-name' }),
        el('span', { class: 'svc-tag svc-mine' }),
        el('span', { class: 'svc-tag svc-closed' }),
        el('span', { class: 'svc-count' })),
      el('ol', { class: 'rows rows-waiting' }),
      el('p', { class: 'empty' }),
      el('div', { class: 'svc-booked', hidden: true },
        el('h3', { class: 'svc-sub' }),
        el('ol', { class: 'rows rows-booked' })));
    details.open = Object.prototype.hasOwnProperty.call(state, service.code) ? !!state[service.code] : mine;
    details.addEventListener('toggle', () => {
      const now = groupState();
      now[service.code] = details.open;
      store(groupsKey(), JSON.stringify(now));
    });
    return details;
  }

  function renderWaiting() {
    const root = $('waiting');
    const mine = myServices();
    const ordered = S.counter.services.map((code) => S.services.find((s) => s.code === code)).filter(Boolean)
      .concat(S.services.filter((s) => !mine.has(s.code)));
    const existing = new Map();
    for (const group of Array.from(root.children)) existing.set(group.dataset.service, group);
    let total = 0;
    ordered.forEach((service, index) => {
      let group = existing.get(service.code);
      existing.delete(service.code);
      if (!group) group = buildGroup(service, mine.has(service.code));
      if (root.children[index] !== group) root.insertBefore(group, root.children[index] || null);
      const tickets = waitingOf(service.code);
      const booked = bookedOf(service.code);
      total += tickets.length;
      group.classList.toggle('is-mine', mine.has(service.code));
      group.classList.toggle('is-closed', !service.open);
      group.querySelector('.svc-prefix').textContent = service.prefix || '';
      group.querySelector('.svc-name').textContent = service.name;
      group.querySelector('.svc-mine').textContent = mine.has(service.code) ? t('console.waiting.mine') : '';
      group.querySelector('.svc-closed').textContent = service.open ? '' : t('console.waiting.closed');
      group.querySelector('.svc-count').textContent = booked.length
        ? t('console.waiting.countBooked', tickets.length, booked.length) : t('console.waiting.count', tickets.length);
      const empty = group.querySelector('.empty');
      empty.textContent = t('console.waiting.empty');
      empty.hidden = tickets.length > 0;
      syncRows(group.querySelector('.rows-waiting'), tickets, buildWaitingRow, waitingSignature);
      const bookedBox = group.querySelector('.svc-booked');
      bookedBox.hidden = booked.length === 0;
      bookedBox.querySelector('.svc-sub').textContent = t('console.booked.title', booked.length);
      syncRows(bookedBox.querySelector('.rows-booked'), booked, buildBookedRow, bookedSignature);
    });
    existing.forEach((group) => group.remove());
    $('waiting-total').textContent = t('console.waiting.total', total);
  }

  function buildParkedRow(ticket) {
    return el('li', { class: 'row row-compact', dataset: { ticketId: ticket.id, label: ticket.label, status: ticket.status } },
      labelButton(ticket),
      el('span', { class: 'row-info', text: ticket.serviceName || serviceName(ticket.service) }),
      el('span', { class: 'row-actions' },
        rowButton('resume', t('console.row.resume'), (e) => rowAction('resume', ticket, e.currentTarget), 'btn-primary'),
        rowButton('print', t('console.row.print'), (e) => printTicket(ticket, e.currentTarget), 'btn-ghost'),
        rowButton('cancel', t('console.row.cancel'), (e) => cancelTicket(ticket, e.currentTarget), 'btn-ghost btn-danger-text')));
  }

  function buildSkippedRow(ticket) {
    const where = ticket.counter ? t('console.row.skippedAt', ticket.counter.name) : '';
    return el('li', { class: 'row row-compact', dataset: { ticketId: ticket.id, label: ticket.label, status: ticket.status } },
      labelButton(ticket),
      el('span', { class: 'row-info', text: [ticket.serviceName || serviceName(ticket.service), where].filter(Boolean).join(' · ') }),
      el('span', { class: 'row-actions' },
        rowButton('requeue', t('console.row.requeue'), (e) => rowAction('requeue', ticket, e.currentTarget), 'btn-primary'),
        rowButton('print', t('console.row.print'), (e) => printTicket(ticket, e.currentTarget), 'btn-ghost'),
        rowButton('cancel', t('console.row.cancel'), (e) => cancelTicket(ticket, e.currentTarget), 'btn-ghost btn-danger-text')));
  }

  function compactSignature(ticket) {
    return [S.t.lang, ticket.label, ticket.status, ticket.service, ticket.counter && ticket.counter.code].join('|');
  }

  function renderParkedAndSkipped() {
    const mine = myServices();
    const parked = [];
    const skipped = [];
    for (const ticket of S.tickets.values()) {
      if (ticket.status === 'PARKED' && ticket.counter && ticket.counter.code === S.counter.code) parked.push(ticket);
      if (ticket.status === 'SKIPPED' && mine.has(ticket.service)) skipped.push(ticket);
    }
    const byNumber = (a, b) => a.service.localeCompare(b.service) || a.number - b.number;
    parked.sort(byNumber);
    skipped.sort(byNumber);
    syncRows($('parked'), parked, buildParkedRow, compactSignature);
    syncRows($('skipped'), skipped, buildSkippedRow, compactSignature);
    $('parked-empty').hidden = parked.length > 0;
    $('skipped-empty').hidden = skipped.length > 0;
    // Shown above the waiting lists only when there is something to do with them.
    $('parked-box').hidden = parked.length === 0;
    $('skipped-box').hidden = skipped.length === 0;
    $('exceptions').hidden = parked.length === 0 && skipped.length === 0;
  }

  function tickWaits() {
    if (document.body.dataset.screen !== 'console') return;
    document.querySelectorAll('#waiting .row-wait[data-since]').forEach((span) => {
      if (!span.dataset.since) return;
      const since = Number(span.dataset.since);
      span.textContent = waitText(since);
      span.className = waitClass(since);
    });
    // A booking whose time has come is in line now; one not come by its time shows late.
    const now = Date.now();
    const due = Array.from(document.querySelectorAll('#waiting .row-wait[data-until]'))
      .some((span) => Number(span.dataset.until) <= now)
      || Array.from(document.querySelectorAll('#waiting .row-estimate[data-at]:not(.is-late)'))
        .some((span) => span.dataset.at && C.parseTime(span.dataset.at) < now);
    if (due) scheduleRender();
    renderCurrentTimes(currentTicket());
  }

  // ---- counter actions ------------------------------------------------------------------------------

  function actionButton(action) {
    return document.querySelector('.act[data-action="' + action + '"]');
  }

  async function onActionButton(action) {
    if (S.busy || !S.counter) return;
    const button = actionButton(action);
    if (!button || button.disabled) return;
    const current = currentTicket();
    if (action === 'transfer') {
      if (current) openTransfer(current);
      return;
    }
    if (action === 'cancel') {
      if (!current) return;
      const ok = await C.confirmDialog({ title: t('console.confirm.cancel.title', current.label),
        body: t('console.confirm.cancel.body'), ok: t('console.confirm.cancel.ok'), back: t('console.dialog.back'),
        danger: true, focusOk: true });   // C then Enter: two deliberate keys; Esc goes back
      if (!ok) return;
    }
    const body = action !== 'call-next' && current ? { ticket: current.id } : undefined;
    await counterAction(action, body, button);
  }

  /** POST …/counters/{counter}/{action}; the answer (the ticket after the action) is shown at once. */
  async function counterAction(action, body, button) {
    if (S.busy) return null;
    S.busy = true;
    if (button) button.classList.add('is-busy');
    document.body.classList.add('is-busy');
    try {
      const ticket = await C.api(path('/counters/' + encodeURIComponent(S.counter.code) + '/' + action),
        { method: 'POST', body });
      if (ticket && ticket.id !== undefined) {
        upsert(ticket);
        if (action === 'call-next' || action === 'call' || action === 'recall' || action === 'resume') {
          S.flashId = ticket.id;
        }
        note(t('console.note.' + action, ticket.label, ticket.serviceName || serviceName(ticket.service)));
        if (action === 'start' || action === 'skip' || action === 'cancel') refreshBpjsAfterAction();
      }
      scheduleRender();
      return ticket;
    } catch (e) {
      C.showBanner(C.errorText(e, S.t));
      return null;
    } finally {
      S.busy = false;
      if (button) button.classList.remove('is-busy');
      document.body.classList.remove('is-busy');
    }
  }

  let noteTimer = null;
  function note(text) {
    const box = $('action-note');
    box.textContent = text;
    clearTimeout(noteTimer);
    noteTimer = setTimeout(() => { box.textContent = ''; }, 8000);
  }

  async function callThis(id, button) {
    const ticket = S.tickets.get(id);
    if (!ticket || S.busy) return;
    const ok = await C.confirmDialog({ title: t('console.confirm.call.title', ticket.label),
      body: t('console.confirm.call.body'), ok: t('console.confirm.call.ok'), back: t('console.dialog.back'),
      focusOk: true });
    if (ok) await counterAction('call', { ticket: id }, button);
  }

  async function rowAction(action, ticket, button) {
    await counterAction(action, { ticket: ticket.id }, button);
  }

  async function cancelTicket(ticket, button) {
    if (S.busy) return;
    const ok = await C.confirmDialog({ title: t('console.confirm.cancel.title', ticket.label),
      body: t('console.confirm.cancel.body'), ok: t('console.confirm.cancel.ok'), back: t('console.dialog.back'),
      danger: true });
    if (ok) await counterAction('cancel', { ticket: ticket.id }, button);
  }

  /** POST …/tickets/{id}/check-in: the booked patient is here and joins the line (from their estimated time). */
  async function checkIn(ticket, button) {
    if (S.checkingIn.has(ticket.id)) return null;
    S.checkingIn.add(ticket.id);
    if (button) {
      button.classList.add('is-busy');
      button.disabled = true;
    }
    try {
      const after = await C.api(path('/tickets/' + encodeURIComponent(ticket.id) + '/check-in'), { method: 'POST' });
      if (after && after.id !== undefined) {
        upsert(after);
        const where = after.serviceName || serviceName(after.service);
        if (notYet(after)) {
          note(t('console.note.checkInLater', after.label, C.formatTime(after.lineAt, S.facility.timeZone, S.t.lang)));
        } else if (after.position) {
          note(t('console.note.checkIn', after.label, after.position, where));
        } else {
          note(t('console.note.checkInPlain', after.label, where));
        }
      }
      scheduleRender();
      return after;
    } catch (e) {
      C.showBanner(C.errorText(e, S.t));
      // Checked in at the kiosk meanwhile, cancelled, or gone: show it as it is now.
      if (e.status === 409 || e.status === 404) refreshTicket(ticket.id);
      return null;
    } finally {
      S.checkingIn.delete(ticket.id);
      if (button) {
        button.classList.remove('is-busy');
        button.disabled = false;
      }
    }
  }

  /** Reads one ticket again and puts it in the local map as it is now (taken out when closed or gone). */
  async function refreshTicket(id) {
    try {
      const ticket = await C.api(path('/tickets/' + encodeURIComponent(id)));
      delete ticket.history;
      if (!S.serviceDate || ticket.serviceDate === S.serviceDate) upsert(ticket);
    } catch (e) {
      if (e.status === 404) {
        S.tickets.delete(id);
        S.order.delete(id);
      }
    }
    scheduleRender();
  }

  /** Reads the whole board again (after the day changed, to catch what was booked for it before). */
  let boardTimer = null;
  function reloadBoardSoon() {
    clearTimeout(boardTimer);
    boardTimer = setTimeout(async () => {
      try {
        applyBoard(await C.api(path('/queue')));
      } catch (e) { /* the next snapshot brings it */ }
    }, 1000);
  }

  function openTransfer(ticket) {
    const dialog = $('transfer-dialog');
    $('transfer-title').textContent = t('console.transfer.title', ticket.label);
    const box = $('transfer-options');
    box.replaceChildren();
    const targets = S.services.filter((s) => s.code !== ticket.service);
    targets.forEach((service, index) => {
      const button = el('button', { type: 'button', class: 'btn transfer-btn', dataset: { service: service.code } },
        el('span', { class: 'transfer-name', text: service.name }),
        service.open ? null : el('span', { class: 'svc-tag svc-closed', text: t('console.waiting.closed') }),
        index < 9 ? el('kbd', { text: String(index + 1) }) : null);
      button.addEventListener('click', async () => {
        dialog.close();
        await counterAction('transfer', { service: service.code, ticket: ticket.id }, $('btn-transfer'));
      });
      box.append(button);
    });
    dialog.showModal();
    const first = box.querySelector('button');
    if (first) first.focus();
  }

  // ---- reprint --------------------------------------------------------------------------------------

  /** Fetches the ticket's PDF with the token and opens it in a new tab, where it can be printed. */
  async function printTicket(ticket, button) {
    if (button) button.classList.add('is-busy');
    try {
      const blob = await C.api(path('/tickets/' + encodeURIComponent(ticket.id) + '/ticket.pdf'), { blob: true });
      const url = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: 'application/pdf' }));
      const opened = window.open(url, '_blank');
      if (!opened) C.showBanner(t('console.print.popupBlocked', ticket.label), 'info', { text: t('console.print.open'), href: url });
      setTimeout(() => URL.revokeObjectURL(url), 120000);
    } catch (e) {
      if (e.status === 404 && (!e.problem || e.problem.code === 'NOT_FOUND')) {
        C.showBanner(t('console.print.unavailable', ticket.label));
      } else {
        C.showBanner(t('console.print.failed', ticket.label, C.errorText(e, S.t)));
      }
    } finally {
      if (button) button.classList.remove('is-busy');
    }
  }

  // ---- ticket detail --------------------------------------------------------------------------------

  let detailTicket = null;

  function fact(name, value) {
    if (value === undefined || value === null || value === '') return [];
    return [el('dt', { text: name }), el('dd', { text: String(value) })];
  }

  function fillDetail(ticket) {
    detailTicket = ticket;
    const zone = S.facility.timeZone;
    const time = (iso) => (iso ? C.formatTime(iso, zone, S.t.lang) : '');
    const dateTime = (iso) => (iso ? C.formatDate(C.parseTime(iso), zone, S.t.lang) + ' ' + time(iso) : '');
    const online = ticket.source === 'ONLINE';
    $('ticket-title').textContent = t('console.detail.title', ticket.label);
    const status = $('ticket-status');
    status.textContent = t('console.status.' + ticket.status);
    status.className = 'pill status-' + ticket.status;
    $('ticket-badges').replaceChildren(...ticketBadges(ticket, { card: true }));
    $('ticket-facts').replaceChildren(
      ...fact(t('console.detail.service'), ticket.serviceName),
      ...fact(t('console.detail.homeService'), ticket.homeService !== ticket.service ? serviceName(ticket.homeService) : ''),
      ...fact(t('console.detail.position'), ticket.status === 'WAITING' ? ticket.position : ''),
      ...fact(t('console.detail.counter'), ticket.counter ? ticket.counter.name : ''),
      ...fact(t(online ? 'console.detail.bookedAt' : 'console.detail.issuedAt'),
        online ? dateTime(ticket.issuedAt) : time(ticket.issuedAt)),
      ...fact(t('console.detail.estimatedAt'), time(ticket.estimatedAt)
        + (notYet(ticket) ? ' · ' + t('console.detail.notYet') : '')),
      ...fact(t('console.detail.calledAt'), time(ticket.calledAt)),
      ...fact(t('console.detail.startedAt'), time(ticket.startedAt)),
      ...fact(t('console.detail.finishedAt'), time(ticket.finishedAt)),
      ...fact(t('console.detail.callCount'), ticket.callCount ? ticket.callCount : ''),
      ...fact(t('console.detail.checkedAt'), ticket.eligibility ? time(ticket.eligibility.checkedAt) : ''));
    $('ticket-cancel-ticket').hidden = !(ticket.allowedActions || []).includes('cancel');
    $('ticket-check-in').hidden = ticket.status !== 'BOOKED';
  }

  function fillHistory(events) {
    const zone = S.facility.timeZone;
    $('ticket-history').replaceChildren(...events.map((event) => {
      const type = String(event.type || '');
      const key = 'console.event.' + type.replace(/^TICKET_/, '');
      let text = S.t.has(key) ? t(key) : type;
      const extra = [];
      if (event.counter && event.counter.name) extra.push(event.counter.name);
      if (event.fromService && event.ticket) {
        extra.push(t('console.detail.transfer', serviceName(event.fromService), serviceName(event.ticket.service)));
      }
      if (extra.length) text += ' — ' + extra.join(' · ');
      return el('li', {},
        el('span', { class: 'history-time', text: C.formatTime(event.at, zone, S.t.lang) }),
        el('span', { class: 'history-text', text }));
    }));
  }

  async function openDetail(id) {
    const dialog = $('ticket-dialog');
    const known = S.tickets.get(id);
    if (known) fillDetail(known);
    $('ticket-history').replaceChildren(el('li', { class: 'muted', text: t('console.detail.loading') }));
    if (!dialog.open) dialog.showModal();
    $('ticket-close').focus();
    try {
      const full = await C.api(path('/tickets/' + encodeURIComponent(id)));
      if (!dialog.open) return;
      fillDetail(full);
      fillHistory(full.history || []);
    } catch (e) {
      $('ticket-history').replaceChildren(el('li', { class: 'form-error', text: C.errorText(e, S.t) }));
    }
  }

  // ---- walk-in tickets ------------------------------------------------------------------------------

  function fillWalkinServices(reset) {
    const select = $('walkin-service');
    if (!S.counter) return;
    const previous = reset ? '' : select.value;
    select.replaceChildren(...S.services.map((s) => el('option', { value: s.code, disabled: !s.open },
      s.name + (s.open ? '' : ' ' + t('console.walkin.serviceClosed')))));
    const open = (code) => S.services.some((s) => s.code === code && s.open);
    const choice = (previous && open(previous)) ? previous
      : (S.counter.services.find(open) || (S.services.find((s) => s.open) || {}).code || '');
    select.value = choice;
  }

  /** The typed card number or NIK: {cardNumber} (13 digits), {nik} (16 digits), {empty} or {invalid}. */
  function typedIdentity() {
    const raw = $('walkin-card').value.replace(/[\s.-]/g, '');
    if (!raw) return { empty: true };
    if (!/^\d+$/.test(raw)) return { invalid: true };
    if (raw.length === 13) return { cardNumber: raw, key: 'card=' + raw };
    if (raw.length === 16) return { nik: raw, key: 'nik=' + raw };
    return { invalid: true };
  }

  function walkinError(text) {
    const box = $('walkin-error');
    box.textContent = text || '';
    box.hidden = !text;
  }

  function onPayerChange() {
    const jkn = $('walkin-payer').value === 'JKN';
    $('walkin-card-box').hidden = !jkn;
    $('walkin-card').disabled = !jkn;
    walkinError('');
    $('walkin-card').classList.remove('is-invalid');
    if (jkn) scheduleEligibility();
    else renderEligibilityAnswer();
  }

  function scheduleEligibility() {
    clearTimeout(S.walkin.eligTimer);
    $('walkin-card').classList.remove('is-invalid');
    walkinError('');
    const identity = typedIdentity();
    if (!identity.key) {
      S.walkin.eligSeq++;
      renderEligibilityAnswer();
      return;
    }
    if (S.walkin.eligFor === identity.key && S.walkin.elig && !S.walkin.elig.checking) {
      renderEligibilityAnswer();
      return;
    }
    S.walkin.eligTimer = setTimeout(() => checkEligibility(identity), 450);
  }

  async function checkEligibility(identity) {
    const seq = ++S.walkin.eligSeq;
    S.walkin.eligFor = identity.key;
    S.walkin.elig = { checking: true };
    renderEligibilityAnswer();
    let answer;
    try {
      answer = await C.api(path('/eligibility?' + identity.key));
    } catch (e) {
      answer = { failed: true, text: e.status >= 400 && e.status < 500 ? C.errorText(e, S.t) : t('console.walkin.checkFailed') };
    }
    if (seq !== S.walkin.eligSeq) return null;
    S.walkin.elig = answer;
    renderEligibilityAnswer();
    return answer;
  }

  /** The eligibility answer under the card field: a coloured badge, BPJS's message and the participant. */
  function eligibilityView(answer) {
    if (!answer) return [];
    if (answer.checking) return [el('p', { class: 'muted', text: t('console.walkin.checking') })];
    if (answer.failed) return [el('p', { class: 'elig-message elig-msg-UNVERIFIED', text: answer.text })];
    const reason = ELIGIBILITY.has(answer.reason) ? answer.reason : 'UNVERIFIED';
    const message = answer.message ? (answer.message[S.t.lang] || answer.message.id || answer.message.en) : '';
    const participant = answer.participant || {};
    const facts = [participant.initial, participant.class, participant.segment, participant.cardNumberMasked
      ? t('console.row.card', String(participant.cardNumberMasked).replace(/^\*+/, '…')) : null].filter(Boolean).join(' · ');
    const registered = participant.registeredFacility && participant.registeredFacility.name
      ? t('console.elig.registeredAt', participant.registeredFacility.name) : '';
    return [
      el('div', { class: 'elig-line' }, eligibilityBadge(reason, answer.source),
        facts ? el('span', { class: 'elig-facts', text: facts }) : null),
      registered ? el('p', { class: 'elig-facts', text: registered }) : null,
      message ? el('p', { class: 'elig-message elig-msg-' + reason, text: message }) : null,
    ];
  }

  function renderEligibilityAnswer() {
    const box = $('walkin-elig');
    // Only the answer about what is in the field now (not the one kept for the last issued ticket).
    const typed = $('walkin-payer').value === 'JKN' ? typedIdentity().key : null;
    const answer = typed && typed === S.walkin.eligFor ? S.walkin.elig : null;
    const view = eligibilityView(answer).filter(Boolean);
    box.replaceChildren(...view);
    box.hidden = view.length === 0;
    renderWalkinBooking(answer);
  }

  /** A text with a ticket's label in it, the label kept on one line (A-012 must not break at its dash). */
  function withLabel(key, label, ...rest) {
    const [before, after] = t(key, '\u0000', ...rest).split('\u0000');
    return after === undefined ? [before] : [before, el('strong', { class: 'nowrap', text: label }), after];
  }

  /** Today's online booking of the typed card, not checked in: usually the patient should check in, not take a new number. */
  function typedBooking(answer) {
    const ticket = answer && answer.booking && answer.booking.ticket;
    if (!ticket || ticket.id === undefined) return null;
    const known = S.tickets.get(ticket.id);
    if (known && known.status !== 'BOOKED') return null;   // checked in (or cancelled) since the check
    return known || ticket;
  }

  function renderWalkinBooking(answer) {
    const box = $('walkin-booking');
    const ticket = typedBooking(answer);
    box.hidden = !ticket;
    if (!ticket) {
      box.replaceChildren();
      return;
    }
    const where = ticket.serviceName || serviceName(ticket.service);
    const at = ticket.estimatedAt ? C.formatTime(ticket.estimatedAt, S.facility.timeZone, S.t.lang) : '';
    box.replaceChildren(
      el('p', { class: 'walkin-booking-text' }, withLabel('console.walkin.booking', ticket.label, where)),
      at ? el('p', { class: 'walkin-booking-facts', text: t('console.booked.estimated', at) }) : null,
      el('button', { type: 'button', class: 'btn btn-primary btn-block btn-check-in',
        dataset: { role: 'check-in', ticketId: ticket.id } }, t('console.walkin.booking.checkIn', ticket.label)));
  }

  /** Checks in the typed card's booking from the walk-in form, and shows its number like a new one. */
  async function checkInFromWalkin(button) {
    const answer = S.walkin.elig;
    const ticket = typedBooking(answer);
    if (!ticket) return;
    const after = await checkIn(ticket, button);
    if (!after) {
      renderWalkinBooking(S.walkin.elig);
      return;
    }
    S.walkin.identity = null;
    showWalkinResult(after, true);
    $('walkin-card').value = '';
    $('walkin-priority').checked = false;
    S.walkin.elig = null;
    S.walkin.eligFor = null;
    renderEligibilityAnswer();
  }

  async function submitWalkin(event) {
    event.preventDefault();
    walkinError('');
    const W = S.walkin;
    const service = $('walkin-service').value;
    const payer = $('walkin-payer').value;
    if (!service) {
      walkinError(t('console.walkin.serviceRequired'));
      $('walkin-service').focus();
      return;
    }
    const body = { service, payer };
    let identity = null;
    if (payer === 'JKN') {
      identity = typedIdentity();
      if (identity.empty || identity.invalid) {
        walkinError(t(identity.empty ? 'console.walkin.cardRequired' : 'console.walkin.cardInvalid'));
        $('walkin-card').classList.add('is-invalid');
        $('walkin-card').focus();
        return;
      }
      if (identity.cardNumber) body.cardNumber = identity.cardNumber;
      else body.nik = identity.nik;
    }
    if ($('walkin-priority').checked) body.priority = true;
    const booking = identity && identity.key === W.eligFor ? typedBooking(W.elig) : null;
    if (booking && booking.service === service) {
      const ok = await C.confirmDialog({ title: t('console.confirm.walkinBooked.title', booking.label),
        body: t('console.confirm.walkinBooked.body', booking.label), ok: t('console.confirm.walkinBooked.ok'),
        back: t('console.dialog.back') });
      if (!ok) return;
    }
    const signature = JSON.stringify(body);
    if (!W.key || W.body !== signature) {
      W.key = C.uuid();   // one key per intended ticket; the same key again when retrying the same submission
      W.body = signature;
    }
    const button = $('walkin-submit');
    button.disabled = true;
    button.textContent = t('console.walkin.submitting');
    try {
      const ticket = await C.api(path('/tickets'), { method: 'POST', body, headers: { 'Idempotency-Key': W.key } });
      W.key = null;
      W.body = null;
      upsert(ticket);
      scheduleRender();
      if (ticket.payer === 'JKN') refreshBpjsAfterAction();
      W.identity = identity && identity.key ? identity.key : null;
      showWalkinResult(ticket, true);
      // Ready for the next patient: JKN again (the usual case, and the one that needs a card number).
      $('walkin-card').value = '';
      $('walkin-priority').checked = false;
      $('walkin-payer').value = 'JKN';
      onPayerChange();
      clearTimeout(W.eligTimer);
      renderEligibilityAnswer();
    } catch (e) {
      // No answer or a server failure: keep the key, so that trying again cannot issue a second ticket.
      if (e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429) {
        W.key = null;
        W.body = null;
      }
      const field = e.problem && e.problem.field;
      if (field && /card|nik/i.test(field)) $('walkin-card').classList.add('is-invalid');
      C.showBanner(C.errorText(e, S.t));
    } finally {
      button.disabled = false;
      button.textContent = t('console.walkin.submit');
    }
  }

  async function showWalkinResult(ticket, fresh) {
    const W = S.walkin;
    W.ticket = ticket;
    $('walkin-result').hidden = false;
    $('walkin-result-label').textContent = ticket.label;
    const where = ticket.serviceName || serviceName(ticket.service);
    $('walkin-result-service').textContent = (ticket.position
      ? t('console.walkin.result.position', ticket.position, where) : where)
      + (notYet(ticket) ? ' · ' + t('console.waiting.notYet', C.formatTime(ticket.estimatedAt, S.facility.timeZone, S.t.lang)) : '');
    $('walkin-result-badges').replaceChildren(...ticketBadges(ticket));
    const message = $('walkin-result-message');
    message.hidden = true;
    if (ticket.payer !== 'JKN' || !W.identity) return;
    let answer = W.eligFor === W.identity && W.elig && W.elig.reason ? W.elig : null;
    if (!answer) {
      try {
        answer = await C.api(path('/eligibility?' + W.identity));
        W.elig = answer;
        W.eligFor = W.identity;
      } catch (e) {
        answer = null;
      }
    }
    if (!answer || !answer.message || W.ticket !== ticket) return;
    const reason = ELIGIBILITY.has(answer.reason) ? answer.reason : 'UNVERIFIED';
    message.className = 'elig-message elig-msg-' + reason;
    message.textContent = answer.message[S.t.lang] || answer.message.id || answer.message.en;
    message.hidden = false;
    if (fresh) $('walkin-result').scrollIntoView({ block: 'nearest' });
  }

  function newWalkin() {
    $('walkin-result').hidden = true;
    S.walkin.ticket = null;
    $('walkin-card').value = '';
    $('walkin-priority').checked = false;
    S.walkin.elig = null;
    S.walkin.eligFor = null;
    renderEligibilityAnswer();
    $('walkin-service').focus();
  }

  function rowCheckInButton(id) {
    return document.querySelector('#waiting .row-booked[data-ticket-id="' + String(id).replace(/"/g, '') + '"] .btn-check-in');
  }

  // ---- BPJS outbox ----------------------------------------------------------------------------------
  // What the facility has reported to BPJS (antrean/add, panggil, batal): a chip in the header, refreshed
  // every 20 s and shortly after actions BPJS hears about; a click opens the list.

  function startBpjs() {
    stopBpjs();
    S.bpjs.off = false;
    refreshBpjs();
    S.bpjs.timer = setInterval(refreshBpjs, BPJS_POLL_MS);
  }

  function stopBpjs() {
    clearInterval(S.bpjs.timer);
    clearTimeout(S.bpjs.soon);
    clearTimeout(S.bpjs.later);
    S.bpjs.timer = null;
    S.bpjs.soon = null;
    S.bpjs.later = null;
    S.bpjs.answer = null;
    S.bpjs.list = null;
    S.bpjs.seq++;
    S.bpjs.listSeq++;
    $('bpjs-chip').hidden = true;
  }

  /** One look soon (several events together make one request). */
  function refreshBpjsSoon(delay) {
    if (!S.me || S.bpjs.off || S.bpjs.soon) return;
    S.bpjs.soon = setTimeout(() => {
      S.bpjs.soon = null;
      refreshBpjs();
    }, delay || 1500);
  }

  /** After an action of this console: the report is written at once and usually sent within seconds. */
  function refreshBpjsAfterAction() {
    refreshBpjsSoon(1500);
    clearTimeout(S.bpjs.later);
    S.bpjs.later = setTimeout(refreshBpjs, 6000);
  }

  async function refreshBpjs() {
    if (!S.me || S.bpjs.off) return;
    const seq = ++S.bpjs.seq;
    try {
      // The pending ones with their last error tell whether BPJS is reachable; the counts come with any answer.
      const answer = await C.loadOutbox(S.facility.code, 'PENDING');
      if (seq !== S.bpjs.seq || !S.me) return;
      S.bpjs.answer = answer;
      S.bpjs.stale = false;
      renderBpjsChip();
      if ($('bpjs-dialog').open) loadBpjsList();
    } catch (e) {
      if (seq !== S.bpjs.seq) return;
      if (e.status === 403 || e.status === 404) {
        // Not for this account, or a server without the outbox: no chip.
        S.bpjs.off = true;
        clearInterval(S.bpjs.timer);
        $('bpjs-chip').hidden = true;
        return;
      }
      S.bpjs.stale = true;   // keep the last answer, marked as not current
      renderBpjsChip();
    }
  }

  function bpjsCounts() {
    const list = S.bpjs.list;
    const answer = S.bpjs.answer;
    return (list && list.counts) || (answer && answer.counts) || { PENDING: 0, SENT: 0, FAILED: 0 };
  }

  function renderBpjsChip() {
    const chip = $('bpjs-chip');
    const answer = S.bpjs.answer;
    chip.hidden = !answer || !S.me;
    if (!answer) return;
    const counts = answer.counts || {};
    const state = C.outboxState(answer);
    chip.dataset.state = state;
    chip.classList.toggle('is-stale', !!S.bpjs.stale);
    const full = t('console.bpjs.chip', counts.SENT || 0, counts.PENDING || 0, counts.FAILED || 0);
    let text = full;
    if (COMPACT_HEADER.matches) {
      // A narrow header: only what is not zero (the sent ones while nothing else), the whole text in the title.
      const parts = ['PENDING', 'FAILED'].filter((s) => Number(counts[s]) > 0)
        .map((s) => t('console.bpjs.chip.' + s, counts[s]));
      text = t('console.bpjs.chip.short', parts.length ? parts.join(' · ') : t('console.bpjs.chip.SENT', counts.SENT || 0));
    }
    $('bpjs-chip-text').textContent = text;
    const title = full + ' — ' + t('console.bpjs.state.' + state + '.title', counts.PENDING || 0, counts.FAILED || 0);
    chip.title = S.bpjs.stale ? title + ' ' + t('console.bpjs.stale') : title;
    chip.setAttribute('aria-label', chip.title);
  }

  function openBpjsDialog() {
    const dialog = $('bpjs-dialog');
    S.bpjs.filter = '';
    $('bpjs-error').hidden = true;
    renderBpjsDialog();
    if (!dialog.open) dialog.showModal();
    $('bpjs-close').focus();
    loadBpjsList();
  }

  async function loadBpjsList() {
    const seq = ++S.bpjs.listSeq;
    const filter = S.bpjs.filter;
    $('bpjs-reload').classList.add('is-busy');
    try {
      const answer = await C.loadOutbox(S.facility.code, filter);
      if (seq !== S.bpjs.listSeq) return;
      S.bpjs.list = Object.assign({ filter }, answer);
      $('bpjs-error').hidden = true;
      if (S.bpjs.answer) {
        // The counts are the facility's, whatever the filter: the chip says the same as the list.
        S.bpjs.answer = Object.assign({}, S.bpjs.answer, { counts: answer.counts });
        if (filter === 'PENDING') S.bpjs.answer.items = answer.items;
        renderBpjsChip();
      }
    } catch (e) {
      if (seq !== S.bpjs.listSeq) return;
      $('bpjs-error').textContent = C.errorText(e, S.t);
      $('bpjs-error').hidden = false;
    } finally {
      if (seq === S.bpjs.listSeq) $('bpjs-reload').classList.remove('is-busy');
    }
    renderBpjsDialog();
  }

  function renderBpjsDialog() {
    const list = S.bpjs.list && S.bpjs.list.filter === S.bpjs.filter ? S.bpjs.list : null;
    C.outboxFilterButtons($('bpjs-filter'), bpjsCounts(), S.bpjs.filter, S.t, (status) => {
      S.bpjs.filter = status;
      renderBpjsDialog();
      loadBpjsList();
    });
    const state = S.bpjs.answer ? C.outboxState(S.bpjs.answer) : null;
    const pill = $('bpjs-dialog-state');
    pill.hidden = !state;
    if (state) {
      pill.className = 'pill bpjs-state-' + state;
      pill.textContent = t('console.bpjs.state.' + state);
    }
    const items = list ? list.items || [] : [];
    $('bpjs-items').replaceChildren(...C.outboxRows(items, S.t, S.facility.timeZone));
    $('bpjs-empty').hidden = !list || items.length > 0;
    $('bpjs-empty').textContent = t(S.bpjs.filter ? 'console.bpjs.empty.' + S.bpjs.filter : 'console.bpjs.empty');
  }

  // ---- keyboard -------------------------------------------------------------------------------------

  function isField(target) {
    if (!target || !target.tagName) return false;
    const tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
  }

  function onKeyDown(event) {
    if (document.body.dataset.screen !== 'console') return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented) return;
    if (document.querySelector('dialog[open]')) return;
    const target = event.target;
    if (isField(target)) return;
    const key = event.key === ' ' || event.key === 'Spacebar' ? ' ' : String(event.key || '').toLowerCase();
    const action = SHORTCUTS[key];
    if (!action) return;
    // Space keeps its own meaning on the walk-in form's buttons and on a list's header (open / close).
    if (key === ' ' && target.closest && target.closest('form, summary')) return;
    event.preventDefault();   // also keeps Space from pressing the focused button
    if (event.repeat) return;
    const button = actionButton(action);
    if (!button || button.disabled) return;
    button.classList.add('is-pressed');
    setTimeout(() => button.classList.remove('is-pressed'), 160);
    onActionButton(action);
  }

  function onTransferKey(event) {
    if (!/^[1-9]$/.test(event.key)) return;
    const buttons = $('transfer-options').querySelectorAll('button');
    const button = buttons[Number(event.key) - 1];
    if (button) {
      event.preventDefault();
      button.click();
    }
  }

  // ---- wiring ---------------------------------------------------------------------------------------

  function wire() {
    C.wireBanner();
    C.setUnauthorizedHandler(() => sessionExpired());
    $('login-form').addEventListener('submit', submitLogin);
    document.querySelectorAll('.lang-btn').forEach((button) => {
      button.addEventListener('click', () => {
        if (button.dataset.lang !== S.t.lang) setLanguage(button.dataset.lang, true);
      });
    });
    $('btn-logout').addEventListener('click', logout);
    $('btn-change-counter').addEventListener('click', () => showCounterChoice(true));
    $('counter-back').addEventListener('click', () => { if (S.counter) enterConsole(S.counter.code); });
    document.querySelectorAll('.act[data-action]').forEach((button) => {
      button.addEventListener('click', () => onActionButton(button.dataset.action));
    });
    document.addEventListener('keydown', onKeyDown);
    if (COMPACT_HEADER.addEventListener) COMPACT_HEADER.addEventListener('change', renderBpjsChip);
    $('transfer-dialog').addEventListener('keydown', onTransferKey);
    // A button clicked with the mouse gives the focus back, so that Space means "call next" again.
    document.addEventListener('click', (event) => {
      const button = event.target.closest && event.target.closest('button');
      if (button && event.detail > 0 && !button.closest('form, dialog')) {
        setTimeout(() => { if (document.activeElement === button) button.blur(); }, 0);
      }
    });
    $('walkin-form').addEventListener('submit', submitWalkin);
    $('walkin-payer').addEventListener('change', onPayerChange);
    $('walkin-card').addEventListener('input', scheduleEligibility);
    $('walkin-print').addEventListener('click', (e) => { if (S.walkin.ticket) printTicket(S.walkin.ticket, e.currentTarget); });
    $('walkin-new').addEventListener('click', newWalkin);
    $('ticket-print').addEventListener('click', (e) => { if (detailTicket) printTicket(detailTicket, e.currentTarget); });
    $('ticket-cancel-ticket').addEventListener('click', (e) => {
      const ticket = detailTicket;
      $('ticket-dialog').close();
      if (ticket) cancelTicket(ticket, e.currentTarget);
    });
    $('ticket-check-in').addEventListener('click', () => {
      const ticket = detailTicket;
      $('ticket-dialog').close();
      if (ticket) checkIn(ticket, rowCheckInButton(ticket.id));
    });
    $('walkin-booking').addEventListener('click', (e) => {
      const button = e.target.closest && e.target.closest('button[data-role="check-in"]');
      if (button) checkInFromWalkin(button);
    });
    $('bpjs-chip').addEventListener('click', openBpjsDialog);
    $('bpjs-reload').addEventListener('click', () => {
      loadBpjsList();
      refreshBpjs();
    });
  }

  async function boot() {
    wire();
    await setLanguage(C.lang(), false);
    setLiveStatus('connecting');
    onPayerChange();
    document.body.classList.remove('booting');
    const notice = C.takeLoginNotice();
    if (!C.token()) {
      showLogin(notice ? t(notice) : '', 'info');
      return;
    }
    try {
      const me = await C.api('/api/v1/auth/me');
      if (me.kind && me.kind !== 'STAFF') {
        C.clearSession();
        showLogin(t('console.login.error.notStaff'), 'error');
        return;
      }
      C.saveSession(null, me);
      await startSession(me, true);
    } catch (e) {
      if (e.status === 401) return;   // sessionExpired() has shown the login
      showLogin(C.errorText(e, S.t), 'error');
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
