/*
 * The admin page's working tabs: kiosks and displays (a token shown once, revoke), the JKN roster upload with
 * its report, the audit log of a day, and the reports to BPJS (the outbox) with a status filter.
 */

import { $, C, S, dateTime, el, path, t } from './admin-state.js';

// ---- devices --------------------------------------------------------------------------------------

export async function loadDevices() {
  try {
    const answer = await C.api(path('/devices'));
    S.devices = answer.devices || [];
    renderDevices();
  } catch (e) {
    C.showBanner(C.errorText(e, S.t));
  }
}

export function renderDevices() {
  const body = $('devices');
  const devices = S.devices.slice().sort((a, b) => (a.revokedAt ? 1 : 0) - (b.revokedAt ? 1 : 0) || b.id - a.id);
  body.replaceChildren(...devices.map((device) => {
    const revoked = !!device.revokedAt;
    let action = null;
    if (!revoked) {
      action = el('button', { type: 'button', class: 'btn btn-small btn-danger-text', dataset: { device: device.id } },
        t('console.devices.revoke'));
      action.addEventListener('click', () => revokeDevice(device));
    }
    return el('tr', { class: revoked ? 'is-revoked' : '', dataset: { deviceId: device.id } },
      el('td', {}, el('strong', { text: device.name })),
      el('td', { text: t('console.devices.kind.' + device.kind) }),
      el('td', { class: 'nowrap', text: dateTime(device.createdAt) }),
      el('td', { text: device.createdBy || '' }),
      el('td', {}, revoked
        ? el('span', { class: 'pill status-CANCELLED', text: t('console.devices.revokedAt', dateTime(device.revokedAt)) })
        : el('span', { class: 'pill status-SERVING', text: t('console.devices.active') })),
      el('td', {}, action));
  }));
  $('devices-empty').hidden = devices.length > 0;
}

export async function addDevice(event) {
  event.preventDefault();
  const error = $('device-error');
  error.hidden = true;
  const name = $('device-name').value.trim();
  const kind = $('device-kind').value;
  if (!name) {
    error.textContent = t('console.devices.name.required');
    error.hidden = false;
    $('device-name').focus();
    return;
  }
  const button = $('device-submit');
  button.disabled = true;
  try {
    const device = await C.api(path('/devices'), { method: 'POST', body: { name, kind } });
    S.issued = device;
    $('device-name').value = '';
    renderIssued();
    $('device-token-box').scrollIntoView({ block: 'nearest' });
    loadDevices();
  } catch (e) {
    C.showBanner(C.errorText(e, S.t));
  } finally {
    button.disabled = false;
  }
}

function displayUrl(token) {
  return location.origin + '/display/' + encodeURIComponent(S.facility.code) + '#token=' + encodeURIComponent(token);
}

export function renderIssued() {
  const box = $('device-token-box');
  const device = S.issued;
  box.hidden = !device;
  if (!device) return;
  $('device-token-title').textContent = t('console.devices.token.title', device.name);
  $('device-token').value = device.token || '';
  const isDisplay = device.kind === 'DISPLAY';
  $('device-url-box').hidden = !isDisplay;
  if (isDisplay) {
    const url = displayUrl(device.token);
    $('device-url').value = url;
    $('device-url-open').href = url;
  }
}

export async function copyFrom(inputId) {
  const input = $(inputId);
  const ok = await C.copyText(input.value);
  if (ok) C.showBanner(t('console.devices.copied'), 'info');
  else {
    input.focus();
    input.select();
    C.showBanner(t('console.devices.copyFailed'));
  }
}

async function revokeDevice(device) {
  const ok = await C.confirmDialog({ title: t('console.devices.revoke.title', device.name),
    body: t('console.devices.revoke.body'), ok: t('console.devices.revoke.ok'), back: t('console.dialog.back'),
    danger: true });
  if (!ok) return;
  try {
    await C.api(path('/devices/' + encodeURIComponent(device.id)), { method: 'DELETE' });
    C.showBanner(t('console.devices.revoked', device.name), 'info');
    if (S.issued && S.issued.id === device.id) {
      S.issued = null;
      renderIssued();
    }
    loadDevices();
  } catch (e) {
    C.showBanner(C.errorText(e, S.t));
  }
}

// ---- roster ---------------------------------------------------------------------------------------

export async function uploadRoster(event) {
  event.preventDefault();
  const file = $('roster-file').files[0];
  if (!file) {
    C.showBanner(t('console.roster.noFile'));
    $('roster-file').focus();
    return;
  }
  const button = $('roster-submit');
  button.disabled = true;
  button.textContent = t('console.roster.uploading');
  try {
    S.roster = await C.api(path('/roster'), { method: 'POST', rawBody: file, contentType: 'text/csv' });
    S.roster.fileName = file.name;
    renderRoster();
  } catch (e) {
    C.showBanner(C.errorText(e, S.t));
  } finally {
    button.disabled = false;
    button.textContent = t('console.roster.submit');
  }
}

export function renderRoster() {
  const report = S.roster;
  $('roster-report').hidden = !report;
  if (!report) return;
  const rejected = report.rejected || [];
  // The server lists the first refused rows only (by line) and counts them all.
  const rejectedCount = report.rejectedCount ?? rejected.length;
  $('roster-summary').replaceChildren(
    el('span', { class: 'stat', text: t('console.roster.report.rows', report.rows, report.fileName || '') }),
    el('span', { class: 'stat', text: t('console.roster.report.accepted', report.accepted, report.added, report.updated) }),
    el('span', { class: 'stat' + (rejectedCount ? ' rejected' : ''), text: t('console.roster.report.rejected', rejectedCount) }));
  $('roster-rejected').replaceChildren(...rejected.map((row) => el('tr', {},
    el('td', { class: 'nowrap', text: String(row.line) }),
    el('td', { text: row.message ? (row.message[S.t.lang] || row.message.id || row.message.en) : row.code }))));
  $('roster-rejected-more').hidden = rejectedCount <= rejected.length;
  $('roster-rejected-more').textContent = t('console.roster.rejected.more', rejected.length, rejectedCount);
  $('roster-rejected-box').hidden = rejected.length === 0;
  $('roster-all-good').hidden = rejected.length > 0;
}

// ---- audit log ------------------------------------------------------------------------------------

export async function loadAudit(event) {
  if (event) event.preventDefault();
  const date = $('audit-date').value || C.localDate(S.facility.timeZone);
  try {
    S.audit = await C.api(path('/audit?date=' + encodeURIComponent(date)));
    renderAudit();
  } catch (e) {
    C.showBanner(C.errorText(e, S.t));
  }
}

function actionText(action) {
  const key = 'console.audit.action.' + action;
  return S.t.has(key) ? t(key) : action;
}

/** A short reading of an entry's details, e.g. "Ruang Umum 1 · out of turn" or "UMUM → LAB". */
function detailsText(entry) {
  const d = entry.details || {};
  const parts = [];
  if (d.counter) parts.push(t('console.audit.counter', d.counter));
  if (d.outOfTurn) parts.push(t('console.audit.outOfTurn'));
  if (d.next) parts.push(t('console.audit.next'));
  if (d.byNextCall) parts.push(t('console.audit.byNextCall'));
  if (d.from || d.to) parts.push(t('console.audit.transfer', d.from || '?', d.to || '?'));
  if (entry.action === 'ROSTER_IMPORTED') {
    parts.push(t('console.audit.roster', d.rows, d.added, d.updated, d.rejected));
  } else if (d.name || d.kind) {
    parts.push(t('console.audit.device', d.name || ('#' + d.device),
      d.kind ? t('console.devices.kind.' + d.kind) : ''));
  } else if (d.device) {
    parts.push(t('console.audit.deviceId', d.device));
  }
  const known = new Set(['counter', 'outOfTurn', 'next', 'byNextCall', 'from', 'to', 'rows', 'added', 'updated',
    'rejected', 'accepted', 'name', 'kind', 'device']);
  for (const [key, value] of Object.entries(d)) {
    if (!known.has(key)) parts.push(key + ': ' + (typeof value === 'object' ? JSON.stringify(value) : value));
  }
  return parts.join(' · ');
}

export function renderAudit() {
  const audit = S.audit;
  const entries = audit ? audit.entries || [] : [];
  $('audit-heading').textContent = audit ? t('console.audit.heading', audit.date) : t('console.audit.title');
  $('audit-count').textContent = audit ? t('console.audit.count', entries.length) : '';
  const zone = S.facility.timeZone;
  $('audit-entries').replaceChildren(...entries.map((entry) => el('tr', {},
    el('td', { class: 'nowrap', text: C.formatTime(entry.at, zone, S.t.lang, true) }),
    el('td', {}, entry.actor ? entry.actor.name : '',
      entry.actor && entry.actor.kind ? el('span', { class: 'muted', text: ' (' + t('console.audit.actor.' + entry.actor.kind) + ')' }) : null),
    el('td', {}, el('strong', { text: actionText(entry.action) })),
    el('td', { class: 'nowrap', text: entry.ticket ? entry.ticket.label || ('#' + entry.ticket.id) : '' }),
    el('td', { text: detailsText(entry) }))));
  $('audit-empty').hidden = !audit || entries.length > 0;
}

// ---- reports to BPJS (outbox) -----------------------------------------------------------------------

export async function loadBpjs() {
  const seq = ++S.bpjsSeq;
  const filter = S.bpjsFilter;
  $('bpjs-reload').classList.add('is-busy');
  try {
    const answer = await C.loadOutbox(S.facility.code, filter);
    if (seq !== S.bpjsSeq) return;
    S.bpjs = Object.assign({ filter }, answer);
    renderBpjs();
  } catch (e) {
    if (seq === S.bpjsSeq) C.showBanner(C.errorText(e, S.t));
  } finally {
    if (seq === S.bpjsSeq) $('bpjs-reload').classList.remove('is-busy');
  }
}

export function renderBpjs() {
  const answer = S.bpjs && S.bpjs.filter === S.bpjsFilter ? S.bpjs : null;
  const counts = (S.bpjs && S.bpjs.counts) || { PENDING: 0, SENT: 0, DEAD: 0 };
  C.outboxFilterButtons($('bpjs-filter'), counts, S.bpjsFilter, S.t, (status) => {
    S.bpjsFilter = status;
    renderBpjs();
    loadBpjs();
  });
  const state = S.bpjs ? C.outboxState(S.bpjs) : null;
  const pill = $('bpjs-state');
  pill.hidden = !state;
  if (state) {
    pill.className = 'pill bpjs-state-' + state;
    pill.textContent = t('console.bpjs.state.' + state);
  }
  const items = answer ? answer.items || [] : [];
  $('bpjs-items').replaceChildren(...C.outboxRows(items, S.t, S.facility.timeZone, async (item) => {
    try {
      await C.resendOutbox(S.facility.code, item.id);
    } catch (e) {
      C.showBanner(C.errorText(e, S.t), 'error');
    }
    await loadBpjs();
  }));
  $('bpjs-count').textContent = answer && items.length ? t('console.bpjs.admin.count', items.length) : '';
  $('bpjs-empty').hidden = !answer || items.length > 0;
  $('bpjs-empty').textContent = t(S.bpjsFilter ? 'console.bpjs.empty.' + S.bpjsFilter : 'console.bpjs.empty');
}
