/*
 * The self-service kiosk of Antrean, served by the kiosk agent at / (see kiosk/README-ui.md).
 *
 * Welcome (JKN or paying patient) → identify the JKN card (camera, USB scanner typing + Enter, or the
 * on-screen keypad) → eligibility → choose a service → the ticket, printed by the agent. A scanned ticket QR
 * shows that ticket's place in line. Staff settings sit behind a long press on the facility name and a PIN.
 * Every screen goes back to the start on its own, so a stuck flow never blocks the next patient.
 *
 * No inline anything (CSP: script-src 'self'; style-src 'self'); texts come from /i18n/kiosk.json.
 * For browser tests: document.body.dataset.screen, and window.antreanKiosk.postFrame(blob), which sends a
 * frame through the same path as the camera's.
 */
(function () {
  'use strict';

  const REQUEST_TIMEOUT_MS = 15000;
  const SCAN_TIMEOUT_MS = 10000;
  const STATUS_TIMEOUT_MS = 8000;
  const FRAME_INTERVAL_MS = 300;
  const CAMERA_COOLDOWN_MS = 1500;     // after entering the identify screen, before frames count
  const IDLE_MS = 45000;               // no touch: back to the start
  const IDLE_WARNING_MS = 10000;       // ... with a countdown over the last seconds
  const TICKET_MS = 20000;             // the ticket screen stays this long
  const TICKET_PROBLEM_MS = 60000;     // ... or this long when the ticket was not printed
  const STATUS_POLL_MS = 15000;
  const RETRY_BOOT_MS = 5000;
  const WEDGE_GAP_MS = 1500;           // a USB scanner types much faster than this between keys
  const WEDGE_MAX = 512;
  const LONG_PRESS_MS = 3000;          // on the facility name: settings
  const TAPS_TO_SETTINGS = 5;          // ... or this many taps on it
  const TAPS_WINDOW_MS = 3000;
  const BUSY_DELAY_MS = 250;
  const MAX_DIGITS = 16;
  const MAX_PIN = 12;
  const LONG_MESSAGE = 220;            // characters: a smaller font for the eligibility message

  const SCREENS = ['welcome', 'identify', 'eligibility', 'services', 'ticket', 'booking', 'settings'];
  const CONTINUE_REASONS = new Set(['ACTIVE_HERE', 'UNVERIFIED']);
  const REFUSED_REASONS = new Set(['REGISTERED_ELSEWHERE', 'INACTIVE', 'NOT_FOUND']);
  const PRINTER_FINE = new Set(['OK', 'UNKNOWN']);

  const $ = (id) => document.getElementById(id);

  // ---- state ---------------------------------------------------------------------------------------

  const state = {
    lang: 'id',
    bundles: { id: {}, en: {} },
    languages: ['id', 'en'],
    facility: null,          // {code, name, timeZone}
    screen: null,
    gen: 0,                  // bumped on every screen change: late answers of an old screen are dropped
    lastTouch: Date.now(),
    payer: null,             // 'JKN' | 'UMUM'
    identity: null,          // {card} | {nik}
    eligibility: null,       // the server's answer
    eligibilityError: null,  // a text (see resolve()) when it could not be asked
    services: null,
    servicesError: null,
    servicesBack: 'welcome',
    pending: null,           // {run, body, key}: the ticket request, its key kept for retries
    result: null,            // {ticket, printed, problem?}
    ticketDeadline: 0,
    booking: null,           // a ticket read from its QR
    bookingBack: 'welcome',
    typed: '',
    identifyError: null,
    cameraReadyAt: 0,
    status: null,            // /api/status, or {failed: true}
    notice: null,            // {text, retry}
    busy: false,
    lockGen: -1,             // an action in flight on screen generation lockGen
    settings: null,
    settingsToken: null,
    settingsView: 'pin',
    settingsError: null,
    settingsResult: null,
    pin: '',
  };

  // ---- texts ---------------------------------------------------------------------------------------

  /** A MessageFormat pattern with {0}… and '' (one quote) / 'quoted' sections, as Java reads it. */
  function format(pattern, args) {
    let out = '';
    let i = 0;
    while (i < pattern.length) {
      const c = pattern[i];
      if (c === "'") {
        if (pattern[i + 1] === "'") {
          out += "'";
          i += 2;
          continue;
        }
        const end = pattern.indexOf("'", i + 1);
        if (end < 0) {
          out += pattern.slice(i + 1);
          break;
        }
        out += pattern.slice(i + 1, end).replace(/''/g, "'");
        i = end + 1;
        continue;
      }
      if (c === '{') {
        const end = pattern.indexOf('}', i);
        const n = end > 0 ? parseInt(pattern.slice(i + 1, end), 10) : NaN;
        if (!Number.isNaN(n)) {
          const value = args && args[n] !== undefined && args[n] !== null ? String(args[n]) : '';
          out += value;
          i = end + 1;
          continue;
        }
      }
      out += c;
      i += 1;
    }
    return out;
  }

  function t(key, ...args) {
    const pattern = state.bundles[state.lang][key] !== undefined ? state.bundles[state.lang][key] : state.bundles.id[key];
    return pattern === undefined ? '' : format(String(pattern), args);
  }

  function has(key) {
    return state.bundles[state.lang][key] !== undefined || state.bundles.id[key] !== undefined;
  }

  /** A server text {id, en} in the current language. */
  function msg(message) {
    if (!message) return '';
    if (typeof message === 'string') return message;
    return message[state.lang] || message.id || message.en || '';
  }

  /** Texts are kept as {key, args} or {message: {id, en}} so a language change re-renders them. */
  function resolve(text) {
    if (!text) return '';
    if (text.message) return msg(text.message);
    return t(text.key, ...(text.args || []));
  }

  function locale() {
    return state.lang === 'en' ? 'en-GB' : 'id-ID';
  }

  function applyTexts() {
    document.documentElement.lang = state.lang;
    document.title = t('kiosk.page.title') || 'Antrean';
    document.querySelectorAll('[data-i18n]').forEach((el) => {
      el.textContent = t(el.dataset.i18n);
    });
    document.querySelectorAll('[data-i18n-label]').forEach((el) => {
      el.setAttribute('aria-label', t(el.dataset.i18nLabel));
    });
    $('btn-lang').hidden = !(state.languages.includes('id') && state.languages.includes('en'));
  }

  function setLang(lang) {
    if (lang === state.lang) return;
    state.lang = lang;
    formatters.clear();
    render();
  }

  // ---- time ----------------------------------------------------------------------------------------

  const formatters = new Map();

  function formatter(name, options) {
    const id = state.lang + ':' + name;
    if (!formatters.has(id)) {
      const zone = state.facility && state.facility.timeZone;
      let f;
      try {
        f = new Intl.DateTimeFormat(locale(), Object.assign({ timeZone: zone || undefined }, options));
      } catch (e) {
        f = new Intl.DateTimeFormat(locale(), options); // an unknown zone: the kiosk's own
      }
      formatters.set(id, f);
    }
    return formatters.get(id);
  }

  const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  const DATE = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
  const SHORT_DATE = { day: 'numeric', month: 'long', year: 'numeric' };

  function renderClock() {
    const now = new Date();
    $('clock').textContent = formatter('time', TIME).format(now);
    $('date').textContent = formatter('date', DATE).format(now);
  }

  function dateTime(iso) {
    const d = iso ? new Date(iso) : null;
    if (!d || Number.isNaN(d.getTime())) return '';
    return t('kiosk.ticket.time', formatter('shortDate', SHORT_DATE).format(d), formatter('time', TIME).format(d));
  }

  function localDate(isoDate) {
    // a plain date (2025-06-02) as the facility writes it
    if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate || '')) return '';
    const [y, m, d] = isoDate.split('-').map(Number);
    try {
      return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
        .format(new Date(Date.UTC(y, m - 1, d)));
    } catch (e) {
      return isoDate;
    }
  }

  function todayInFacility() {
    try {
      const parts = new Intl.DateTimeFormat('en-CA', {
        timeZone: (state.facility && state.facility.timeZone) || undefined,
        year: 'numeric', month: '2-digit', day: '2-digit',
      }).formatToParts(new Date());
      const get = (type) => (parts.find((p) => p.type === type) || {}).value;
      return get('year') + '-' + get('month') + '-' + get('day');
    } catch (e) {
      return '';
    }
  }

  // ---- requests ------------------------------------------------------------------------------------

  /** Resolves to {ok, status, data} — or {ok: false, status: 0, failure: 'timeout' | 'network'}. Never throws. */
  async function request(method, path, options) {
    const opts = options || {};
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), opts.timeout || REQUEST_TIMEOUT_MS);
    const headers = Object.assign({ Accept: 'application/json' }, opts.headers || {});
    let body;
    if (opts.blob) {
      body = opts.blob;
      // camera frames are JPEG; a test may push a PNG the same way
      headers['Content-Type'] = /^image\/(jpeg|png)$/.test(opts.blob.type) ? opts.blob.type : 'image/jpeg';
    } else if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['Content-Type'] = 'application/json';
    }
    try {
      const response = await fetch(path, {
        method, headers, body, signal: controller.signal, cache: 'no-store', credentials: 'same-origin',
      });
      const text = await response.text();
      let data = null;
      if (text) {
        try {
          data = JSON.parse(text);
        } catch (e) {
          data = null;
        }
      }
      return { ok: response.ok, status: response.status, data };
    } catch (e) {
      return { ok: false, status: 0, data: null, failure: controller.signal.aborted ? 'timeout' : 'network' };
    } finally {
      clearTimeout(timer);
    }
  }

  /** What to tell the patient about a failed request. */
  function problemText(res) {
    if (res.failure === 'timeout') return { key: 'kiosk.error.timeout' };
    if (res.failure) return { key: 'kiosk.error.network' };
    const data = res.data || {};
    if (data.code === 'SERVER_UNREACHABLE') return { key: 'kiosk.error.serverUnreachable' };
    if (data.message && (data.message.id || data.message.en)) return { message: data.message };
    if (res.status === 502 || res.status === 503 || res.status === 504) return { key: 'kiosk.error.serverUnreachable' };
    return { key: 'kiosk.error.generic', args: [res.status] };
  }

  /**
   * One patient action at a time: a second tap while the first is in flight does nothing. The lock belongs
   * to the screen it was taken on, so leaving that screen (timeout, Kembali) frees it.
   */
  function locked() {
    return state.lockGen === state.gen;
  }

  async function act(fn) {
    if (locked()) return;
    const gen = state.gen;
    state.lockGen = gen;
    setBusy(true);
    try {
      await fn(gen);
    } finally {
      if (state.lockGen === gen) state.lockGen = -1;
      if (gen === state.gen) setBusy(false);
    }
  }

  let busyTimer = null;

  function setBusy(on) {
    state.busy = on;
    document.body.classList.toggle('is-busy', on);
    clearTimeout(busyTimer);
    if (on) {
      busyTimer = setTimeout(() => {
        $('busy').hidden = !state.busy;
      }, BUSY_DELAY_MS);
    } else {
      $('busy').hidden = true;
    }
  }

  function uuid() {
    if (window.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  // ---- screens -------------------------------------------------------------------------------------

  const enter = {};
  const leave = {};
  const renderers = {};

  function show(name) {
    const previous = state.screen;
    if (previous && leave[previous]) leave[previous](name);
    state.gen += 1;
    state.screen = name;
    SCREENS.forEach((s) => {
      $('screen-' + s).hidden = s !== name;
    });
    document.body.dataset.screen = name;
    state.notice = null;
    setBusy(false);
    if (enter[name]) enter[name](previous);
    render();
    touched();
    releaseFocus();
  }

  function render() {
    applyTexts();
    renderClock();
    if (state.screen && renderers[state.screen]) renderers[state.screen]();
    renderNotice();
    renderIdle();
  }

  /** Back to the start for the next patient: forget everything about this one. */
  function reset() {
    state.payer = null;
    state.identity = null;
    state.eligibility = null;
    state.eligibilityError = null;
    state.services = null;
    state.servicesError = null;
    state.pending = null;
    state.result = null;
    state.booking = null;
    state.typed = '';
    state.identifyError = null;
    state.settings = null;
    state.settingsToken = null;
    state.pin = '';
  }

  function goHome(nextPatient) {
    reset();
    if (nextPatient) {
      state.lang = 'id';
      formatters.clear();
    }
    show('welcome');
  }

  function releaseFocus() {
    // a focused button would be "pressed" by the Enter a USB scanner types
    const el = document.activeElement;
    if (el && el !== document.body && typeof el.blur === 'function') el.blur();
  }

  // ---- idle: back to the start ---------------------------------------------------------------------

  function touched() {
    state.lastTouch = Date.now();
    if (!$('idle-warning').hidden) renderIdle();
  }

  function renderIdle() {
    const el = $('idle-warning');
    const s = state.screen;
    if (!s || s === 'welcome' || s === 'ticket') {
      el.hidden = true;
      return;
    }
    const left = IDLE_MS - (Date.now() - state.lastTouch);
    if (left > IDLE_WARNING_MS) {
      el.hidden = true;
      return;
    }
    el.textContent = t('kiosk.idle.warning', Math.max(0, Math.ceil(left / 1000)));
    el.hidden = false;
  }

  function tick() {
    renderClock();
    const now = Date.now();
    const s = state.screen;
    if (s === 'ticket') {
      const left = state.ticketDeadline - now;
      if (left <= 0) {
        goHome(true);
        return;
      }
      $('ticket-countdown').textContent = t('kiosk.ticket.countdown', Math.ceil(left / 1000));
    } else if (s === 'welcome') {
      // the next patient starts in Bahasa Indonesia
      if (state.lang !== 'id' && now - state.lastTouch > IDLE_MS) setLang('id');
    } else if (s && now - state.lastTouch >= IDLE_MS) {
      goHome(true);
      return;
    }
    renderIdle();
  }

  // ---- notice: a failed request, with "try again" and "start again" ---------------------------------

  function showNotice(text, retry) {
    state.notice = { text, retry: retry || null };
    renderNotice();
    releaseFocus();
  }

  function renderNotice() {
    const n = state.notice;
    $('notice').hidden = !n;
    if (!n) return;
    $('notice-message').textContent = resolve(n.text);
    $('btn-notice-retry').hidden = !n.retry;
  }

  // ---- 1. welcome ----------------------------------------------------------------------------------

  let statusTimer = null;

  enter.welcome = () => {
    reset();
    pollStatus();
    clearInterval(statusTimer);
    statusTimer = setInterval(pollStatus, STATUS_POLL_MS);
  };

  leave.welcome = () => {
    clearInterval(statusTimer);
    statusTimer = null;
  };

  async function pollStatus() {
    const res = await request('GET', '/api/status', { timeout: STATUS_TIMEOUT_MS });
    state.status = res.ok && res.data ? res.data : { failed: true };
    if (state.screen === 'welcome') renderStatusBanner();
  }

  /** What is wrong, as {title, advice}, or null. */
  function statusProblem() {
    const s = state.status;
    if (!s) return null;
    if (s.failed) return { title: t('kiosk.status.agent.title') };
    if (s.server && s.server !== 'OK') return { title: t('kiosk.status.server.title') };
    const printer = s.printer || {};
    if (printer.state && !PRINTER_FINE.has(printer.state)) {
      return { title: msg(printer.message) || t('kiosk.status.printer.title') };
    }
    return null;
  }

  function renderStatusBanner() {
    const problem = statusProblem();
    $('status-banner').hidden = !problem;
    if (!problem) return;
    const advice = t('kiosk.status.advice');
    $('status-banner-title').textContent = problem.title;
    // the agent's printer messages may already say where to go
    const said = problem.title.toLowerCase().includes(advice.toLowerCase().replace(/\.$/, ''));
    $('status-banner-advice').textContent = said ? '' : advice;
    $('status-banner-advice').hidden = said;
  }

  renderers.welcome = renderStatusBanner;

  // ---- 2. identify ---------------------------------------------------------------------------------

  enter.identify = () => {
    state.typed = '';
    state.identifyError = null;
    state.cameraReadyAt = Date.now() + CAMERA_COOLDOWN_MS;
    startCamera();
  };

  leave.identify = () => {
    stopCamera();
    state.typed = '';
  };

  /** 13 digits as 4-4-5 (0001 2345 67890), anything longer as groups of 4 (a NIK: 4-4-4-4). */
  function grouped(digits) {
    if (digits.length <= 13) {
      return [digits.slice(0, 4), digits.slice(4, 8), digits.slice(8)].filter(Boolean).join(' ');
    }
    return digits.match(/.{1,4}/g).join(' ');
  }

  renderers.identify = () => {
    const typed = $('typed-number');
    typed.textContent = grouped(state.typed);
    typed.classList.toggle('is-long', state.typed.length > 13);
    $('typed-count').textContent = state.typed ? t('kiosk.identify.count', state.typed.length) : '';
    const error = $('identify-error');
    error.textContent = resolve(state.identifyError);
    error.hidden = !state.identifyError;
    $('camera-box').hidden = camera.state === 'off';
    $('camera-box').classList.toggle('is-starting', camera.state === 'starting');
    $('camera-off').hidden = camera.state !== 'off';
  };

  function keypad(key) {
    if (state.screen !== 'identify' || locked()) return;
    if (key === 'ok') {
      if (state.typed) submitIdentify(state.typed);
      return;
    }
    if (key === 'back') {
      state.typed = state.typed.slice(0, -1);
    } else if (/^[0-9]$/.test(key) && state.typed.length < MAX_DIGITS) {
      state.typed += key;
    }
    state.identifyError = null;
    renderers.identify();
  }

  function setIdentifyError(text) {
    state.identifyError = text;
    if (state.screen === 'identify') renderers.identify();
  }

  /** Typed digits or a USB scanner's text → POST /api/identify. */
  function submitIdentify(text) {
    return act(async (gen) => {
      setIdentifyError(null);
      const res = await request('POST', '/api/identify', { json: { text } });
      if (gen !== state.gen) return;
      if (res.ok && res.data) {
        await identified(res.data, gen);
      } else {
        setIdentifyError(problemText(res));
      }
    });
  }

  /** What a code or a number turned out to be: {kind, text}. Runs inside an act(). */
  async function identified(result, gen) {
    const kind = String(result.kind || '').toUpperCase();
    if (kind === 'CARD' || kind === 'NIK') {
      const digits = String(result.text || result.value || '').replace(/\D/g, '');
      if (!digits) {
        setIdentifyError({ key: 'kiosk.identify.other' });
        return;
      }
      state.typed = '';
      await checkEligibility(kind === 'CARD' ? { card: digits } : { nik: digits }, gen);
    } else if (kind === 'BOOKING') {
      await openBooking(result, gen);
    } else {
      setIdentifyError({ key: 'kiosk.identify.other' });
    }
  }

  // camera: a live preview, a frame every FRAME_INTERVAL_MS to POST /scan, one at a time

  const camera = { state: 'off', stream: null, timer: null, token: 0, inFlight: false };

  async function startCamera() {
    const token = ++camera.token;
    const media = navigator.mediaDevices;
    if (!media || typeof media.getUserMedia !== 'function') {
      cameraOff();
      return;
    }
    camera.state = 'starting';
    renderers.identify();
    let stream;
    try {
      stream = await media.getUserMedia({ video: { width: 1280, height: 720 }, audio: false });
    } catch (e) {
      if (token === camera.token) cameraOff();
      return;
    }
    if (token !== camera.token || state.screen !== 'identify') {
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    camera.stream = stream;
    const video = $('camera-video');
    video.srcObject = stream;
    try {
      await video.play();
    } catch (e) {
      // autoplay of a muted stream is allowed; a failure here still shows frames once they come
    }
    if (token !== camera.token) return;
    camera.state = 'on';
    stream.getVideoTracks().forEach((track) => track.addEventListener('ended', () => {
      if (token === camera.token) cameraOff();
    }));
    camera.timer = setInterval(grabFrame, FRAME_INTERVAL_MS);
    if (state.screen === 'identify') renderers.identify();
  }

  function cameraOff() {
    stopCamera();
    if (state.screen === 'identify') renderers.identify();
  }

  function stopCamera() {
    camera.token += 1;
    clearInterval(camera.timer);
    camera.timer = null;
    if (camera.stream) camera.stream.getTracks().forEach((track) => track.stop());
    camera.stream = null;
    camera.state = 'off';
    const video = $('camera-video');
    video.pause();
    video.srcObject = null;
  }

  function grabFrame() {
    const video = $('camera-video');
    if (camera.inFlight || state.screen !== 'identify' || locked() || Date.now() < state.cameraReadyAt) return;
    if (video.readyState < 2 || !video.videoWidth) return;
    const canvas = $('camera-canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height); // not mirrored
    camera.inFlight = true; // taken until the frame's answer is in
    canvas.toBlob((blob) => {
      camera.inFlight = false;
      if (blob) postFrame(blob);
    }, 'image/jpeg', 0.85);
  }

  /**
   * One frame → POST /scan. 200 {text, kind} is handled like typed text; 422 (no code yet) and anything else
   * are ignored: the camera just tries again. A frame is dropped while another is in flight.
   * Resolves to 'sent' | 'skipped'.
   */
  async function postFrame(blob) {
    if (camera.inFlight || state.screen !== 'identify' || locked()) return 'skipped';
    camera.inFlight = true;
    const gen = state.gen;
    let res;
    try {
      res = await request('POST', '/scan', { blob, timeout: SCAN_TIMEOUT_MS });
    } finally {
      camera.inFlight = false;
    }
    if (gen !== state.gen || state.screen !== 'identify' || locked()) return 'sent';
    if (res.status === 200 && res.data) {
      touched();
      await act((g) => identified(res.data, g));
    }
    return 'sent';
  }

  // USB barcode scanner: it types the code and Enter, here caught at the document level

  const wedge = { buffer: '', last: 0 };

  function capturingKeys() {
    return (state.screen === 'identify' || state.screen === 'welcome') && !state.notice;
  }

  function onKeyDown(e) {
    touched();
    if (!capturingKeys() || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
    const now = Date.now();
    if (now - wedge.last > WEDGE_GAP_MS) wedge.buffer = '';
    wedge.last = now;
    if (e.key === 'Enter') {
      e.preventDefault();
      const text = wedge.buffer.trim();
      wedge.buffer = '';
      if (text) scanned(text);
    } else if (e.key && e.key.length === 1) {
      e.preventDefault();
      if (wedge.buffer.length < WEDGE_MAX) wedge.buffer += e.key;
    } else if (e.key === 'Tab' || e.key === 'Backspace' || e.key === ' ') {
      e.preventDefault();
    }
  }

  function onKeyUp(e) {
    if (capturingKeys() && (e.key === 'Enter' || e.key === ' ')) e.preventDefault();
  }

  function scanned(text) {
    if (locked()) return;
    if (state.screen === 'welcome') {
      // scanned straight away: the JKN path (or a ticket's status)
      state.payer = 'JKN';
      show('identify');
    }
    submitIdentify(text);
  }

  // ---- a ticket's QR: its status ---------------------------------------------------------------------

  async function openBooking(result, gen) {
    const match = /^ANTREAN:[^:]+:(\d+):/.exec(String(result.text || ''));
    const id = result.ticketId || (match && match[1]);
    if (!id) {
      setIdentifyError({ key: 'kiosk.identify.other' });
      return;
    }
    const res = await request('GET', '/api/tickets/' + encodeURIComponent(id));
    if (gen !== state.gen) return;
    const ticket = res.ok && res.data ? (res.data.ticket || res.data) : null;
    if (!ticket || !ticket.label) {
      setIdentifyError(res.ok ? { key: 'kiosk.error.generic', args: [res.status] } : problemText(res));
      return;
    }
    state.booking = ticket;
    show('booking');
  }

  renderers.booking = () => {
    const tk = state.booking || {};
    const label = $('booking-label');
    label.textContent = tk.label || '';
    label.classList.toggle('is-long', String(tk.label || '').length > 5);
    $('booking-service').textContent = tk.serviceName || tk.service || '';
    const status = String(tk.status || '');
    const statusEl = $('booking-status');
    statusEl.dataset.status = status;
    statusEl.textContent = has('kiosk.booking.status.' + status) ? t('kiosk.booking.status.' + status) : status;
    const counter = tk.counter && (tk.counter.name || tk.counter.code);
    const atCounter = counter && (status === 'CALLED' || status === 'SERVING');
    $('booking-counter').textContent = atCounter ? t('kiosk.booking.counter', counter) : '';
    $('booking-counter').hidden = !atCounter;
    const waiting = status === 'WAITING';
    $('booking-ahead').textContent = waiting ? aheadText(tk.position) : '';
    $('booking-ahead').hidden = !waiting || !$('booking-ahead').textContent;
    $('booking-wait').textContent = waiting ? waitText(tk.estimatedWaitMinutes) : '';
    $('booking-wait').hidden = !$('booking-wait').textContent;
    const otherDay = tk.serviceDate && tk.serviceDate !== todayInFacility();
    $('booking-date').textContent = otherDay ? t('kiosk.booking.date', localDate(tk.serviceDate)) : '';
    $('booking-date').hidden = !otherDay;
  };

  function aheadText(position) {
    if (position === null || position === undefined || position === '' || Number.isNaN(Number(position))) return '';
    const ahead = Math.max(0, Number(position) - 1);
    if (ahead === 0) return t('kiosk.ticket.ahead.zero');
    return t(ahead === 1 ? 'kiosk.ticket.ahead.one' : 'kiosk.ticket.ahead.many', ahead);
  }

  /** Whole minutes worth saying ("± 0 menit" is not), or null. */
  function minutesOf(value) {
    if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) return null;
    const minutes = Math.round(Number(value));
    return minutes >= 1 ? minutes : null;
  }

  function waitText(value) {
    const minutes = minutesOf(value);
    return minutes === null ? '' : t('kiosk.ticket.wait', minutes);
  }

  // ---- 3. eligibility ------------------------------------------------------------------------------

  /** GET /api/eligibility, then the eligibility screen (with the answer, or why there is none). */
  async function checkEligibility(identity, gen) {
    state.identity = identity;
    state.payer = 'JKN';
    const query = identity.card ? 'card=' + encodeURIComponent(identity.card) : 'nik=' + encodeURIComponent(identity.nik);
    const res = await request('GET', '/api/eligibility?' + query);
    if (gen !== state.gen) return;
    if (res.ok && res.data && (res.data.reason || res.data.booking)) {
      state.eligibility = res.data;
      state.eligibilityError = null;
    } else {
      state.eligibility = null;
      state.eligibilityError = problemText(res);
    }
    show('eligibility');
  }

  function bookingOf(e) {
    return e && e.booking && e.booking.ticket ? e.booking.ticket : null;
  }

  renderers.eligibility = () => {
    const e = state.eligibility;
    const booking = bookingOf(e);
    let reason = e ? String(e.reason || '') : 'ERROR';
    if (e && !CONTINUE_REASONS.has(reason) && !REFUSED_REASONS.has(reason)) reason = 'OTHER';
    const canContinue = e && (CONTINUE_REASONS.has(reason) || (reason === 'OTHER' && e.eligible === true));
    $('eligibility-reason').dataset.reason = reason === 'OTHER' && canContinue ? 'OTHER' : reason;
    $('eligibility-title').textContent = t('kiosk.eligibility.title.' + reason);
    const message = e ? msg(e.message) : resolve(state.eligibilityError);
    const messageEl = $('eligibility-message');
    messageEl.textContent = message;
    messageEl.classList.toggle('is-long', message.length > LONG_MESSAGE || Boolean(booking));
    const p = e && e.participant;
    const who = p ? [p.initial, p.cardNumberMasked].filter(Boolean).join(' · ') : '';
    $('eligibility-participant').textContent = who;
    $('eligibility-participant').hidden = !who;
    $('eligibility-booking').hidden = !booking;
    $('eligibility-booking-ticket').textContent = booking
      ? [booking.label, booking.serviceName || booking.service].filter(Boolean).join(' · ') : '';
    $('btn-checkin').hidden = !booking;
    $('btn-continue').hidden = !canContinue || Boolean(booking);
    $('btn-as-umum').hidden = !e || canContinue || Boolean(booking);
    $('btn-eligibility-retry').hidden = Boolean(e);
  };

  function retryEligibility() {
    const identity = state.identity;
    if (!identity) return;
    act((gen) => checkEligibility(identity, gen));
  }

  function toServices(payer, back) {
    state.payer = payer;
    state.servicesBack = back;
    state.pending = null;
    show('services');
  }

  /** An online booking for today: check in, print, and show it like a new ticket. */
  function checkIn() {
    const booking = bookingOf(state.eligibility);
    if (!booking || booking.id === undefined) return;
    const run = () => act(async (gen) => {
      const res = await request('POST', '/api/bookings/' + encodeURIComponent(booking.id) + '/check-in', { json: {} });
      if (gen !== state.gen) return;
      issued(res, run);
    });
    run();
  }

  // ---- 4. services ---------------------------------------------------------------------------------

  enter.services = () => {
    state.services = null;
    state.servicesError = null;
    loadServices();
  };

  function loadServices() {
    return act(async (gen) => {
      state.servicesError = null;
      const res = await request('GET', '/api/services');
      if (gen !== state.gen) return;
      if (res.ok && res.data && Array.isArray(res.data.services)) {
        state.services = res.data.services;
      } else {
        state.services = null;
        state.servicesError = problemText(res);
      }
      renderers.services();
    });
  }

  renderers.services = () => {
    $('screen-services').dataset.payer = state.payer || '';
    const tag = $('services-payer');
    tag.textContent = state.payer ? t('kiosk.payer.' + state.payer) : '';
    tag.dataset.payer = state.payer || '';
    const list = $('services');
    list.textContent = '';
    const all = state.services || [];
    const open = all.filter((s) => s.open !== false);
    const closed = all.filter((s) => s.open === false);
    const shown = open.concat(closed);
    shown.forEach((s) => list.appendChild(serviceButton(s)));
    const portrait = window.matchMedia('(orientation: portrait)').matches;
    const n = shown.length;
    const cols = portrait ? (n <= 6 ? 1 : 2) : (n <= 3 ? 1 : n <= 8 ? 2 : 3);
    list.classList.remove('cols-1', 'cols-2', 'cols-3');
    list.classList.add('cols-' + cols);
    let error = state.servicesError;
    if (!error && state.services && !open.length) error = { key: 'kiosk.services.none' };
    $('services-error').textContent = resolve(error);
    $('services-error').hidden = !error;
    $('btn-services-retry').hidden = !state.servicesError;
  };

  function serviceButton(s) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'service';
    button.dataset.service = s.code;
    const prefix = document.createElement('span');
    prefix.className = 'svc-prefix';
    prefix.setAttribute('aria-hidden', 'true');
    prefix.textContent = s.prefix || String(s.name || s.code || '?').charAt(0);
    const name = document.createElement('span');
    name.className = 'svc-name';
    name.textContent = s.name || s.code;
    const meta = document.createElement('span');
    meta.className = 'svc-meta';
    if (s.open === false) {
      button.disabled = true;
      meta.textContent = t('kiosk.services.closed');
    } else {
      const parts = [];
      if (s.waitingCount !== null && s.waitingCount !== undefined) parts.push(t('kiosk.services.waiting', s.waitingCount));
      const minutes = minutesOf(s.estimatedWaitMinutes);
      if (minutes !== null) parts.push(t('kiosk.services.wait', minutes));
      meta.textContent = parts.join(' · ');
    }
    button.append(prefix, name, meta);
    return button;
  }

  /** A service chosen: one key for this choice, reused when the same request is retried. */
  function chooseService(code) {
    const service = (state.services || []).find((s) => s.code === code);
    if (!service || service.open === false || locked()) return;
    const body = { service: code, payer: state.payer === 'JKN' ? 'JKN' : 'UMUM', key: uuid() };
    if (body.payer === 'JKN' && state.identity) {
      if (state.identity.card) body.cardNumber = state.identity.card;
      if (state.identity.nik) body.nik = state.identity.nik;
    }
    const run = () => act(async (gen) => {
      const res = await request('POST', '/api/tickets', { json: body });
      if (gen !== state.gen) return;
      issued(res, run);
    });
    state.pending = { body, run };
    run();
  }

  /** The answer to issuing (or checking in): the ticket screen, or the problem with "try again". */
  function issued(res, retry) {
    const ticket = res.ok && res.data ? res.data.ticket : null;
    if (ticket && ticket.label) {
      state.result = res.data;
      state.pending = null;
      show('ticket');
      return;
    }
    const text = res.ok ? { key: 'kiosk.error.generic', args: [res.status] } : problemText(res);
    // a refusal (4xx) will not change by trying again; trouble on the way (timeout, 5xx) may
    const worthRetrying = !res.status || res.status >= 500 || res.status === 429;
    showNotice(text, worthRetrying ? retry : null);
  }

  // ---- 5. ticket -----------------------------------------------------------------------------------

  enter.ticket = () => {
    const printed = !state.result || state.result.printed !== false;
    state.ticketDeadline = Date.now() + (printed ? TICKET_MS : TICKET_PROBLEM_MS);
  };

  renderers.ticket = () => {
    const r = state.result || {};
    const tk = r.ticket || {};
    const label = $('ticket-label');
    label.textContent = tk.label || '';
    label.classList.toggle('is-long', String(tk.label || '').length > 5);
    $('ticket-service').textContent = tk.serviceName || tk.service || '';
    const payer = tk.payer || state.payer;
    $('ticket-payer').textContent = payer && has('kiosk.payer.' + payer) ? t('kiosk.payer.' + payer) : '';
    $('ticket-payer').dataset.payer = payer || '';
    $('ticket-ahead').textContent = aheadText(tk.position);
    $('ticket-wait').textContent = waitText(tk.estimatedWaitMinutes);
    $('ticket-time').textContent = dateTime(tk.issuedAt);
    const failed = r.printed === false;
    $('ticket-problem').hidden = !failed;
    $('ticket-problem-message').textContent = failed
      ? (msg(r.problem && r.problem.message) || t('kiosk.ticket.problem')) : '';
    $('ticket-take').hidden = failed;
    $('ticket-watch').hidden = failed;
    $('ticket-countdown').textContent =
      t('kiosk.ticket.countdown', Math.max(0, Math.ceil((state.ticketDeadline - Date.now()) / 1000)));
  };

  // ---- settings (staff) ----------------------------------------------------------------------------

  enter.settings = () => {
    state.settingsView = 'pin';
    state.pin = '';
    state.settingsToken = null;
    state.settings = null;
    state.settingsError = null;
    state.settingsResult = null;
  };

  leave.settings = () => {
    state.pin = '';
    state.settingsToken = null;
    state.settings = null;
  };

  renderers.settings = () => {
    const pinView = state.settingsView === 'pin';
    $('settings-pin-view').hidden = !pinView;
    $('settings-view').hidden = pinView;
    $('settings-pin-dots').textContent = '●'.repeat(state.pin.length);
    $('settings-pin-error').textContent = resolve(state.settingsError);
    $('settings-pin-error').hidden = !state.settingsError;
    if (!pinView) renderSettingsInfo();
    $('settings-result').textContent = resolve(state.settingsResult && state.settingsResult.text);
    $('settings-result').classList.toggle('message-error', Boolean(state.settingsResult && state.settingsResult.failed));
    $('settings-result').hidden = !state.settingsResult;
  };

  function describe(value) {
    if (value === null || value === undefined || value === '') return t('kiosk.common.none');
    if (typeof value !== 'object') return String(value);
    if (value.message && typeof value.message === 'object') {
      return [value.kind, msg(value.message)].filter(Boolean).join(': ');
    }
    if (value.name && value.code) return value.name + ' (' + value.code + ')';
    return Object.keys(value)
      .filter((k) => value[k] !== null && value[k] !== undefined && typeof value[k] !== 'object')
      .map((k) => k + ': ' + value[k])
      .join(' · ') || t('kiosk.common.none');
  }

  function renderSettingsInfo() {
    const s = state.settings || {};
    const st = state.status && !state.status.failed ? state.status : {};
    const printer = st.printer || {};
    const rows = [
      ['kiosk.settings.facility', describe(s.facility || state.facility)],
      ['kiosk.settings.server', describe(s.serverUrl)],
      ['kiosk.settings.serverState', describe(st.server)],
      ['kiosk.settings.printer', describe(s.printer)],
      ['kiosk.settings.printerState', [printer.state, msg(printer.message)].filter(Boolean).join(' — ') || describe(null)],
      ['kiosk.settings.printerWidth', describe(s.printerWidth)],
      ['kiosk.settings.lastError', describe(s.lastError)],
    ];
    const dl = $('settings-info');
    dl.textContent = '';
    rows.forEach(([key, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = t(key);
      const dd = document.createElement('dd');
      dd.textContent = value;
      dl.append(dt, dd);
    });
  }

  function pinKey(key) {
    if (state.screen !== 'settings' || locked()) return;
    if (key === 'ok') {
      if (state.pin) unlock();
      return;
    }
    if (key === 'back') state.pin = state.pin.slice(0, -1);
    else if (/^[0-9]$/.test(key) && state.pin.length < MAX_PIN) state.pin += key;
    state.settingsError = null;
    renderers.settings();
  }

  function unlock() {
    const pin = state.pin;
    act(async (gen) => {
      const res = await request('POST', '/api/settings/unlock', { json: { pin } });
      if (gen !== state.gen) return;
      state.pin = '';
      if (res.ok && res.data && res.data.token) {
        state.settingsToken = res.data.token;
        state.settingsError = null;
        await loadSettings(gen);
      } else {
        state.settingsError = res.status === 403 ? { key: 'kiosk.settings.pinWrong' } : problemText(res);
      }
      renderers.settings();
    });
  }

  async function loadSettings(gen) {
    const [res] = await Promise.all([
      request('GET', '/api/settings', { headers: { 'X-Kiosk-Settings': state.settingsToken } }),
      request('GET', '/api/status', { timeout: STATUS_TIMEOUT_MS }).then((r) => {
        state.status = r.ok && r.data ? r.data : { failed: true };
      }),
    ]);
    if (gen !== state.gen) return;
    if (res.ok && res.data) {
      state.settings = res.data;
      state.settingsView = 'info';
    } else {
      state.settingsToken = null;
      state.settingsView = 'pin';
      state.settingsError = problemText(res);
    }
  }

  function testPrint() {
    act(async (gen) => {
      state.settingsResult = null;
      const res = await request('POST', '/api/settings/test-print', {
        json: {}, headers: { 'X-Kiosk-Settings': state.settingsToken || '' }, timeout: 30000,
      });
      if (gen !== state.gen) return;
      if (res.ok && res.data && res.data.printed !== false) {
        state.settingsResult = { text: { key: 'kiosk.settings.testPrintOk' } };
      } else if (res.ok && res.data && res.data.problem) {
        state.settingsResult = { text: { message: res.data.problem.message }, failed: true };
      } else {
        state.settingsResult = { text: problemText(res), failed: true };
      }
      await loadSettings(gen); // the last error may have changed
      renderers.settings();
    });
  }

  // the hidden way in: a long press (or five taps) on the facility name, on the welcome screen

  const secret = { timer: null, taps: [] };

  function secretDown() {
    if (state.screen !== 'welcome') return;
    clearTimeout(secret.timer);
    secret.timer = setTimeout(openSettings, LONG_PRESS_MS);
  }

  function secretUp() {
    clearTimeout(secret.timer);
    secret.timer = null;
  }

  function secretTap() {
    if (state.screen !== 'welcome') return;
    const now = Date.now();
    secret.taps = secret.taps.filter((at) => now - at < TAPS_WINDOW_MS);
    secret.taps.push(now);
    if (secret.taps.length >= TAPS_TO_SETTINGS) openSettings();
  }

  function openSettings() {
    secretUp();
    secret.taps = [];
    if (state.screen === 'welcome') show('settings');
  }

  // ---- wiring --------------------------------------------------------------------------------------

  const clicks = {
    'btn-lang': () => setLang(state.lang === 'id' ? 'en' : 'id'),
    'btn-jkn': () => {
      state.payer = 'JKN';
      show('identify');
    },
    'btn-umum': () => {
      state.identity = null;
      toServices('UMUM', 'welcome');
    },
    'btn-identify-back': () => show('welcome'),
    'btn-eligibility-back': () => show('identify'),
    'btn-continue': () => toServices('JKN', 'eligibility'),
    'btn-as-umum': () => toServices('UMUM', 'eligibility'),
    'btn-checkin': checkIn,
    'btn-eligibility-retry': retryEligibility,
    'btn-services-back': () => {
      if (state.servicesBack === 'eligibility' && (state.eligibility || state.eligibilityError)) show('eligibility');
      else goHome(false);
    },
    'btn-services-retry': loadServices,
    'btn-done': () => goHome(true),
    'btn-booking-back': () => goHome(false),
    'btn-settings-cancel': () => goHome(false),
    'btn-settings-exit': () => goHome(false),
    'btn-reload': () => location.reload(),
    'btn-test-print': testPrint,
    'btn-notice-home': () => goHome(false),
    'btn-notice-retry': () => {
      const retry = state.notice && state.notice.retry;
      state.notice = null;
      renderNotice();
      if (retry) retry();
    },
  };

  function onClick(e) {
    const target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    const key = target.closest('[data-key]');
    const pin = target.closest('[data-pin-key]');
    const service = target.closest('[data-service]');
    const button = target.closest('button[id]');
    if (key) keypad(key.dataset.key);
    else if (pin) pinKey(pin.dataset.pinKey);
    else if (service) chooseService(service.dataset.service);
    else if (button && clicks[button.id]) clicks[button.id]();
    else if (target.closest('#facility-name')) secretTap();
    releaseFocus();
  }

  function wire() {
    document.addEventListener('click', onClick);
    document.addEventListener('pointerdown', touched, true);
    document.addEventListener('touchstart', touched, { capture: true, passive: true });
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('keyup', onKeyUp, true);
    // a kiosk: no context menu, no selecting or dragging, no pinch zoom
    ['contextmenu', 'selectstart', 'dragstart', 'gesturestart'].forEach((type) =>
      document.addEventListener(type, (e) => e.preventDefault()));
    document.addEventListener('wheel', (e) => {
      if (e.ctrlKey) e.preventDefault();
    }, { passive: false });
    const name = $('facility-name');
    name.addEventListener('pointerdown', secretDown);
    ['pointerup', 'pointercancel', 'pointerleave'].forEach((type) => name.addEventListener(type, secretUp));
    setInterval(tick, 500);
  }

  // ---- start ---------------------------------------------------------------------------------------

  async function loadTexts() {
    const [id, en] = await Promise.all([
      request('GET', '/i18n/kiosk.json?lang=id'),
      request('GET', '/i18n/kiosk.json?lang=en'),
    ]);
    if (!id.ok || !id.data || !Object.keys(id.data).length) return false;
    state.bundles.id = id.data;
    state.bundles.en = en.ok && en.data ? en.data : {};
    return true;
  }

  async function loadFacility() {
    const res = await request('GET', '/api/kiosk');
    if (!res.ok || !res.data) {
      setTimeout(loadFacility, RETRY_BOOT_MS);
      return;
    }
    state.facility = res.data.facility || null;
    if (Array.isArray(res.data.languages) && res.data.languages.length) state.languages = res.data.languages;
    if (!state.languages.includes(state.lang)) state.lang = state.languages[0];
    $('facility-name').textContent = (state.facility && state.facility.name) || '';
    formatters.clear();
    render();
    // the agent knows the name and the time zone only once it has reached the server
    if (!state.facility || !state.facility.name || !state.facility.timeZone) setTimeout(loadFacility, RETRY_BOOT_MS);
  }

  async function boot() {
    if (!(await loadTexts())) {
      setTimeout(boot, RETRY_BOOT_MS);
      return;
    }
    document.body.classList.remove('is-booting');
    show('welcome');
  }

  window.antreanKiosk = Object.freeze({
    /** A camera frame (a JPEG Blob), sent as the camera would: POST /scan, then the same handling. */
    postFrame: (blob) => postFrame(blob),
  });

  wire();
  loadFacility();
  boot();
}());
