/*
 * Shared helpers of the Antrean staff pages (console index.html and admin.html): the session (bearer token in
 * sessionStorage), the language (localStorage), texts from the console bundle, API calls with problem+json
 * errors, small DOM and time helpers, the error banner, a confirmation dialog, and the list of reports to BPJS
 * (the outbox, shown by the console's dialog and the admin page). No framework, no build step: an ES module; the
 * ids, dates and message formatting shared with the display come from /assets and are re-exported here.
 */
import { loadTexts as loadBundle } from '/assets/i18n.js';
import { formatDate, formatTime, learnServerTime, localDate, parseTime, zoneName } from '/assets/dates.js';
import { uuid } from '/assets/ids.js';

const TOKEN_KEY = 'antrean.console.token';
const ME_KEY = 'antrean.console.me';
const LANG_KEY = 'antrean.console.lang';
const NOTICE_KEY = 'antrean.console.loginNotice';

// ---- session --------------------------------------------------------------------------------------

function token() {
  try { return sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; }
}

function storedMe() {
  try { return JSON.parse(sessionStorage.getItem(ME_KEY) || 'null'); } catch (e) { return null; }
}

function saveSession(tokenValue, me) {
  try {
    if (tokenValue) sessionStorage.setItem(TOKEN_KEY, tokenValue);
    sessionStorage.setItem(ME_KEY, JSON.stringify(me));
  } catch (e) { /* private mode: the session lasts as long as the page */ }
}

function clearSession() {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(ME_KEY);
  } catch (e) { /* ignore */ }
}

/** A message for the login screen after a redirect (e.g. session expired); read once. */
function setLoginNotice(key) {
  try { sessionStorage.setItem(NOTICE_KEY, key); } catch (e) { /* ignore */ }
}

function takeLoginNotice() {
  try {
    const key = sessionStorage.getItem(NOTICE_KEY);
    sessionStorage.removeItem(NOTICE_KEY);
    return key;
  } catch (e) { return null; }
}

// ---- language and texts ---------------------------------------------------------------------------

function lang() {
  let value = null;
  try { value = localStorage.getItem(LANG_KEY); } catch (e) { /* ignore */ }
  return value === 'en' ? 'en' : 'id';
}

function setLang(value) {
  try { localStorage.setItem(LANG_KEY, value === 'en' ? 'en' : 'id'); } catch (e) { /* ignore */ }
}

/** The console texts in a language; a missing text shows its key (so it is noticed, never blank). */
async function loadTexts(language) {
  return loadBundle('console', language);
}

/** Fills elements marked with data-i18n (text), data-i18n-placeholder, data-i18n-title, data-i18n-aria-label. */
function applyTexts(root, t) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  });
  document.documentElement.lang = t.lang;
  document.querySelectorAll('.lang-btn').forEach((b) => {
    b.setAttribute('aria-pressed', String(b.dataset.lang === t.lang));
  });
}

// ---- API ------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem && problem.code ? problem.code : 'HTTP ' + status);
    this.status = status;          // 0 = no answer (network)
    this.problem = problem || null;
    this.retryAfter = retryAfter;
  }
}

let onUnauthorized = null;

/** Called on a 401 from any API call but the login itself (the token expired or was revoked). */
function setUnauthorizedHandler(fn) { onUnauthorized = fn; }

/**
 * fetch() with the bearer token; JSON in and out. Options: method, body (object → JSON), rawBody + contentType,
 * headers, blob (answer as a Blob), noAuthRedirect. Throws ApiError.
 */
async function api(path, options = {}) {
  const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
  const tok = token();
  if (tok) headers.Authorization = 'Bearer ' + tok;
  let body;
  if (options.rawBody !== undefined) {
    body = options.rawBody;
    headers['Content-Type'] = options.contentType || 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  if (options.blob) headers.Accept = '*/*';
  let response;
  try {
    response = await fetch(path, { method: options.method || 'GET', headers, body, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, null, null);
  }
  learnServerTime(response.headers.get('Date'));
  if (response.ok) {
    if (options.blob) return response.blob();
    if (response.status === 204) return null;
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }
  let problem = null;
  try { problem = await response.json(); } catch (e) { /* not JSON */ }
  const error = new ApiError(response.status, problem, response.headers.get('Retry-After'));
  if (response.status === 401 && !options.noAuthRedirect && onUnauthorized) onUnauthorized(error);
  throw error;
}

/** The text to show for an error: the server's message in the chosen language, else a generic one. */
function errorText(error, t) {
  const message = error && error.problem && error.problem.message;
  if (message && (message[t.lang] || message.id || message.en)) return message[t.lang] || message.id || message.en;
  if (!error || error.status === 0) return t('console.error.network');
  return t('console.error.http', error.status);
}

function facilityPath(facility, rest) {
  return '/api/v1/facilities/' + encodeURIComponent(facility) + rest;
}

// ---- small helpers --------------------------------------------------------------------------------

/** el('button', {class: 'x', type: 'button', dataset: {a: 1}}, 'text', child, ...) */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'dataset') Object.assign(node.dataset, value);
      else if (name === 'text') node.textContent = value;
      else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// ---- banner -------------------------------------------------------------------------------------

let bannerTimer = null;

/** Shows a message in #error-banner (kind 'error' or 'info', optional link {text, href}); it stays 12 s or until closed. */
function showBanner(text, kind, link) {
  const banner = document.getElementById('error-banner');
  if (!banner) return;
  // Nothing to say (a text that came out blank): no bar at all rather than an empty one.
  if (!String(text || '').trim()) {
    hideBanner();
    return;
  }
  banner.querySelector('.banner-text').textContent = text;
  const anchor = banner.querySelector('.banner-link');
  if (anchor) {
    anchor.hidden = !link;
    anchor.textContent = link ? link.text : '';
    if (link) anchor.href = link.href;
    else anchor.removeAttribute('href');
  }
  banner.dataset.kind = kind || 'error';
  // Below the header, never over it: the counter, the user and "log out" must stay readable and clickable.
  const bar = document.getElementById('topbar');
  const headerBottom = bar && !bar.hidden ? Math.max(0, bar.getBoundingClientRect().bottom) : 0;
  banner.style.top = `calc(${Math.round(headerBottom)}px + 0.5rem)`;
  banner.hidden = false;
  clearTimeout(bannerTimer);
  bannerTimer = setTimeout(hideBanner, kind === 'info' ? 6000 : 12000);
}

function hideBanner() {
  const banner = document.getElementById('error-banner');
  if (banner) {
    banner.hidden = true;
    banner.querySelector('.banner-text').textContent = '';
  }
  clearTimeout(bannerTimer);
}

function wireBanner() {
  const close = document.getElementById('error-banner-close');
  if (close) close.addEventListener('click', hideBanner);
}

// ---- confirmation dialog ----------------------------------------------------------------------------

/**
 * Asks a yes/no question in #confirm-dialog. Resolves true when confirmed. focusOk: put the focus on the
 * confirming button (otherwise on "back", for destructive actions).
 */
function confirmDialog({ title, body, ok, back, danger, focusOk }) {
  const dialog = document.getElementById('confirm-dialog');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-body').textContent = body || '';
  const okButton = document.getElementById('confirm-ok');
  const backButton = document.getElementById('confirm-cancel');
  okButton.textContent = ok;
  backButton.textContent = back;
  okButton.classList.toggle('btn-danger', !!danger);
  okButton.classList.toggle('btn-primary', !danger);
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.showModal();
    (focusOk ? okButton : backButton).focus();
  });
}

// ---- copy text ------------------------------------------------------------------------------------

/** Copies text; navigator.clipboard needs https or localhost, so fall back to a selected textarea. */
async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try { await navigator.clipboard.writeText(text); return true; } catch (e) { /* fall back */ }
  }
  const area = el('textarea', { class: 'offscreen', readonly: true });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
  area.remove();
  return ok;
}

// ---- BPJS outbox (what the facility reported to BPJS) ---------------------------------------------

const OUTBOX_FILTERS = ['', 'PENDING', 'DEAD', 'SENT'];

/** GET …/bpjs-outbox: {counts: {PENDING, SENT, DEAD}, items: [...]} (latest 100; status '' = all). */
function loadOutbox(facility, status) {
  return api(facilityPath(facility, '/bpjs-outbox' + (status ? '?status=' + encodeURIComponent(status) : '')));
}

/**
 * 'failed' when BPJS refused a report for good (DEAD), 'pending' when a report waits after an error (BPJS not reachable),
 * else 'ok' (a report only just written and not sent yet is normal).
 */
function outboxState(answer) {
  const counts = (answer && answer.counts) || {};
  if (Number(counts.DEAD) > 0) return 'failed';
  const items = (answer && answer.items) || [];
  if (Number(counts.PENDING) > 0 && items.some((item) => item.status === 'PENDING' && item.lastError)) return 'pending';
  return 'ok';
}

/** antrean/panggil carries 1 (the patient came) or 2 (did not); shown when the server tells it. */
function outboxPresence(item) {
  const value = item.presence !== undefined ? item.presence
    : item.payload && item.payload.status !== undefined ? item.payload.status : null;
  return value === 1 || value === '1' || value === 'PRESENT' ? 1 : value === 2 || value === '2' || value === 'ABSENT' ? 2 : null;
}

function outboxKindText(item, t) {
  if (item.kind === 'PANGGIL') {
    const presence = outboxPresence(item);
    return t('console.bpjs.kind.PANGGIL' + (presence ? '.' + presence : ''));
  }
  const key = 'console.bpjs.kind.' + item.kind;
  return t.has(key) ? t(key) : String(item.kind || '');
}

/** hh.mm today, or the date and time for another day. */
function outboxTime(iso, zone, language) {
  const ms = parseTime(iso);
  if (Number.isNaN(ms)) return '';
  const sameDay = formatDate(ms, zone, language) === formatDate(Date.now(), zone, language);
  return (sameDay ? '' : formatDate(ms, zone, language) + ' ') + formatTime(ms, zone, language);
}

/** "Kirim ulang" (POST …/bpjs-outbox/{id}/resend): a dead report is pending again, due at once. */
function resendOutbox(facility, id) {
  return api(facilityPath(facility, '/bpjs-outbox/' + encodeURIComponent(id) + '/resend'), { method: 'POST' });
}

/** What to say about one report: BPJS's answer when it refused, the last error while it waits. */
function outboxNote(item, t, zone) {
  if (item.status === 'DEAD') {
    const bpjs = item.bpjs || {};
    const message = bpjs.message || item.lastError || '';
    return bpjs.code !== undefined && bpjs.code !== null
      ? t('console.bpjs.note.refused', message, bpjs.code) : t('console.bpjs.note.refusedNoCode', message);
  }
  if (item.status === 'PENDING') {
    return item.lastError ? t('console.bpjs.note.lastError', item.lastError) : t('console.bpjs.note.queued');
  }
  return item.sentAt ? t('console.bpjs.note.sentAt', outboxTime(item.sentAt, zone, t.lang)) : '';
}

/**
 * Rows of the outbox table (newest first, as the server lists them). With {@code onResend}, a dead report has a
 * "Kirim ulang" button beside BPJS's reason.
 */
function outboxRows(items, t, zone, onResend) {
  return items.map((item) => el('tr', { class: 'outbox-row', dataset: { outboxId: item.id, status: item.status,
    kind: item.kind } },
    el('td', { class: 'nowrap', text: outboxTime(item.createdAt, zone, t.lang) }),
    el('td', { class: 'nowrap' }, el('strong', { text: item.ticket ? item.ticket.label || '#' + item.ticket.id : '' })),
    el('td', { text: outboxKindText(item, t) }),
    el('td', {}, el('span', { class: 'pill outbox-' + item.status, text: t('console.bpjs.status.' + item.status) })),
    el('td', { class: 'nowrap num', text: String(item.attempts || 0) }),
    el('td', { class: 'outbox-note' + (item.status === 'SENT' ? ' muted' : '') }, outboxNote(item, t, zone),
      item.status === 'DEAD' && onResend ? resendButton(item, t, onResend) : null)));
}

function resendButton(item, t, onResend) {
  const button = el('button', { type: 'button', class: 'btn btn-small outbox-resend', dataset: { outboxId: item.id },
    text: t('console.bpjs.resend') });
  button.addEventListener('click', () => {
    button.disabled = true;
    onResend(item).finally(() => { button.disabled = false; });
  });
  return button;
}

/** The filter buttons: All / Pending / Failed (dead) / Sent, each with its count. */
function outboxFilterButtons(box, counts, current, t, onChoose) {
  const total = OUTBOX_FILTERS.slice(1).reduce((sum, s) => sum + (Number(counts && counts[s]) || 0), 0);
  box.replaceChildren(...OUTBOX_FILTERS.map((status) => {
    const count = status ? Number(counts && counts[status]) || 0 : total;
    const button = el('button', { type: 'button', class: 'seg-btn', dataset: { status: status || 'ALL' },
      'aria-pressed': String(status === current) },
      t('console.bpjs.filter.' + (status || 'ALL')), el('span', { class: 'seg-count' + (count > 0 ? ' is-some' : ''), text: String(count) }));
    button.addEventListener('click', () => onChoose(status));
    return button;
  }));
}

export {
  token, storedMe, saveSession, clearSession, setLoginNotice, takeLoginNotice,
  lang, setLang, loadTexts, applyTexts,
  ApiError, api, errorText, facilityPath, setUnauthorizedHandler,
  uuid, el, parseTime, formatTime, formatDate, localDate, zoneName,
  showBanner, hideBanner, wireBanner, confirmDialog, copyText,
  loadOutbox, resendOutbox, outboxState, outboxKindText, outboxRows, outboxFilterButtons,
};
