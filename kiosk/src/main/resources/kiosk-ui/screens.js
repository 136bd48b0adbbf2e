/*
 * Requests to the kiosk agent (never throwing: a failure is an answer), the screens and their switching, the
 * idle timer that brings every screen back to the start, and the notice of a failed request.
 */

import {
  $,
  BUSY_DELAY_MS,
  IDLE_WARNING_MS,
  REQUEST_TIMEOUT_MS,
  SCREENS,
  enter,
  leave,
  renderers,
  state,
} from './state.js';
import { applyTexts, formatters, renderClock, resolve, setLang, t } from './texts.js';
import { speakFor } from './voice.js';

// ---- requests ------------------------------------------------------------------------------------

/** Resolves to {ok, status, data} — or {ok: false, status: 0, failure: 'timeout' | 'network'}. Never throws. */
export async function request(method, path, options) {
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
export function problemText(res) {
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
export function locked() {
  return state.lockGen === state.gen;
}

export async function act(fn) {
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

export function show(name) {
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
  speakFor(name);
}

export function render() {
  applyTexts();
  renderClock();
  if (state.screen && renderers[state.screen]) renderers[state.screen]();
  renderNotice();
  renderIdle();
}

/** Back to the start for the next patient: forget everything about this one. */
export function reset() {
  state.payer = null;
  state.identity = null;
  state.eligibility = null;
  state.eligibilityError = null;
  state.services = null;
  state.servicesError = null;
  state.pending = null;
  state.priority = false;
  state.result = null;
  state.phone = '';
  state.phoneError = null;
  state.phoneSaved = false;
  state.booking = null;
  state.typed = '';
  state.identifyError = null;
  state.settings = null;
  state.settingsToken = null;
  state.pin = '';
}

export function goHome(nextPatient) {
  reset();
  if (nextPatient) {
    state.lang = 'id';
    formatters.clear();
  }
  show('welcome');
}

export function releaseFocus() {
  // a focused button would be "pressed" by the Enter a USB scanner types
  const el = document.activeElement;
  if (el && el !== document.body && typeof el.blur === 'function') el.blur();
}

// ---- idle: back to the start ---------------------------------------------------------------------

export function touched() {
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
  const left = state.idleMs - (Date.now() - state.lastTouch);
  if (left > IDLE_WARNING_MS) {
    el.hidden = true;
    return;
  }
  el.textContent = t('kiosk.idle.warning', Math.max(0, Math.ceil(left / 1000)));
  el.hidden = false;
}

export function tick() {
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
    if (state.lang !== 'id' && now - state.lastTouch > state.idleMs) setLang('id');
  } else if (s && now - state.lastTouch >= state.idleMs) {
    goHome(true);
    return;
  }
  renderIdle();
}

// ---- notice: a failed request, with "try again" and "start again" ---------------------------------

/** A message over the screen; {title, reprint} when it is no failure but a number the patient already holds. */
export function showNotice(text, retry, more) {
  const extra = more || {};
  state.notice = { text, retry: retry || null, title: extra.title || null, reprint: extra.reprint || null };
  renderNotice();
  releaseFocus();
}

export function renderNotice() {
  const n = state.notice;
  $('notice').hidden = !n;
  if (!n) return;
  const title = $('notice-title');
  title.dataset.i18n = n.title || 'kiosk.error.title';
  title.textContent = t(title.dataset.i18n);
  $('notice-message').textContent = resolve(n.text);
  $('btn-notice-retry').hidden = !n.retry;
  $('btn-notice-reprint').hidden = !n.reprint;
}
