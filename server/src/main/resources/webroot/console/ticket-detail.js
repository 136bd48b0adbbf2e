/*
 * The ticket dialog: a ticket's facts and its history, read from the server when opened.
 */

import { $, C, S, el, path, t } from './state.js';
import { serviceName } from './session.js';
import { notYet } from './live-queue.js';
import { ticketBadges } from './queue-view.js';

// ---- ticket detail --------------------------------------------------------------------------------

export let detailTicket = null;

const ENDED = new Set(['DONE', 'CANCELLED', 'NO_SHOW']);

function fact(name, value) {
  if (value === undefined || value === null || value === '') return [];
  return [el('dt', { text: name }), el('dd', { text: String(value) })];
}

export function fillDetail(ticket) {
  detailTicket = ticket;
  const zone = S.facility.timeZone;
  const time = (iso) => (iso ? C.formatTime(iso, zone, S.t.lang) : '');
  const dateTime = (iso) => (iso ? C.formatDate(C.parseTime(iso), zone, S.t.lang) + ' ' + time(iso) : '');
  const online = ticket.source === 'ONLINE';
  $('ticket-title').textContent = t('console.detail.title', ticket.label);
  const status = $('ticket-status');
  status.textContent = t('console.status.' + ticket.status);
  status.className = 'pill status-' + ticket.status;
  $('ticket-badges').replaceChildren(...ticketBadges(ticket, { card: true }));
  $('ticket-facts').replaceChildren(
    ...fact(t('console.detail.service'), ticket.serviceName),
    ...fact(t('console.detail.homeService'), ticket.homeService !== ticket.service ? serviceName(ticket.homeService) : ''),
    ...fact(t('console.detail.position'), ticket.status === 'WAITING' ? ticket.position : ''),
    ...fact(t('console.detail.counter'), ticket.counter ? ticket.counter.name : ''),
    ...fact(t(online ? 'console.detail.bookedAt' : 'console.detail.issuedAt'),
      online ? dateTime(ticket.issuedAt) : time(ticket.issuedAt)),
    ...fact(t('console.detail.estimatedAt'), time(ticket.estimatedAt)
      + (notYet(ticket) ? ' · ' + t('console.detail.notYet') : '')),
    ...fact(t('console.detail.calledAt'), time(ticket.calledAt)),
    ...fact(t('console.detail.startedAt'), time(ticket.startedAt)),
    ...fact(t('console.detail.finishedAt'), time(ticket.finishedAt)),
    ...fact(t('console.detail.callCount'), ticket.callCount ? ticket.callCount : ''),
    ...fact(t('console.detail.checkedAt'), ticket.eligibility ? time(ticket.eligibility.checkedAt) : ''));
  $('ticket-cancel-ticket').hidden = !(ticket.allowedActions || []).includes('cancel');
  $('ticket-check-in').hidden = ticket.status !== 'BOOKED';
  // The desk's corrections (issue #15): ask BPJS again, or switch JKN / UMUM. A switch to JKN needs the card
  // number, which this view never has in full: an UMUM ticket without one keeps its payer here.
  const open = !ENDED.has(ticket.status);
  const hasCard = Boolean(ticket.cardNumberMasked);
  $('ticket-recheck').hidden = !open || !(hasCard || ticket.payer === 'JKN');
  const payer = $('ticket-payer');
  payer.hidden = !open || (ticket.payer === 'UMUM' && !hasCard);
  payer.textContent = t(ticket.payer === 'JKN' ? 'console.detail.toUmum' : 'console.detail.toJkn');
}

function fillHistory(events) {
  const zone = S.facility.timeZone;
  $('ticket-history').replaceChildren(...events.map((event) => {
    const type = String(event.type || '');
    const key = 'console.event.' + type.replace(/^TICKET_/, '');
    let text = S.t.has(key) ? t(key) : type;
    const extra = [];
    if (event.counter && event.counter.name) extra.push(event.counter.name);
    if (event.fromService && event.ticket) {
      extra.push(t('console.detail.transfer', serviceName(event.fromService), serviceName(event.ticket.service)));
    }
    if (extra.length) text += ' — ' + extra.join(' · ');
    return el('li', {},
      el('span', { class: 'history-time', text: C.formatTime(event.at, zone, S.t.lang) }),
      el('span', { class: 'history-text', text }));
  }));
}

export async function openDetail(id) {
  const dialog = $('ticket-dialog');
  const known = S.tickets.get(id);
  if (known) fillDetail(known);
  $('ticket-history').replaceChildren(el('li', { class: 'muted', text: t('console.detail.loading') }));
  if (!dialog.open) dialog.showModal();
  $('ticket-close').focus();
  try {
    const full = await C.api(path('/tickets/' + encodeURIComponent(id)));
    if (!dialog.open) return;
    fillDetail(full);
    fillHistory(full.history || []);
  } catch (e) {
    $('ticket-history').replaceChildren(el('li', { class: 'form-error', text: C.errorText(e, S.t) }));
  }
}
