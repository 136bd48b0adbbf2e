/*
 * The staff settings behind a long press (or taps) on the facility name and a PIN.
 */

import {
  $,
  LONG_PRESS_MS,
  MAX_PIN,
  STATUS_TIMEOUT_MS,
  TAPS_TO_SETTINGS,
  TAPS_WINDOW_MS,
  enter,
  leave,
  renderers,
  state,
} from './state.js';
import { msg, resolve, t } from './texts.js';
import { act, locked, problemText, request, show } from './screens.js';

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

export function pinKey(key) {
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

export function testPrint() {
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

export function secretDown() {
  if (state.screen !== 'welcome') return;
  clearTimeout(secret.timer);
  secret.timer = setTimeout(openSettings, LONG_PRESS_MS);
}

export function secretUp() {
  clearTimeout(secret.timer);
  secret.timer = null;
}

export function secretTap() {
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
