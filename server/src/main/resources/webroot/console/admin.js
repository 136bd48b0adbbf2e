/*
 * Admin page of the Antrean console (/console/admin.html), for staff with the ADMIN role: kiosks and displays
 * (issue a token, shown once, with the display's address; revoke), the JKN roster upload (CSV) with its report,
 * the audit log of a day, the reports to BPJS (outbox) with a status filter, and the facility's figures over a
 * range of days (tiles, a table per poli, two inline SVG charts) with the daily and monthly PDF and the daily CSV
 * to download. Uses the session of the console (same tab).
 */
(function () {
  'use strict';

  const C = window.AntreanConsole;
  const el = C.el;
  const $ = (id) => document.getElementById(id);
  const TABS = ['devices', 'roster', 'audit', 'bpjs', 'reports'];

  const S = {
    t: (key) => key,
    me: null,
    facility: null,
    devices: [],
    audit: null,
    roster: null,
    issued: null,
    bpjs: null,
    bpjsFilter: '',
    bpjsSeq: 0,
    reports: null,
    reportsSeq: 0,
    tab: 'devices',
  };
  const t = (key, ...args) => S.t(key, ...args);
  const path = (rest) => C.facilityPath(S.facility.code, rest);

  function dateTime(iso) {
    if (!iso) return '';
    const ms = C.parseTime(iso);
    const zone = S.facility.timeZone;
    return C.formatDate(ms, zone, S.t.lang) + ' ' + C.formatTime(ms, zone, S.t.lang);
  }

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
  }

  // ---- devices --------------------------------------------------------------------------------------

  async function loadDevices() {
    try {
      const answer = await C.api(path('/devices'));
      S.devices = answer.devices || [];
      renderDevices();
    } catch (e) {
      C.showBanner(C.errorText(e, S.t));
    }
  }

  function renderDevices() {
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

  async function addDevice(event) {
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

  function renderIssued() {
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

  async function copyFrom(inputId) {
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

  async function uploadRoster(event) {
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

  function renderRoster() {
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

  async function loadAudit(event) {
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

  function renderAudit() {
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

  async function loadBpjs() {
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

  function renderBpjs() {
    const answer = S.bpjs && S.bpjs.filter === S.bpjsFilter ? S.bpjs : null;
    const counts = (S.bpjs && S.bpjs.counts) || { PENDING: 0, SENT: 0, FAILED: 0 };
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
    $('bpjs-items').replaceChildren(...C.outboxRows(items, S.t, S.facility.timeZone));
    $('bpjs-count').textContent = answer && items.length ? t('console.bpjs.admin.count', items.length) : '';
    $('bpjs-empty').hidden = !answer || items.length > 0;
    $('bpjs-empty').textContent = t(S.bpjsFilter ? 'console.bpjs.empty.' + S.bpjsFilter : 'console.bpjs.empty');
  }

  // ---- reports (the facility's figures over a range of its local days) --------------------------------

  const SVG_NS = 'http://www.w3.org/2000/svg';
  const COUNTS = ['tickets', 'served', 'skipped', 'noShow', 'cancelled', 'transferred'];

  /** Today in the facility's time zone (not the browser's), yyyy-mm-dd. */
  function today() {
    return C.localDate(S.facility.timeZone);
  }

  function isDate(value) {
    return /^\d{4}-\d{2}-\d{2}$/.test(value || '');
  }

  /** A calendar day plus some days; yyyy-mm-dd in and out, no time zone involved. */
  function addDays(date, days) {
    const d = new Date(date + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function quickRange(kind) {
    const end = today();
    if (kind === 'week') return { from: addDays(end, -6), to: end };
    if (kind === 'month') return { from: end.slice(0, 8) + '01', to: end };
    return { from: end, to: end };
  }

  function locale() {
    return S.t.lang === 'en' ? 'en-GB' : 'id-ID';
  }

  function count(value) {
    return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(Number(value) || 0);
  }

  /** Minutes as the PDF shows them: one decimal (10,0 in Bahasa Indonesia, 10.0 in English). */
  function decimal(value) {
    return new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  }

  function percent(value) {
    return t('console.reports.percent', new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 })
      .format(Number(value) || 0));
  }

  /** A calendar day as words, e.g. "Rab, 25 Nov 2026" (the date is a local day already: formatted in UTC). */
  function dayText(date) {
    return C.formatDate(Date.parse(date + 'T00:00:00Z'), 'UTC', S.t.lang);
  }

  function dayShort(date) {
    return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', day: 'numeric', month: 'numeric' })
      .format(new Date(date + 'T00:00:00Z'));
  }

  function monthText(date) {
    return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', month: 'long', year: 'numeric' })
      .format(new Date(date.slice(0, 7) + '-01T00:00:00Z'));
  }

  function rangeText(from, to) {
    return from === to ? dayText(from) : t('console.reports.range', dayText(from), dayText(to));
  }

  function hourText(hour) {
    return t('console.reports.hour', String(hour).padStart(2, '0'));
  }

  function setRange(range) {
    $('reports-from').value = range.from;
    $('reports-to').value = range.to;
    markQuick();
    renderDownloadHint();
  }

  /** Presses the quick button whose range is the one chosen. */
  function markQuick() {
    const from = $('reports-from').value;
    const to = $('reports-to').value;
    document.querySelectorAll('#reports-quick [data-range]').forEach((button) => {
      const range = quickRange(button.dataset.range);
      button.setAttribute('aria-pressed', String(range.from === from && range.to === to));
    });
  }

  function renderDownloadHint() {
    const day = $('reports-from').value;
    $('reports-download-hint').textContent = isDate(day) ? t('console.reports.download.hint', dayText(day), monthText(day)) : '';
  }

  async function loadReports(event) {
    if (event) event.preventDefault();
    const from = $('reports-from').value;
    const to = $('reports-to').value;
    if (!isDate(from) || !isDate(to)) {
      C.showBanner(t('console.reports.error.date'));
      $(isDate(from) ? 'reports-to' : 'reports-from').focus();
      return;
    }
    if (to < from) {
      C.showBanner(t('console.reports.error.range'));
      $('reports-to').focus();
      return;
    }
    markQuick();
    renderDownloadHint();
    const seq = ++S.reportsSeq;
    $('reports-reload').classList.add('is-busy');
    try {
      const answer = await C.api(path('/stats?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to)));
      if (seq !== S.reportsSeq) return;
      S.reports = answer;
      renderReports();
    } catch (e) {
      if (seq === S.reportsSeq) C.showBanner(C.errorText(e, S.t));
    } finally {
      if (seq === S.reportsSeq) $('reports-reload').classList.remove('is-busy');
    }
  }

  function renderReports() {
    const stats = S.reports;
    renderDownloadHint();
    $('reports-heading').textContent = stats ? t('console.reports.heading', rangeText(stats.from, stats.to))
      : t('console.reports.summary');
    const totals = (stats && stats.totals) || {};
    const some = !!stats && Number(totals.tickets) > 0;
    $('reports-empty').hidden = !stats || some;
    $('reports-tiles').hidden = !some;
    $('reports-services-box').hidden = !some;
    $('reports-charts').hidden = !some;
    $('tab-reports').dataset.shown = stats ? stats.from + '/' + stats.to : '';
    if (!some) {
      $('reports-tiles').replaceChildren();
      $('reports-services').replaceChildren();
      $('reports-services-total').replaceChildren();
      $('reports-hourly').replaceChildren();
      $('reports-daily').replaceChildren();
      return;
    }
    renderTiles(totals);
    renderServices(stats.perService || [], totals);
    $('reports-hourly').replaceChildren(hourlyChart(stats));
    $('reports-daily').replaceChildren(dailyChart(stats));
  }

  function tile(kind, value, sub) {
    return el('div', { class: 'kpi', dataset: { kpi: kind } },
      el('span', { class: 'kpi-label', text: t('console.reports.tile.' + kind) }),
      el('strong', { class: 'kpi-value', text: value }),
      sub ? el('span', { class: 'kpi-sub', text: sub }) : null);
  }

  function share(part, whole) {
    return whole > 0 ? Math.round(1000 * part / whole) / 10 : 0;
  }

  function renderTiles(totals) {
    const n = (key) => Number(totals[key]) || 0;
    const tickets = n('tickets');
    $('reports-tiles').replaceChildren(
      tile('tickets', count(tickets), t('console.reports.tile.tickets.sub', count(n('walkIn')), count(n('online')))),
      tile('served', count(n('served')), t('console.reports.tile.served.sub', percent(share(n('served'), tickets)))),
      tile('skipped', count(n('skipped') + n('noShow')), t('console.reports.tile.skipped.sub', count(n('skipped')), count(n('noShow')))),
      tile('cancelled', count(n('cancelled')), t('console.reports.tile.cancelled.sub', percent(share(n('cancelled'), tickets)))),
      tile('online', percent(totals.onlineShare !== undefined ? totals.onlineShare : share(n('online'), tickets)),
        t('console.reports.tile.online.sub', count(n('online')), count(tickets))),
      tile('jkn', percent(share(n('jkn'), tickets)), t('console.reports.tile.jkn.sub', count(n('jkn')), count(n('umum')))));
  }

  /** "median / p90" in minutes, or a dash when nobody was called (or served) there. */
  function minutesCell(kind, times) {
    const known = times && times.median !== null && times.median !== undefined && times.p90 !== null && times.p90 !== undefined;
    return el('td', { class: 'num nowrap', dataset: { col: kind },
      title: known ? t('console.reports.minutes.title', decimal(times.median), decimal(times.p90)) : null,
      text: known ? t('console.reports.minutes', decimal(times.median), decimal(times.p90)) : t('console.reports.none') });
  }

  function renderServices(services, totals) {
    $('reports-services').replaceChildren(...services.map((service) => {
      const quiet = !Number(service.tickets) && !(service.wait && service.wait.median !== null && service.wait.median !== undefined);
      return el('tr', { class: quiet ? 'is-quiet' : '', dataset: { service: service.code } },
        el('th', { scope: 'row' }, el('strong', { text: service.name || service.code })),
        ...COUNTS.map((key) => el('td', { class: 'num nowrap', dataset: { col: key }, text: count(service[key]) })),
        minutesCell('wait', service.wait),
        minutesCell('service', service.service));
    }));
    $('reports-services-total').replaceChildren(el('tr', { class: 'is-total' },
      el('th', { scope: 'row', text: t('console.reports.total') }),
      ...COUNTS.map((key) => el('td', { class: 'num nowrap', dataset: { col: key }, text: count(totals[key]) })),
      el('td'), el('td')));
  }

  // ---- charts: plain inline SVG (no library: the console works offline) --------------------------------

  const CHART = { width: 540, height: 240, left: 40, right: 10, top: 18, bottom: 30 };

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** An <svg role="img"> titled and described for screen readers, with its grid and y labels. */
  function chartFrame(id, title, desc, ticks, label) {
    const { width, height, left, right, top, bottom } = CHART;
    const plotHeight = height - top - bottom;
    const top0 = ticks[ticks.length - 1] || 1;
    const y = (value) => top + plotHeight - (plotHeight * value) / top0;
    const root = svg('svg', { class: 'chart-svg', viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-labelledby': id + '-title ' + id + '-desc', preserveAspectRatio: 'xMidYMid meet' },
      svg('title', { id: id + '-title' }, title),
      svg('desc', { id: id + '-desc' }, desc));
    for (const tick of ticks) {
      root.append(svg('line', { class: tick === 0 ? 'chart-axis' : 'chart-grid', x1: left, x2: width - right, y1: y(tick), y2: y(tick) }),
        svg('text', { class: 'chart-label', x: left - 6, y: y(tick) + 4, 'text-anchor': 'end', 'aria-hidden': 'true' }, label(tick)));
    }
    return { root, y, plotWidth: width - left - right };
  }

  /** 0, step, 2·step … up to a round top at or above max (at most about five lines). */
  function ticksUpTo(max) {
    if (max <= 5) return Array.from({ length: Math.max(1, max) + 1 }, (_, i) => i);
    const rough = max / 4;
    const power = Math.pow(10, Math.floor(Math.log10(rough)));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough);
    const ticks = [];
    for (let v = 0; v < max + step; v += step) ticks.push(v);
    return ticks;
  }

  /** Bars of arrivals per local hour, over the working hours (07–16) widened to any hour with arrivals. */
  function hourlyChart(stats) {
    const hours = (stats.perHour || []).map((h) => ({ hour: Number(h.hour), value: Number(h.tickets) || 0 }));
    const busy = hours.filter((h) => h.value > 0);
    if (!busy.length) return el('p', { class: 'empty', text: t('console.reports.hourly.none') });
    const first = Math.min(7, busy[0].hour);
    const last = Math.max(16, busy[busy.length - 1].hour);
    const shown = hours.filter((h) => h.hour >= first && h.hour <= last);
    const peak = busy.reduce((a, b) => (b.value > a.value ? b : a));
    const total = busy.reduce((sum, h) => sum + h.value, 0);
    const ticks = ticksUpTo(peak.value);
    const frame = chartFrame('reports-hourly-svg', t('console.reports.hourly.chart', rangeText(stats.from, stats.to)),
      t('console.reports.hourly.desc', t('console.reports.hours', hourText(peak.hour), hourText(peak.hour + 1)),
        count(peak.value), count(total)), ticks, count);
    const band = frame.plotWidth / shown.length;
    const baseline = frame.y(0);
    shown.forEach((h, i) => {
      const x = CHART.left + i * band;
      const top = frame.y(h.value);
      const label = t('console.reports.hourly.bar', t('console.reports.hours', hourText(h.hour), hourText(h.hour + 1)),
        count(h.value));
      frame.root.append(svg('rect', { class: 'chart-bar', x: (x + band * 0.15).toFixed(1), y: top.toFixed(1),
        width: (band * 0.7).toFixed(1), height: Math.max(0, baseline - top).toFixed(1),
        'data-hour': h.hour, 'data-value': h.value }, svg('title', {}, label)));
      if (h.value > 0) {
        frame.root.append(svg('text', { class: 'chart-value', x: (x + band / 2).toFixed(1), y: (top - 4).toFixed(1),
          'text-anchor': 'middle', 'aria-hidden': 'true' }, count(h.value)));
      }
      frame.root.append(svg('text', { class: 'chart-label', x: (x + band / 2).toFixed(1), y: CHART.height - CHART.bottom + 16,
        'text-anchor': 'middle', 'aria-hidden': 'true' }, String(h.hour).padStart(2, '0')));
    });
    return frame.root;
  }

  /** The online share of each day of the range as a line with dots; a day without tickets is a gap. */
  function dailyChart(stats) {
    const byDate = new Map((stats.perDay || []).map((d) => [d.date, d]));
    const days = [];
    for (let day = stats.from; day <= stats.to && days.length < 400; day = addDays(day, 1)) days.push(day);
    const withTickets = days.filter((day) => byDate.has(day) && Number(byDate.get(day).tickets) > 0);
    const frame = chartFrame('reports-daily-svg', t('console.reports.daily.chart', rangeText(stats.from, stats.to)),
      t('console.reports.daily.desc', percent(stats.totals.onlineShare), count(withTickets.length), count(days.length)),
      [0, 25, 50, 75, 100], (v) => percent(v));
    const band = frame.plotWidth / days.length;
    const x = (i) => CHART.left + i * band + band / 2;
    const labelEvery = Math.ceil(days.length / 10);
    let line = '';
    let previous = -2;
    days.forEach((day, i) => {
      const d = byDate.get(day);
      if (i % labelEvery === 0) {
        frame.root.append(svg('text', { class: 'chart-label', x: x(i).toFixed(1), y: CHART.height - CHART.bottom + 16,
          'text-anchor': 'middle', 'aria-hidden': 'true' }, dayShort(day)));
      }
      if (!d || !(Number(d.tickets) > 0)) return;
      const y = frame.y(Number(d.onlineShare) || 0);
      line += (previous === i - 1 ? ' L ' : ' M ') + x(i).toFixed(1) + ' ' + y.toFixed(1);
      previous = i;
    });
    frame.root.append(svg('path', { class: 'chart-line', d: line.trim() }));
    days.forEach((day, i) => {
      const d = byDate.get(day);
      if (!d || !(Number(d.tickets) > 0)) return;
      const value = Number(d.onlineShare) || 0;
      const y = frame.y(value);
      frame.root.append(svg('circle', { class: 'chart-dot', cx: x(i).toFixed(1), cy: y.toFixed(1), r: 4.5,
        'data-date': day, 'data-value': value },
        svg('title', {}, t('console.reports.daily.point', dayText(day), percent(value), count(d.online), count(d.tickets)))));
      if (withTickets.length <= 14) {
        frame.root.append(svg('text', { class: 'chart-value', x: x(i).toFixed(1), y: (y - 9).toFixed(1),
          'text-anchor': 'middle', 'aria-hidden': 'true' }, percent(value)));
      }
    });
    return frame.root;
  }

  // ---- report files (they need the bearer token: fetched, then saved from a Blob) -----------------------

  const DOWNLOADS = {
    dailyPdf: (day) => ({ rest: '/reports/daily.pdf?date=' + day, name: 'laporan-harian-' + day + '.pdf' }),
    monthlyPdf: (day) => ({ rest: '/reports/monthly.pdf?month=' + day.slice(0, 7), name: 'laporan-bulanan-' + day.slice(0, 7) + '.pdf' }),
    dailyCsv: (day) => ({ rest: '/reports/daily.csv?date=' + day, name: 'laporan-harian-' + day + '.csv' }),
  };

  async function download(button) {
    const day = $('reports-from').value;
    if (!isDate(day)) {
      C.showBanner(t('console.reports.error.date'));
      $('reports-from').focus();
      return;
    }
    const file = DOWNLOADS[button.dataset.download](day);
    button.disabled = true;
    button.classList.add('is-busy');
    try {
      const blob = await C.api(path(file.rest), { blob: true });
      saveBlob(blob, file.name);
      C.showBanner(t('console.reports.download.done', file.name), 'info');
    } catch (e) {
      C.showBanner(C.errorText(e, S.t));
    } finally {
      button.disabled = false;
      button.classList.remove('is-busy');
    }
  }

  /** Saves a Blob through a temporary <a download>; the object URL is let go once the browser has taken it. */
  function saveBlob(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: name, class: 'offscreen' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
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
    S.facility = me.facility;
    $('hdr-facility').textContent = me.facility.name || me.facility.code;
    $('hdr-user').textContent = me.name || me.username || '';
    $('btn-logout').hidden = false;
    if (!(me.role === 'ADMIN' || (me.permissions || []).includes('ADMIN'))) {
      gate(t('console.admin.forbidden'));
      return;
    }
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
})();
