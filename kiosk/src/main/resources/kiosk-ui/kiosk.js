/*
 * The self-service kiosk of Antrean, served by the kiosk agent at / (see kiosk/README-ui.md). The entry module:
 * it wires the buttons and keys, and starts the page.
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

import { $, IDLE_WARNING_MS, RETRY_BOOT_MS, state } from './state.js';
import { formatters, setLang } from './texts.js';
import { goHome, releaseFocus, render, renderNotice, request, show, tick, touched } from './screens.js';
import { keypad, onKeyDown, onKeyUp, postFrame } from './identify.js';
import { checkIn, chooseService, loadServices, retryEligibility, retype, toServices, togglePriority } from './patient-flow.js';
import { pinKey, secretDown, secretTap, secretUp, testPrint } from './settings.js';
import { openPhone, phoneKey } from './phone.js';

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
  'btn-dental-jkn': () => toServices('JKN', 'eligibility'),
  'btn-as-umum': () => toServices('UMUM', 'eligibility'),
  'btn-retype': retype,
  'btn-checkin': checkIn,
  'btn-eligibility-retry': retryEligibility,
  'btn-services-back': () => {
    if (state.servicesBack === 'eligibility' && (state.eligibility || state.eligibilityError)) show('eligibility');
    else goHome(false);
  },
  'btn-services-retry': loadServices,
  'btn-priority': togglePriority,
  'btn-done': () => goHome(true),
  'btn-notify': openPhone,
  'btn-phone-skip': () => show('ticket'),
  'btn-booking-back': () => goHome(false),
  'btn-settings-cancel': () => goHome(false),
  'btn-settings-exit': () => goHome(false),
  'btn-reload': () => location.reload(),
  'btn-test-print': testPrint,
  'btn-notice-home': () => goHome(false),
  'btn-notice-reprint': () => {
    const reprint = state.notice && state.notice.reprint;
    state.notice = null;
    renderNotice();
    if (reprint) reprint();
  },
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
  const phone = target.closest('[data-phone-key]');
  const service = target.closest('[data-service]');
  const button = target.closest('button[id]');
  if (key) keypad(key.dataset.key);
  else if (pin) pinKey(pin.dataset.pinKey);
  else if (phone) phoneKey(phone.dataset.phoneKey);
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
  setInterval(refreshWhileIdle, 60000);
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
  // Never shorter than the warning's countdown, whatever an admin typed.
  state.spokenGuidance = res.data.spokenGuidance === true;
  if (Number.isFinite(res.data.idleSeconds)) state.idleMs = Math.max(res.data.idleSeconds * 1000, IDLE_WARNING_MS + 5000);
  if (!state.languages.includes(state.lang)) state.lang = state.languages[0];
  $('facility-name').textContent = (state.facility && state.facility.name) || '';
  formatters.clear();
  render();
  // the agent knows the name and the time zone only once it has reached the server
  if (!state.facility || !state.facility.name || !state.facility.timeZone) setTimeout(loadFacility, RETRY_BOOT_MS);
}

/** An admin's change (idle time, languages, name, spoken guidance) reaches an idle kiosk within a minute, without a restart. */
function refreshWhileIdle() {
  if (state.screen === 'welcome') loadFacility();
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
