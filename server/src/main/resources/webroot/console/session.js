/*
 * Screens (login → counter choice → console), the language, the session (login, expiry, logout), the header
 * with its clock, and the choice of the counter (remembered per facility).
 */

import { $, C, S, TICK_MS, counterKey, el, path, store, stored, t } from './state.js';
import { connectLive } from './live-queue.js';
import { renderAll, tickWaits } from './queue-view.js';
import { detailTicket, fillDetail } from './ticket-detail.js';
import { fillWalkinServices, renderEligibilityAnswer, showWalkinResult } from './walk-in.js';
import { renderBpjsChip, renderBpjsDialog, startBpjs, stopBpjs } from './bpjs-outbox.js';
import { applyShortcuts } from './shortcuts.js';

// ---- screens --------------------------------------------------------------------------------------

function show(screen) {
  document.body.dataset.screen = screen;
  $('screen-login').hidden = screen !== 'login';
  $('screen-counter').hidden = screen !== 'counter';
  $('screen-console').hidden = screen !== 'console';
  $('topbar').hidden = screen === 'login';
  $('hdr-counter-box').hidden = screen !== 'console';
}

export function showLogin(message, kind) {
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

export async function setLanguage(language, rerender) {
  C.setLang(language);
  S.t = await C.loadTexts(language);
  C.applyTexts(document, S.t);
  applyShortcuts();
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

export async function submitLogin(event) {
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
    if (answer.kind === 'OPERATOR') {
      // A district's operator works on the settings page (every facility), not at a counter.
      const me = Object.assign({}, answer);
      delete me.token;
      C.saveSession(answer.token, me);
      location.href = 'settings.html';
      return;
    }
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
export async function startSession(me, resumed) {
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

export function sessionExpired() {
  if (S.ending) return;
  S.ending = true;
  stopSession();
  C.clearSession();
  C.hideBanner();
  showLogin(t('console.login.sessionExpired'), 'error');
}

export async function logout() {
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

export function renderHeader() {
  if (!S.me) return;
  $('hdr-facility').textContent = S.facility.name || S.facility.code;
  $('hdr-user').textContent = S.me.name || S.me.username || '';
  $('hdr-user').title = (S.me.username || '') + (S.me.role ? ' · ' + t('console.role.' + S.me.role) : '');
  $('btn-logout').title = t('console.header.logoutAs', S.me.name || S.me.username || '');
  $('hdr-admin').hidden = !(S.me.role === 'ADMIN' || (S.me.permissions || []).includes('ADMIN'));
  $('hdr-settings').hidden = $('hdr-admin').hidden && S.me.role !== 'OPERATOR';
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

export function setLiveStatus(status) {
  S.liveStatus = status;
  const badge = $('live-status');
  badge.dataset.status = status;
  badge.textContent = t('console.live.' + status);
  document.body.classList.toggle('is-offline', status === 'offline');
}

// ---- counter choice -------------------------------------------------------------------------------

export function serviceName(code) {
  const service = S.services.find((s) => s.code === code);
  return service ? service.name : code;
}

export function showCounterChoice(fromConsole) {
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

/**
 * An admin changed the services or rooms (a SETTINGS_CHANGED event): take the new list of rooms without a
 * reload. Someone at a room that is gone goes back to the choice; the choice on screen shows the new list.
 */
export async function reloadCounters() {
  let counters;
  try {
    counters = await C.api(path('/counters'));
  } catch (e) {
    return; // the next change or a reload brings them
  }
  S.counters = counters.counters || [];
  const screen = document.body.dataset.screen;
  if (screen === 'console' && S.counter) {
    const mine = S.counters.find((c) => c.code === S.counter.code);
    if (mine) {
      S.counter = mine;
      renderHeader();
      renderAll();
    } else {
      S.counter = null;
      showCounterChoice(false);
    }
  } else if (screen === 'counter') {
    showCounterChoice(false);
  }
}

export function enterConsole(code) {
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
