/*
 * The reports tab: the facility's figures over a range of its local days (tiles, a table per poli) and the
 * report files (daily and monthly PDF, daily CSV) — fetched with the bearer token, then saved from a Blob.
 */

import { $, C, S, el, path, t } from './admin-state.js';
import { dailyChart, hourlyChart } from './admin-charts.js';

// ---- reports (the facility's figures over a range of its local days) --------------------------------

export const SVG_NS = 'http://www.w3.org/2000/svg';
// transferredIn: patients sent here from another poli, whose wait a poli without numbers of its own still shows.
const COUNTS = ['tickets', 'served', 'skipped', 'noShow', 'cancelled', 'transferred', 'transferredIn'];

/** Today in the facility's time zone (not the browser's), yyyy-mm-dd. */
export function today() {
  return C.localDate(S.facility.timeZone);
}

function isDate(value) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value || '');
}

/** A calendar day plus some days; yyyy-mm-dd in and out, no time zone involved. */
export function addDays(date, days) {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function quickRange(kind) {
  const end = today();
  if (kind === 'week') return { from: addDays(end, -6), to: end };
  if (kind === 'month') return { from: end.slice(0, 8) + '01', to: end };
  return { from: end, to: end };
}

function locale() {
  return S.t.lang === 'en' ? 'en-GB' : 'id-ID';
}

export function count(value) {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(Number(value) || 0);
}

/** Minutes as the PDF shows them: one decimal (10,0 in Bahasa Indonesia, 10.0 in English). */
function decimal(value) {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

export function percent(value) {
  return t('console.reports.percent', new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 })
    .format(Number(value) || 0));
}

/** A calendar day as words, e.g. "Rab, 25 Nov 2026" (the date is a local day already: formatted in UTC). */
export function dayText(date) {
  return C.formatDate(Date.parse(date + 'T00:00:00Z'), 'UTC', S.t.lang);
}

export function dayShort(date) {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', day: 'numeric', month: 'numeric' })
    .format(new Date(date + 'T00:00:00Z'));
}

function monthText(date) {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', month: 'long', year: 'numeric' })
    .format(new Date(date.slice(0, 7) + '-01T00:00:00Z'));
}

export function rangeText(from, to) {
  return from === to ? dayText(from) : t('console.reports.range', dayText(from), dayText(to));
}

export function hourText(hour) {
  return t('console.reports.hour', String(hour).padStart(2, '0'));
}

export function setRange(range) {
  $('reports-from').value = range.from;
  $('reports-to').value = range.to;
  markQuick();
  renderDownloadHint();
}

/** Presses the quick button whose range is the one chosen. */
export function markQuick() {
  const from = $('reports-from').value;
  const to = $('reports-to').value;
  document.querySelectorAll('#reports-quick [data-range]').forEach((button) => {
    const range = quickRange(button.dataset.range);
    button.setAttribute('aria-pressed', String(range.from === from && range.to === to));
  });
}

export function renderDownloadHint() {
  const day = $('reports-from').value;
  $('reports-download-hint').textContent = isDate(day) ? t('console.reports.download.hint', dayText(day), monthText(day)) : '';
}

export async function loadReports(event) {
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

export function renderReports() {
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
    tile('jkn', percent(share(n('jkn'), tickets)), t('console.reports.tile.jkn.sub', count(n('jkn')), count(n('umum')))),
    // Reports BPJS refused for good: only when there are some, they wait for "Kirim ulang" on the console.
    ...(n('bpjsDead') > 0 ? [tile('bpjsDead', count(n('bpjsDead')), t('console.reports.tile.bpjsDead.sub'))] : []));
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

// ---- report files (they need the bearer token: fetched, then saved from a Blob) -----------------------

const DOWNLOADS = {
  dailyPdf: (day) => ({ rest: '/reports/daily.pdf?date=' + day, name: 'laporan-harian-' + day + '.pdf' }),
  monthlyPdf: (day) => ({ rest: '/reports/monthly.pdf?month=' + day.slice(0, 7), name: 'laporan-bulanan-' + day.slice(0, 7) + '.pdf' }),
  // The CSV speaks the console's language, headers and values alike.
  dailyCsv: (day) => ({ rest: '/reports/daily.csv?date=' + day + '&lang=' + (S.t.lang === 'en' ? 'en' : 'id'),
    name: 'laporan-harian-' + day + '.csv' }),
};

export async function download(button) {
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
