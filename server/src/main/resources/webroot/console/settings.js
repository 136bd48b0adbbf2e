/*
 * Settings page of the Antrean console (/console/settings.html): what a facility needs to go live and run, in
 * tabs — its profile, polis with their week's schedule and quotas, closures ("Tutup hari ini"), rooms, staff,
 * BPJS credentials and the Mobile JKN account (kiosks, screens and backups are on the admin page). For an ADMIN,
 * their own facility; for an OPERATOR (a district health office), any facility, picked at the top, and new ones
 * created there. The entry module: language, the gate, the facility, the tabs.
 */
import { $, C, S, TABS, isOperator, listOf, clearError, failed, formValues, t } from './settings-state.js';
import { loadProfile, saveProfile } from './settings-profile.js';
import { loadServices, wireServices } from './settings-services.js';
import { loadClosures, wireClosures } from './settings-closures.js';
import { loadRooms, wireRooms } from './settings-rooms.js';
import { loadStaff, wireStaff } from './settings-staff.js';
import { loadBpjs, wireBpjs } from './settings-bpjs.js';
import { loadNotify, wireNotify } from './settings-notify.js';

const LOADERS = {
  profile: loadProfile, services: loadServices, closures: loadClosures, rooms: loadRooms, staff: loadStaff,
  bpjs: loadBpjs, notify: loadNotify,
};

async function setLanguage(language, rerender) {
  C.setLang(language);
  S.t = await C.loadTexts(language);
  C.applyTexts(document, S.t);
  document.title = t('console.settings.title');
  if (rerender && S.facility) showTab(S.tab);
}

function gate(text) {
  $('settings-gate-text').textContent = text;
  $('settings-gate').hidden = false;
  $('settings-content').hidden = true;
}

function showTab(name) {
  if (!TABS.includes(name)) name = 'profile';
  S.tab = name;
  for (const tab of TABS) {
    $('tab-' + tab).hidden = tab !== name;
    $('tab-btn-' + tab).setAttribute('aria-selected', String(tab === name));
  }
  if (location.hash !== '#' + name) history.replaceState(null, '', location.search + '#' + name);
  LOADERS[name]();
}

// ---- the facility: an admin's own, or the one an operator picked ------------------------------------

async function loadFacilities(selectCode) {
  S.facilities = listOf(await C.api('/api/v1/facilities'), 'facilities');
  const select = $('facility-select');
  select.replaceChildren(...S.facilities.map((f) => C.el('option', { value: f.code, text: f.name + ' (' + f.code + ')' })));
  const wanted = selectCode || new URLSearchParams(location.search).get('facility') || (S.facilities[0] || {}).code;
  if (wanted) select.value = wanted;
  useFacility(select.value);
}

function useFacility(code) {
  const facility = S.facilities.find((f) => f.code === code);
  $('settings-tabs').hidden = !facility;
  if (!facility) return;
  S.facility = { code: facility.code, name: facility.name, timeZone: facility.timeZone || facility.zone };
  $('hdr-facility').textContent = S.facility.name;
  for (const link of document.querySelectorAll('a[data-admin-tab]')) {
    link.href = 'admin.html?facility=' + encodeURIComponent(code) + '#' + link.dataset.adminTab;
  }
  history.replaceState(null, '', '?facility=' + encodeURIComponent(code) + location.hash);
  showTab(location.hash.replace(/^#/, ''));
}

async function createFacility(event) {
  event.preventDefault();
  const form = event.target;
  clearError('facility-new-error');
  try {
    const created = await C.api('/api/v1/facilities', { method: 'POST', body: formValues(form) });
    form.reset();
    C.showBanner(t('console.settings.facility.created', created.name || created.code), 'info');
    await loadFacilities(created.code);
  } catch (e) {
    failed(e, 'facility-new-error', null, form);
  }
}

// ---- start ----------------------------------------------------------------------------------------

function wire() {
  C.wireBanner();
  C.setUnauthorizedHandler(() => {
    C.clearSession();
    C.setLoginNotice('console.login.sessionExpired');
    location.href = './';
  });
  document.querySelectorAll('.lang-btn').forEach((b) => b.addEventListener('click', () => {
    if (b.dataset.lang !== S.t.lang) setLanguage(b.dataset.lang, true);
  }));
  document.querySelectorAll('.tab[data-tab]').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
  $('facility-select').addEventListener('change', (e) => useFacility(e.target.value));
  $('facility-new-form').addEventListener('submit', createFacility);
  $('profile-form').addEventListener('submit', saveProfile);
  $('pf-priority-mode').addEventListener('change', (e) => { $('pf-priority-run').disabled = e.target.value === 'first'; });
  wireServices();
  wireClosures();
  wireRooms();
  wireStaff();
  wireBpjs();
  wireNotify();
}

async function boot() {
  wire();
  await setLanguage(C.lang(), false);
  document.body.classList.remove('booting');
  if (!C.token()) {
    gate(t('console.admin.loginFirst'));
    return;
  }
  try {
    S.me = await C.api('/api/v1/auth/me');
  } catch (e) {
    if (e.status !== 401) gate(C.errorText(e, S.t));
    return;
  }
  $('hdr-user').textContent = S.me.name || S.me.username || '';
  if (!isOperator() && !(S.me.permissions || []).includes('ADMIN')) {
    gate(t('console.settings.forbidden'));
    return;
  }
  $('settings-content').hidden = false;
  $('operator-bar').hidden = !isOperator();
  if (isOperator()) {
    await loadFacilities();
  } else {
    S.facilities = [S.me.facility];
    useFacility(S.me.facility.code);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
