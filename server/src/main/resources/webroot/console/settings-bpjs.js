/*
 * BPJS: the facility's own credentials (stored encrypted; the page only learns which are set, never a value),
 * a button that tries them against BPJS and says the outcome in plain words, and the Mobile JKN account with
 * which the app books numbers here; and the facility's BPJS settings (what an ineligible Mobile JKN booking gets,
 * whether every patient is reported).
 */
import { $, C, S, clearError, failed, formValues, path, saveVersioned, t } from './settings-state.js';

const FIELDS = ['consId', 'secret', 'userKey', 'antreanUserKey', 'pcareUsername', 'pcarePassword', 'appCode'];
let version = null;
let settingsVersion = null;

export function wireBpjs() {
  $('bpjs-form').addEventListener('submit', save);
  $('bpjs-test').addEventListener('click', test);
  $('mobilejkn-form').addEventListener('submit', saveMobileJkn);
  $('bpjs-settings-form').addEventListener('submit', saveSettings);
}

export async function loadBpjs() {
  loadSettings();
  clearError('bpjs-error');
  $('bpjs-test-result').hidden = true;
  try {
    const state = await C.api(path('/bpjs-credentials'));
    version = state.version === undefined ? null : state.version;
    const set = state.fields || state.set || state;
    for (const field of FIELDS) {
      const isSet = !!(set && set[field]);
      $('bpjs-form').elements[field].placeholder = t(isSet ? 'console.settings.bpjs.isSet' : 'console.settings.bpjs.notSet');
    }
    $('bpjs-source').textContent = t(state.source === 'ENVIRONMENT' || state.stored === false
      ? 'console.settings.bpjs.fromEnvironment' : 'console.settings.bpjs.fromFacility');
  } catch (e) {
    failed(e, 'bpjs-error');
  }
}

async function save(event) {
  event.preventDefault();
  const form = event.target;
  clearError('bpjs-error');
  try {
    await saveVersioned(path('/bpjs-credentials'), 'PUT', formValues(form), version);
    form.reset();
    C.showBanner(t('console.settings.saved'), 'info');
    await loadBpjs();
  } catch (e) {
    failed(e, 'bpjs-error', loadBpjs, form);
  }
}

async function test() {
  const box = $('bpjs-test-result');
  box.hidden = false;
  box.textContent = t('console.settings.bpjs.testing');
  try {
    const outcome = await C.api(path('/bpjs-credentials/test'), { method: 'POST' });
    const message = outcome.message || {};
    box.dataset.ok = String(outcome.outcome ? outcome.outcome === 'ok' : !!outcome.ok);
    box.textContent = message[S.t.lang] || message.id || outcome.outcome || '';
  } catch (e) {
    box.dataset.ok = 'false';
    box.textContent = C.errorText(e, S.t);
  }
}

async function saveMobileJkn(event) {
  event.preventDefault();
  const form = event.target;
  clearError('mobilejkn-error');
  try {
    await C.api(path('/mobilejkn-account'), { method: 'PUT', body: formValues(form) });
    form.reset();
    C.showBanner(t('console.settings.saved'), 'info');
  } catch (e) {
    failed(e, 'mobilejkn-error', null, form);
  }
}

/** The settings' version is the facility's (shared with the profile), sent back in If-Match on save. */
async function loadSettings() {
  clearError('bpjs-settings-error');
  try {
    const settings = await C.api(path('/bpjs-settings'));
    settingsVersion = settings.version;
    const form = $('bpjs-settings-form');
    form.elements.bookingEligibility.value = settings.bookingEligibility;
    form.elements.reportAllPatients.checked = !!settings.reportAllPatients;
  } catch (e) {
    failed(e, 'bpjs-settings-error');
  }
}

async function saveSettings(event) {
  event.preventDefault();
  const form = event.target;
  clearError('bpjs-settings-error');
  try {
    await saveVersioned(path('/bpjs-settings'), 'PUT', {
      bookingEligibility: form.elements.bookingEligibility.value,
      reportAllPatients: form.elements.reportAllPatients.checked,
    }, settingsVersion);
    C.showBanner(t('console.settings.saved'), 'info');
    await loadSettings();
  } catch (e) {
    failed(e, 'bpjs-settings-error', loadSettings, form);
  }
}
