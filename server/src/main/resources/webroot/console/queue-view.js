/*
 * Drawing the console: the counter's current ticket and its buttons, the waiting lists per service (with the
 * online bookings not checked in yet), the parked and skipped tickets, and the minutes each one waits.
 */

import { $, C, ELIGIBILITY, LONG_WAIT_MIN, S, VERY_LONG_WAIT_MIN, el, groupsKey, store, stored, t } from './state.js';
import { serviceName } from './session.js';
import { bookedOf, currentTicket, inLineSince, notListed, notYet, waitingOf } from './live-queue.js';
import { callThis, cancelTicket, checkIn, printTicket, reloadBoardSoon, rowAction } from './counter-actions.js';
import { openDetail } from './ticket-detail.js';

// ---- rendering ------------------------------------------------------------------------------------

export function scheduleRender() {
  if (S.renderTimer) return;
  S.renderTimer = setTimeout(() => {
    S.renderTimer = null;
    renderAll();
  }, 15);
}

export function renderAll() {
  if (document.body.dataset.screen !== 'console' || !S.counter) return;
  renderCurrent();
  renderButtons();
  renderWaiting();
  renderParkedAndSkipped();
}

function minutesSince(value) {
  const ms = typeof value === 'number' ? value : C.parseTime(value);
  if (Number.isNaN(ms)) return 0;
  return Math.max(0, Math.floor((Date.now() - ms) / 60000));
}

function eligibilityReason(ticket) {
  if (ticket.payer !== 'JKN') return null;
  const reason = ticket.eligibility && ticket.eligibility.reason;
  return ELIGIBILITY.has(reason) ? reason : 'UNVERIFIED';
}

export function eligibilityBadge(reason, source) {
  const title = t('console.elig.title.' + reason) + (source ? ' · ' + t('console.elig.source.' + source) : '');
  return el('span', { class: 'badge elig elig-' + reason, title, dataset: { eligibility: reason } },
    t('console.elig.' + reason));
}

export function ticketBadges(ticket, options = {}) {
  const badges = [];
  if (ticket.priority) badges.push(el('span', { class: 'badge badge-priority', text: t('console.row.priority') }));
  badges.push(el('span', { class: 'badge badge-payer payer-' + ticket.payer, text: t('console.payer.' + ticket.payer) }));
  const reason = eligibilityReason(ticket);
  if (reason) badges.push(eligibilityBadge(reason, ticket.eligibility && ticket.eligibility.source));
  if (!options.noSource) {
    badges.push(el('span', { class: 'badge badge-source source-' + ticket.source, text: t('console.source.' + ticket.source) }));
  }
  if (options.card && ticket.cardNumberMasked) {
    badges.push(el('span', { class: 'badge badge-plain',
      text: t('console.row.card', ticket.cardNumberMasked.replace(/^\*+/, '…')) }));
  }
  return badges;
}

function renderCurrent() {
  const ticket = currentTicket();
  const box = $('current');
  box.dataset.state = ticket ? ticket.status.toLowerCase() : 'none';
  const label = $('current-label');
  label.textContent = ticket ? ticket.label : t('console.current.none');
  label.dataset.ticketId = ticket ? ticket.id : '';
  const status = $('current-status');
  status.hidden = !ticket;
  if (ticket) {
    status.textContent = t('console.status.' + ticket.status);
    status.className = 'pill status-' + ticket.status;
  }
  let service = '';
  if (ticket) {
    service = ticket.serviceName || serviceName(ticket.service);
    if (ticket.homeService && ticket.homeService !== ticket.service) {
      service += ' · ' + t('console.current.from', serviceName(ticket.homeService));
    }
  }
  $('current-service').textContent = service;
  $('current-badges').replaceChildren(...(ticket ? ticketBadges(ticket, { card: true }) : []));
  renderCurrentTimes(ticket);
  $('current-hint').textContent = ticket ? '' : t('console.current.hint.NONE');
  if (!ticket) label.classList.remove('flash');
  if (ticket && S.flashId === ticket.id) {
    S.flashId = null;
    label.classList.remove('flash');
    void label.offsetWidth; // restart the animation
    label.classList.add('flash');
  }
}

function renderCurrentTimes(ticket) {
  const zone = S.facility.timeZone;
  const parts = [];
  if (ticket && ticket.calledAt) {
    parts.push(t('console.current.calledAt', C.formatTime(ticket.calledAt, zone, S.t.lang), minutesSince(ticket.calledAt)));
  }
  if (ticket && ticket.callCount > 1) parts.push(t('console.current.callCount', ticket.callCount));
  if (ticket && ticket.startedAt) parts.push(t('console.current.startedAt', C.formatTime(ticket.startedAt, zone, S.t.lang)));
  // A booking was made days ahead maybe: its estimated time says more than the time it was made.
  if (ticket && ticket.source === 'ONLINE' && ticket.estimatedAt) {
    parts.push(t('console.current.estimatedAt', C.formatTime(ticket.estimatedAt, zone, S.t.lang)));
  } else if (ticket && ticket.issuedAt) {
    parts.push(t('console.current.issuedAt', C.formatTime(ticket.issuedAt, zone, S.t.lang)));
  }
  $('current-times').textContent = parts.join(' · ');
}

function myServices() {
  return new Set(S.counter ? S.counter.services : []);
}

function renderButtons() {
  const ticket = currentTicket();
  // call-next is always there; the rest is what the server allows on the current ticket.
  const allowed = new Set(['call-next', ...(ticket ? ticket.allowedActions || [] : [])]);
  document.querySelectorAll('.act[data-action]').forEach((button) => {
    button.disabled = !allowed.has(button.dataset.action);
  });
  // Only tickets in line count; a booking not arrived yet is not, and one checked in early only from its time.
  let ready = 0;
  let later = 0;
  const now = Date.now();
  for (const code of myServices()) {
    for (const waiting of waitingOf(code)) {
      if (notYet(waiting, now)) later++;
      else ready++;
    }
    ready += notListed(code);   // those past the first the board listed, counted as in line
  }
  $('callnext-hint').textContent = later ? t('console.action.waitingHereLater', ready, later)
    : t('console.action.waitingHere', ready);
}

// Keyed lists: rows stay the same elements while their ticket does not change (no lost clicks or focus).
function syncRows(list, tickets, build, signature) {
  const existing = new Map();
  for (const row of Array.from(list.children)) existing.set(row.dataset.ticketId, row);
  tickets.forEach((ticket, index) => {
    const id = String(ticket.id);
    const sig = signature(ticket, index);
    let row = existing.get(id);
    existing.delete(id);
    if (!row || row.dataset.sig !== sig) {
      const fresh = build(ticket, index);
      fresh.dataset.sig = sig;
      if (row) {
        const focused = row.contains(document.activeElement) ? document.activeElement.dataset.role : null;
        row.replaceWith(fresh);
        if (focused) {
          const again = fresh.querySelector('[data-role="' + focused + '"]');
          if (again) again.focus();
        }
      }
      row = fresh;
    }
    if (list.children[index] !== row) list.insertBefore(row, list.children[index] || null);
  });
  existing.forEach((row) => row.remove());
}

function waitText(since) {
  return t('console.waiting.minutes', minutesSince(since));
}

function waitClass(since) {
  const minutes = minutesSince(since);
  return 'row-wait' + (minutes >= VERY_LONG_WAIT_MIN ? ' wait-very-long' : minutes >= LONG_WAIT_MIN ? ' wait-long' : '');
}

/** The wait column of a waiting row: minutes in line, or "from hh.mm" for a booking not due yet. */
function waitCell(ticket) {
  const zone = S.facility.timeZone;
  if (notYet(ticket)) {
    const at = C.formatTime(ticket.lineAt, zone, S.t.lang);
    return el('span', { class: 'row-wait wait-later', dataset: { until: C.parseTime(ticket.lineAt) },
      title: t('console.waiting.notYet.title', at) }, t('console.waiting.notYet', at));
  }
  const since = inLineSince(ticket);
  const title = ticket.source === 'ONLINE'
    ? t('console.waiting.inLineSince', C.formatTime(since, zone, S.t.lang))
    : t('console.waiting.since', C.formatTime(ticket.issuedAt, zone, S.t.lang));
  return el('span', { class: waitClass(since), dataset: { since: Number.isNaN(since) ? '' : since }, title },
    waitText(since));
}

function rowButton(role, text, handler, extraClass) {
  const button = el('button', { type: 'button', class: 'btn btn-row ' + (extraClass || ''), dataset: { role } }, text);
  button.addEventListener('click', handler);
  return button;
}

function labelButton(ticket) {
  const button = el('button', { type: 'button', class: 'row-label', title: t('console.row.detail'),
    dataset: { role: 'detail' } }, ticket.label);
  button.addEventListener('click', () => openDetail(ticket.id));
  return button;
}

function buildWaitingRow(ticket, index) {
  const callable = myServices().has(ticket.service);
  const later = notYet(ticket);
  const data = { ticketId: ticket.id, label: ticket.label, status: ticket.status };
  if (later) data.notYet = 'true';
  return el('li', { class: 'row' + (ticket.priority ? ' is-priority' : '') + (later ? ' is-later' : ''), dataset: data },
    el('span', { class: 'row-pos', text: String(index + 1), title: t('console.waiting.position') }),
    labelButton(ticket),
    el('span', { class: 'row-badges' }, ticketBadges(ticket)),
    waitCell(ticket),
    el('span', { class: 'row-actions' },
      callable ? rowButton('call', t('console.row.call'), (e) => callThis(ticket.id, e.currentTarget), 'btn-call') : null,
      rowButton('print', t('console.row.print'), (e) => printTicket(ticket, e.currentTarget), 'btn-ghost')));
}

function waitingSignature(ticket, index) {
  return [S.t.lang, index, ticket.label, ticket.status, ticket.payer, ticket.source, ticket.priority,
    eligibilityReason(ticket), ticket.eligibility && ticket.eligibility.source, myServices().has(ticket.service),
    ticket.issuedAt, ticket.estimatedAt, ticket.lineAt, notYet(ticket), inLineSince(ticket)].join('|');
}

/** A booking not checked in: label, badges, its estimated time and a big check-in button. */
function buildBookedRow(ticket) {
  const zone = S.facility.timeZone;
  const at = ticket.estimatedAt ? C.formatTime(ticket.estimatedAt, zone, S.t.lang) : '';
  const late = ticket.estimatedAt && C.parseTime(ticket.estimatedAt) < Date.now();
  return el('li', { class: 'row row-booked', dataset: { ticketId: ticket.id, label: ticket.label, status: ticket.status } },
    labelButton(ticket),
    el('span', { class: 'row-badges' }, ticketBadges(ticket, { noSource: true })),
    el('span', { class: 'row-estimate' + (late ? ' is-late' : ''), dataset: { at: ticket.estimatedAt || '' },
      title: at ? t('console.booked.estimated.title', at) : null }, at ? t('console.booked.estimated', at) : ''),
    el('span', { class: 'row-actions' },
      rowButton('check-in', t('console.booked.checkIn'), (e) => checkIn(ticket, e.currentTarget), 'btn-primary btn-check-in')));
}

function bookedSignature(ticket) {
  const late = ticket.estimatedAt && C.parseTime(ticket.estimatedAt) < Date.now();
  return [S.t.lang, ticket.label, ticket.status, ticket.payer, eligibilityReason(ticket),
    ticket.eligibility && ticket.eligibility.source, ticket.estimatedAt, late].join('|');
}

function groupState() {
  try { return JSON.parse(stored(groupsKey()) || '{}'); } catch (e) { return {}; }
}

function buildGroup(service, mine) {
  const state = groupState();
  const details = el('details', { class: 'svc', dataset: { service: service.code } },
    el('summary', { class: 'svc-head' },
      el('span', { class: 'svc-prefix' }),
      el('span', { class: 'svc-name' }),
      el('span', { class: 'svc-tag svc-mine' }),
      el('span', { class: 'svc-tag svc-closed' }),
      el('span', { class: 'svc-count' })),
    el('ol', { class: 'rows rows-waiting' }),
    el('p', { class: 'more', hidden: true },
      el('span', { class: 'more-count' }),
      el('button', { type: 'button', class: 'btn btn-row more-all', onclick: showWholeLine })),
    el('p', { class: 'empty' }),
    el('div', { class: 'svc-booked', hidden: true },
      el('h3', { class: 'svc-sub' }),
      el('ol', { class: 'rows rows-booked' })));
  details.open = Object.prototype.hasOwnProperty.call(state, service.code) ? !!state[service.code] : mine;
  details.addEventListener('toggle', () => {
    const now = groupState();
    now[service.code] = details.open;
    store(groupsKey(), JSON.stringify(now));
  });
  return details;
}

/** The receptionist wants every waiting ticket listed, not the first 50 of each line: from now on, this session. */
function showWholeLine() {
  S.wholeLine = true;
  reloadBoardSoon();
}

function renderWaiting() {
  const root = $('waiting');
  const mine = myServices();
  const ordered = S.counter.services.map((code) => S.services.find((s) => s.code === code)).filter(Boolean)
    .concat(S.services.filter((s) => !mine.has(s.code)));
  const existing = new Map();
  for (const group of Array.from(root.children)) existing.set(group.dataset.service, group);
  let total = 0;
  ordered.forEach((service, index) => {
    let group = existing.get(service.code);
    existing.delete(service.code);
    if (!group) group = buildGroup(service, mine.has(service.code));
    if (root.children[index] !== group) root.insertBefore(group, root.children[index] || null);
    const tickets = waitingOf(service.code);
    const booked = bookedOf(service.code);
    const more = notListed(service.code);
    const count = tickets.length + more;
    total += count;
    group.classList.toggle('is-mine', mine.has(service.code));
    group.classList.toggle('is-closed', !service.open);
    group.querySelector('.svc-prefix').textContent = service.prefix || '';
    group.querySelector('.svc-name').textContent = service.name;
    group.querySelector('.svc-mine').textContent = mine.has(service.code) ? t('console.waiting.mine') : '';
    group.querySelector('.svc-closed').textContent = service.open ? '' : t('console.waiting.closed');
    group.querySelector('.svc-count').textContent = booked.length
      ? t('console.waiting.countBooked', count, booked.length) : t('console.waiting.count', count);
    const empty = group.querySelector('.empty');
    empty.textContent = t('console.waiting.empty');
    empty.hidden = count > 0;
    syncRows(group.querySelector('.rows-waiting'), tickets, buildWaitingRow, waitingSignature);
    const moreBox = group.querySelector('.more');
    moreBox.hidden = more === 0;
    moreBox.querySelector('.more-count').textContent = t('console.waiting.more', more);
    moreBox.querySelector('.more-all').textContent = t('console.waiting.showAll');
    const bookedBox = group.querySelector('.svc-booked');
    bookedBox.hidden = booked.length === 0;
    bookedBox.querySelector('.svc-sub').textContent = t('console.booked.title', booked.length);
    syncRows(bookedBox.querySelector('.rows-booked'), booked, buildBookedRow, bookedSignature);
  });
  existing.forEach((group) => group.remove());
  $('waiting-total').textContent = t('console.waiting.total', total);
}

function buildParkedRow(ticket) {
  return el('li', { class: 'row row-compact', dataset: { ticketId: ticket.id, label: ticket.label, status: ticket.status } },
    labelButton(ticket),
    el('span', { class: 'row-info', text: ticket.serviceName || serviceName(ticket.service) }),
    el('span', { class: 'row-actions' },
      rowButton('resume', t('console.row.resume'), (e) => rowAction('resume', ticket, e.currentTarget), 'btn-primary'),
      rowButton('print', t('console.row.print'), (e) => printTicket(ticket, e.currentTarget), 'btn-ghost'),
      rowButton('cancel', t('console.row.cancel'), (e) => cancelTicket(ticket, e.currentTarget), 'btn-ghost btn-danger-text')));
}

function buildSkippedRow(ticket) {
  const where = ticket.counter ? t('console.row.skippedAt', ticket.counter.name) : '';
  return el('li', { class: 'row row-compact', dataset: { ticketId: ticket.id, label: ticket.label, status: ticket.status } },
    labelButton(ticket),
    el('span', { class: 'row-info', text: [ticket.serviceName || serviceName(ticket.service), where].filter(Boolean).join(' · ') }),
    el('span', { class: 'row-actions' },
      rowButton('requeue', t('console.row.requeue'), (e) => rowAction('requeue', ticket, e.currentTarget), 'btn-primary'),
      rowButton('print', t('console.row.print'), (e) => printTicket(ticket, e.currentTarget), 'btn-ghost'),
      rowButton('cancel', t('console.row.cancel'), (e) => cancelTicket(ticket, e.currentTarget), 'btn-ghost btn-danger-text')));
}

function compactSignature(ticket) {
  return [S.t.lang, ticket.label, ticket.status, ticket.service, ticket.counter && ticket.counter.code].join('|');
}

function renderParkedAndSkipped() {
  const mine = myServices();
  const parked = [];
  const skipped = [];
  for (const ticket of S.tickets.values()) {
    if (ticket.status === 'PARKED' && ticket.counter && ticket.counter.code === S.counter.code) parked.push(ticket);
    if (ticket.status === 'SKIPPED' && mine.has(ticket.service)) skipped.push(ticket);
  }
  const byNumber = (a, b) => a.service.localeCompare(b.service) || a.number - b.number;
  parked.sort(byNumber);
  skipped.sort(byNumber);
  syncRows($('parked'), parked, buildParkedRow, compactSignature);
  syncRows($('skipped'), skipped, buildSkippedRow, compactSignature);
  $('parked-empty').hidden = parked.length > 0;
  $('skipped-empty').hidden = skipped.length > 0;
  // Shown above the waiting lists only when there is something to do with them.
  $('parked-box').hidden = parked.length === 0;
  $('skipped-box').hidden = skipped.length === 0;
  $('exceptions').hidden = parked.length === 0 && skipped.length === 0;
}

export function tickWaits() {
  if (document.body.dataset.screen !== 'console') return;
  document.querySelectorAll('#waiting .row-wait[data-since]').forEach((span) => {
    if (!span.dataset.since) return;
    const since = Number(span.dataset.since);
    span.textContent = waitText(since);
    span.className = waitClass(since);
  });
  // A booking whose time has come is in line now; one not come by its time shows late.
  const now = Date.now();
  const due = Array.from(document.querySelectorAll('#waiting .row-wait[data-until]'))
    .some((span) => Number(span.dataset.until) <= now)
    || Array.from(document.querySelectorAll('#waiting .row-estimate[data-at]:not(.is-late)'))
      .some((span) => span.dataset.at && C.parseTime(span.dataset.at) < now);
  if (due) scheduleRender();
  renderCurrentTimes(currentTicket());
}
