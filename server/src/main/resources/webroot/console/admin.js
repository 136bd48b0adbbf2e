/*
 * Admin page of the Antrean console (/console/admin.html), for staff with the ADMIN role: kiosks and displays
 * (issue a token, shown once, with the display's address; revoke), the JKN roster upload (CSV) with its report,
 * the audit log of a day, the reports to BPJS (outbox) with a status filter, and the facility's figures over a
 * range of days (tiles, a table per poli, two inline SVG charts) with the daily and monthly PDF and the daily CSV
 * to download. Uses the session of the console (same tab). The entry module: language, the ADMIN gate, the tabs,
 * and the start.
 */

import { $, C, S, TABS, t } from './admin-state.js';
import { loadBackups, takeBackup } from './admin-backups.js';
import {
  addDevice,
  copyFrom,
  loadAudit,
  loadBpjs,
  loadDevices,
  renderAudit,
  renderBpjs,
  renderDevices,
  renderIssued,
  renderRoster,
  uploadRoster,
} from './admin-tabs.js';
import {
  download,
  loadReports,
  markQuick,
  quickRange,
  renderDownloadHint,
  renderReports,
  setRange,
  today,
} from './admin-reports.js';

// ---- language -------------------------------------------------------------------------------------

async function setLanguage(language, rerender) {
  C.setLang(language);
  S.t = await C.loadTexts(language);
  C.applyTexts(document, S.t);
  document.title = t('console.admin.title');
  if (!rerender || !S.me) return;
  C.hideBanner();
  renderDevices();
  renderIssued();
  renderRoster();
  renderAudit();
  renderBpjs();
  renderReports();
}

// ---- gate -----------------------------------------------------------------------------------------

function gate(text) {
  $('admin-gate-text').textContent = text;
  $('admin-gate').hidden = false;
  $('admin-content').hidden = true;
}

function toLogin(noticeKey) {
  C.clearSession();
  if (noticeKey) C.setLoginNotice(noticeKey);
  location.href = './';
}

async function logout() {
  try {
    await C.api('/api/v1/auth/logout', { method: 'POST', noAuthRedirect: true });
  } catch (e) { /* the token goes anyway */ }
  toLogin('console.login.loggedOut');
}

// ---- tabs -----------------------------------------------------------------------------------------

function showTab(name) {
  if (!TABS.includes(name)) name = 'devices';
  S.tab = name;
  for (const tab of TABS) {
    $('tab-' + tab).hidden = tab !== name;
    $('tab-btn-' + tab).setAttribute('aria-selected', String(tab === name));
  }
  if (location.hash !== '#' + name) history.replaceState(null, '', '#' + name);
  if (name === 'devices') loadDevices();
  if (name === 'audit' && !S.audit) loadAudit();
  if (name === 'bpjs') loadBpjs();
  if (name === 'reports' && !S.reports) loadReports();
  if (name === 'backups') loadBackups();
}

// ---- start ----------------------------------------------------------------------------------------

function wire() {
  C.wireBanner();
  C.setUnauthorizedHandler(() => toLogin('console.login.sessionExpired'));
  document.querySelectorAll('.lang-btn').forEach((button) => {
    button.addEventListener('click', () => {
      if (button.dataset.lang !== S.t.lang) setLanguage(button.dataset.lang, true);
    });
  });
  $('btn-logout').addEventListener('click', logout);
  document.querySelectorAll('.tab[data-tab]').forEach((button) => {
    button.addEventListener('click', () => showTab(button.dataset.tab));
  });
  $('device-form').addEventListener('submit', addDevice);
  $('devices-reload').addEventListener('click', loadDevices);
  $('device-url-copy').addEventListener('click', () => copyFrom('device-url'));
  $('device-token-copy').addEventListener('click', () => copyFrom('device-token'));
  $('device-token-done').addEventListener('click', () => {
    S.issued = null;
    renderIssued();
  });
  $('roster-form').addEventListener('submit', uploadRoster);
  $('audit-form').addEventListener('submit', loadAudit);
  $('bpjs-reload').addEventListener('click', loadBpjs);
  $('backups-reload').addEventListener('click', loadBackups);
  $('backups-take').addEventListener('click', takeBackup);
  $('reports-form').addEventListener('submit', loadReports);
  $('reports-reload').addEventListener('click', () => loadReports());
  $('reports-from').addEventListener('change', () => {
    markQuick();
    renderDownloadHint();
  });
  $('reports-to').addEventListener('change', markQuick);
  document.querySelectorAll('#reports-quick [data-range]').forEach((button) => {
    button.addEventListener('click', () => {
      setRange(quickRange(button.dataset.range));
      loadReports();
    });
  });
  document.querySelectorAll('.reports-downloads [data-download]').forEach((button) => {
    button.addEventListener('click', () => download(button));
  });
}

async function boot() {
  wire();
  await setLanguage(C.lang(), false);
  document.body.classList.remove('booting');
  if (!C.token()) {
    gate(t('console.admin.loginFirst'));
    return;
  }
  let me;
  try {
    me = await C.api('/api/v1/auth/me');
  } catch (e) {
    if (e.status !== 401) gate(C.errorText(e, S.t));
    return;
  }
  S.me = me;
  $('hdr-user').textContent = me.name || me.username || '';
  $('btn-logout').hidden = false;
  if (me.role === 'OPERATOR') {
    // A district's operator comes from the settings page with the facility it works on.
    const code = new URLSearchParams(location.search).get('facility');
    const facilities = (await C.api('/api/v1/facilities')).facilities || [];
    me.facility = facilities.find((f) => f.code === code) || null;
    if (!me.facility) {
      gate(t('console.admin.pickFacility'));
      return;
    }
  } else if (!(me.role === 'ADMIN' || (me.permissions || []).includes('ADMIN'))) {
    gate(t('console.admin.forbidden'));
    return;
  }
  S.facility = me.facility;
  $('hdr-facility').textContent = me.facility.name || me.facility.code;
  $('admin-content').hidden = false;
  $('audit-date').value = C.localDate(me.facility.timeZone);
  $('audit-date').max = C.localDate(me.facility.timeZone);
  setRange(quickRange('today'));
  $('reports-from').max = today();
  $('reports-to').max = today();
  showTab(location.hash.replace(/^#/, ''));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
