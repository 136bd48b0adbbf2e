/*
 * After the card: a scanned ticket's QR shows its place in line; eligibility; the choice of service; and the
 * ticket, issued and printed by the agent.
 */

import { uuid } from '/assets/ids.js';
import {
  $,
  CONTINUE_REASONS,
  LONG_MESSAGE,
  REFUSED_REASONS,
  TICKET_MS,
  TICKET_PROBLEM_MS,
  enter,
  renderers,
  state,
} from './state.js';
import { dateTime, facilityName, has, localDate, msg, resolve, t, todayInFacility } from './texts.js';
import { loadNotifyOffer } from './phone.js';
import { act, locked, problemText, request, show, showNotice } from './screens.js';
import { setIdentifyError } from './identify.js';

// ---- a ticket's QR: its status ---------------------------------------------------------------------

export async function openBooking(result, gen) {
  const text = String(result.text || '').trim();
  const match = /^ANTREAN:[^:]+:(\d+):/.exec(text);
  // Tickets print their tracking link (…/t/<code>); older ones the ANTREAN: code with the ticket's id.
  const link = /\/t\/([A-Za-z0-9_-]{22})$/.exec(text);
  const id = result.ticketId || (match && match[1]);
  if (!id && !link) {
    setIdentifyError({ key: 'kiosk.identify.other' });
    return;
  }
  const res = id ? await request('GET', '/api/tickets/' + encodeURIComponent(id))
    : await request('GET', '/api/tracked/' + encodeURIComponent(link[1]));
  if (gen !== state.gen) return;
  const ticket = res.ok && res.data ? (id ? (res.data.ticket || res.data) : fromTracked(res.data)) : null;
  if (!ticket || !ticket.label) {
    setIdentifyError(res.ok ? { key: 'kiosk.error.generic', args: [res.status] } : problemText(res));
    return;
  }
  state.booking = ticket;
  show('booking');
}

/** The public tracking state in the ticket's shape this screen reads (place = people ahead + 1, room = counter). */
function fromTracked(tracked) {
  const ahead = tracked.ahead;
  return Object.assign({}, tracked, {
    position: ahead === null || ahead === undefined ? null : ahead + 1,
    counter: tracked.room || null,
  });
}

renderers.booking = () => {
  const tk = state.booking || {};
  const label = $('booking-label');
  label.textContent = tk.label || '';
  label.classList.toggle('is-long', String(tk.label || '').length > 5);
  $('booking-service').textContent = tk.serviceName || tk.service || '';
  const status = String(tk.status || '');
  const statusEl = $('booking-status');
  statusEl.dataset.status = status;
  statusEl.textContent = has('kiosk.booking.status.' + status) ? t('kiosk.booking.status.' + status) : status;
  const counter = tk.counter && (tk.counter.name || tk.counter.code);
  const atCounter = counter && (status === 'CALLED' || status === 'SERVING');
  $('booking-counter').textContent = atCounter ? t('kiosk.booking.counter', counter) : '';
  $('booking-counter').hidden = !atCounter;
  const waiting = status === 'WAITING';
  $('booking-ahead').textContent = waiting ? aheadText(tk.position) : '';
  $('booking-ahead').hidden = !waiting || !$('booking-ahead').textContent;
  $('booking-wait').textContent = waiting ? waitText(tk.estimatedWaitMinutes) : '';
  $('booking-wait').hidden = !$('booking-wait').textContent;
  const otherDay = tk.serviceDate && tk.serviceDate !== todayInFacility();
  $('booking-date').textContent = otherDay ? t('kiosk.booking.date', localDate(tk.serviceDate)) : '';
  $('booking-date').hidden = !otherDay;
};

function aheadText(position) {
  if (position === null || position === undefined || position === '' || Number.isNaN(Number(position))) return '';
  const ahead = Math.max(0, Number(position) - 1);
  if (ahead === 0) return t('kiosk.ticket.ahead.zero');
  return t(ahead === 1 ? 'kiosk.ticket.ahead.one' : 'kiosk.ticket.ahead.many', ahead);
}

/** Whole minutes worth saying ("± 0 menit" is not), or null. */
function minutesOf(value) {
  if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) return null;
  const minutes = Math.round(Number(value));
  return minutes >= 1 ? minutes : null;
}

/** The server sends null when it has no basis for an estimate: say "—", never a made-up number. */
function unknownWait(value) {
  return value === null;
}

function waitText(value) {
  if (unknownWait(value)) return t('kiosk.ticket.waitUnknown');
  const minutes = minutesOf(value);
  return minutes === null ? '' : t('kiosk.ticket.wait', minutes);
}

// ---- 3. eligibility ------------------------------------------------------------------------------

/** GET /api/eligibility, then the eligibility screen (with the answer, or why there is none). */
export async function checkEligibility(identity, gen) {
  state.identity = identity;
  state.payer = 'JKN';
  const query = identity.card ? 'card=' + encodeURIComponent(identity.card) : 'nik=' + encodeURIComponent(identity.nik);
  const res = await request('GET', '/api/eligibility?' + query);
  if (gen !== state.gen) return;
  if (res.ok && res.data && (res.data.reason || res.data.booking)) {
    state.eligibility = res.data;
    state.eligibilityError = null;
  } else {
    state.eligibility = null;
    state.eligibilityError = problemText(res);
  }
  show('eligibility');
}

function bookingOf(e) {
  return e && e.booking && e.booking.ticket ? e.booking.ticket : null;
}

/*
 * The answer is asked before the poli is chosen, so it is the primary FKTP's; its "dental" says when a dental poli
 * answers otherwise. Registered elsewhere but with the dental FKTP here: JKN at the dental polis only (the other
 * polis through "pasien umum"). Registered here but with the dental FKTP elsewhere: the dental polis are shown
 * disabled for JKN, naming that FKTP (a paying patient chooses "Pasien umum" at the start).
 */
function jknAtDentalOnly(e) {
  return Boolean(e && e.reason === 'REGISTERED_ELSEWHERE' && e.dental && e.dental.eligible === true && !bookingOf(e));
}

function dentalElsewhere(e) {
  return Boolean(e && e.eligible === true && e.dental && e.dental.eligible === false);
}

/** Why a service is not offered to this JKN patient (their dental FKTP is elsewhere), or null. */
function notForJkn(s) {
  if (state.payer !== 'JKN' || !s.dental || !dentalElsewhere(state.eligibility)) return null;
  const name = facilityName(state.eligibility.dental.providerName) || t('kiosk.eligibility.line.another');
  return t('kiosk.services.dentalElsewhere', name);
}

renderers.eligibility = () => {
  const e = state.eligibility;
  const booking = bookingOf(e);
  let reason = e ? String(e.reason || '') : 'ERROR';
  if (e && !CONTINUE_REASONS.has(reason) && !REFUSED_REASONS.has(reason)) reason = 'OTHER';
  const canContinue = e && (CONTINUE_REASONS.has(reason) || (reason === 'OTHER' && e.eligible === true));
  $('eligibility-reason').dataset.reason = reason === 'OTHER' && canContinue ? 'OTHER' : reason;
  $('eligibility-title').textContent = t('kiosk.eligibility.title.' + reason);
  const lines = eligibilityLines(e, reason);
  const messageEl = $('eligibility-message');
  messageEl.textContent = '';
  lines.forEach((line) => {
    const span = document.createElement('span');
    span.className = 'message-line';
    span.textContent = line;
    messageEl.appendChild(span);
  });
  // three lines in the body size, so that each stays one line on the kiosk's 1280x800
  messageEl.classList.toggle('is-long', lines.length > 2 || lines.join(' ').length > LONG_MESSAGE || Boolean(booking));
  const p = e && e.participant;
  const who = p ? [p.initial, p.cardNumberMasked].filter(Boolean).join(' · ') : '';
  $('eligibility-participant').textContent = who;
  $('eligibility-participant').hidden = !who;
  $('eligibility-booking').hidden = !booking;
  $('eligibility-booking-ticket').textContent = booking
    ? [booking.label, booking.serviceName || booking.service].filter(Boolean).join(' · ') : '';
  $('btn-checkin').hidden = !booking;
  const dentalOnly = jknAtDentalOnly(e);
  $('btn-continue').hidden = !canContinue || Boolean(booking);
  $('btn-dental-jkn').hidden = !dentalOnly;
  $('btn-as-umum').hidden = !e || canContinue || Boolean(booking);
  // Not found is most often a typo: typing again (the digits kept) comes first, paying is the second choice.
  $('btn-retype').hidden = reason !== 'NOT_FOUND';
  $('btn-as-umum').classList.toggle('is-quiet', reason === 'NOT_FOUND');
  // Otherwise paying is what they can do here today: the main action.
  // ... unless JKN at the dental poli is: then that comes first.
  const asUmumFirst = reason !== 'NOT_FOUND' && !dentalOnly;
  $('btn-as-umum').classList.toggle('btn-primary', asUmumFirst);
  $('btn-as-umum').classList.toggle('btn-secondary', !asUmumFirst);
  $('btn-eligibility-retry').hidden = Boolean(e);
};

/**
 * What the eligibility screen says under its title: at most three short lines in plain words, made here from
 * the answer's facts (not the server's long message, written for the desk): dates said in full, facility names
 * in normal case, never BPJS's raw status. A booking's own box says the rest, so it gets the first line only.
 */
function eligibilityLines(e, reason) {
  if (!e) return [resolve(state.eligibilityError)];
  const p = e.participant || {};
  const registered = p.registeredFacility && p.registeredFacility.name;
  const here = facilityName((state.facility && state.facility.name) || registered || '');
  const registeredHere = here ? t('kiosk.eligibility.line.registeredAt', here) : t('kiosk.eligibility.line.registeredHere');
  let lines;
  if (reason === 'ACTIVE_HERE') {
    lines = [registeredHere,
      t(e.source === 'ROSTER' ? 'kiosk.eligibility.line.staffWillCheck' : 'kiosk.eligibility.line.choosePoli')];
  } else if (reason === 'UNVERIFIED') {
    lines = [t('kiosk.eligibility.line.cannotCheck'), t('kiosk.eligibility.line.stillNumber')];
  } else if (reason === 'REGISTERED_ELSEWHERE' && jknAtDentalOnly(e)) {
    lines = [t('kiosk.eligibility.line.yourFacility', facilityName(registered) || t('kiosk.eligibility.line.another')),
      t('kiosk.eligibility.line.dentalHere'), t('kiosk.eligibility.line.othersAsUmum')];
  } else if (reason === 'REGISTERED_ELSEWHERE') {
    lines = [t('kiosk.eligibility.line.yourFacility', facilityName(registered) || t('kiosk.eligibility.line.another')),
      t('kiosk.eligibility.line.todayAsUmum'), t('kiosk.eligibility.line.emergency')];
  } else if (reason === 'INACTIVE') {
    lines = inactiveLines(e.inactiveReason, p);
  } else if (reason === 'NOT_FOUND') {
    lines = [t('kiosk.eligibility.line.checkNumber'), t('kiosk.eligibility.line.askStaff')];
  } else {
    lines = [msg(e.message)];
  }
  return (bookingOf(e) ? lines.slice(0, 1) : lines).filter(Boolean);
}

function inactiveLines(why, p) {
  const asUmum = t('kiosk.eligibility.line.todayAsUmum');
  switch (why) {
    case 'ARREARS':
      return [t('kiosk.eligibility.line.arrears'), asUmum, t('kiosk.eligibility.line.payArrears')];
    case 'NOT_YET_ACTIVE':
      return p.validFrom
        ? [t('kiosk.eligibility.line.activeFrom', localDate(p.validFrom)), t('kiosk.eligibility.line.untilThenUmum')]
        : [t('kiosk.eligibility.line.notYetActive'), t('kiosk.eligibility.line.untilThenUmum')];
    case 'EXPIRED':
      return [p.validUntil ? t('kiosk.eligibility.line.expiredOn', localDate(p.validUntil))
        : t('kiosk.eligibility.line.expired'), asUmum, t('kiosk.eligibility.line.askBpjs')];
    case 'DEACTIVATED':
      return [t('kiosk.eligibility.line.deactivated'), asUmum, t('kiosk.eligibility.line.askDinsos')];
    default:
      return [t('kiosk.eligibility.line.inactive'), asUmum, t('kiosk.eligibility.line.askStaff')];
  }
}

export function retryEligibility() {
  const identity = state.identity;
  if (!identity) return;
  act((gen) => checkEligibility(identity, gen));
}

/** "Ketik ulang": back to the keypad with the digits as they were, to correct one. */
export function retype() {
  const identity = state.identity || {};
  state.keepTyped = String(identity.card || identity.nik || '');
  show('identify');
}

export function toServices(payer, back) {
  state.payer = payer;
  state.servicesBack = back;
  state.pending = null;
  show('services');
}

/** An online booking for today: check in, print, and show it like a new ticket. */
export function checkIn() {
  const booking = bookingOf(state.eligibility);
  if (!booking || booking.id === undefined) return;
  const run = () => act(async (gen) => {
    const res = await request('POST', '/api/bookings/' + encodeURIComponent(booking.id) + '/check-in',
      { json: { lang: state.lang } });
    if (gen !== state.gen) return;
    issued(res, run);
  });
  run();
}

// ---- 4. services ---------------------------------------------------------------------------------

enter.services = () => {
  state.services = null;
  state.servicesError = null;
  loadServices();
};

export function loadServices() {
  return act(async (gen) => {
    state.servicesError = null;
    const res = await request('GET', '/api/services');
    if (gen !== state.gen) return;
    if (res.ok && res.data && Array.isArray(res.data.services)) {
      state.services = res.data.services;
    } else {
      state.services = null;
      state.servicesError = problemText(res);
    }
    renderers.services();
  });
}

renderers.services = () => {
  $('screen-services').dataset.payer = state.payer || '';
  const priority = $('btn-priority');
  priority.setAttribute('aria-pressed', state.priority ? 'true' : 'false');
  priority.classList.toggle('is-on', state.priority);
  const tag = $('services-payer');
  tag.textContent = state.payer ? t('kiosk.payer.' + state.payer) : '';
  tag.dataset.payer = state.payer || '';
  const list = $('services');
  // A poli closed for the day (a closure) is not offered at all; one closed for now is shown greyed.
  const everything = state.services || [];
  const dentalOnly = state.payer === 'JKN' && jknAtDentalOnly(state.eligibility);
  const all = everything.filter((s) => !s.closedToday && (!dentalOnly || s.dental));
  const open = all.filter((s) => s.open !== false);
  const closed = all.filter((s) => s.open === false);
  const shown = open.concat(closed);
  // Rebuilt only when what it shows changes: a render for another reason (the facility's details arriving, a
  // refresh of the same list) must not swap the buttons under a patient's finger, or the tap is lost.
  const shape = JSON.stringify([state.lang, shown.map((s) => [s, serviceName(s), notForJkn(s)])]);
  if (list.dataset.shape !== shape) {
    list.dataset.shape = shape;
    list.textContent = '';
    shown.forEach((s) => list.appendChild(serviceButton(s)));
  }
  const portrait = window.matchMedia('(orientation: portrait)').matches;
  const n = shown.length;
  const cols = portrait ? (n <= 6 ? 1 : 2) : (n <= 3 ? 1 : n <= 8 ? 2 : 3);
  list.classList.remove('cols-1', 'cols-2', 'cols-3');
  list.classList.add('cols-' + cols);
  list.classList.toggle('has-reason', shown.some((s) => s.open !== false && notForJkn(s)));
  let error = state.servicesError;
  const facilityClosed = everything.length > 0 && !all.length && !dentalOnly;
  if (!error && facilityClosed) error = { key: 'kiosk.services.closedToday', args: [everything[0].closedToday.reason] };
  if (!error && state.services && !open.length) error = { key: dentalOnly ? 'kiosk.services.noDental' : 'kiosk.services.none' };
  $('services-error').textContent = resolve(error);
  $('services-error').hidden = !error;
  $('btn-services-retry').hidden = !state.servicesError;
};

/** A poli's name in the page's language: its English name in English when its admin set one. */
function serviceName(s) {
  if (state.lang === 'en' && s.nameEn) return s.nameEn;
  return s.name || s.code || '';
}

/** A ticket's poli, named as the poli list names it (the ticket itself carries the Indonesian name). */
function ticketServiceName(tk) {
  const service = (state.services || []).find((s) => s.code === tk.service);
  return service ? serviceName(service) : tk.serviceName || tk.service || '';
}

function serviceButton(s) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'service';
  button.dataset.service = s.code;
  const prefix = document.createElement('span');
  prefix.className = 'svc-prefix';
  prefix.setAttribute('aria-hidden', 'true');
  prefix.textContent = s.prefix || String(s.name || s.code || '?').charAt(0);
  const name = document.createElement('span');
  name.className = 'svc-name';
  name.textContent = serviceName(s);
  const meta = document.createElement('span');
  meta.className = 'svc-meta';
  const refused = notForJkn(s);
  if (s.open === false) {
    button.disabled = true;
    meta.textContent = t('kiosk.services.closed');
  } else if (refused) {
    button.disabled = true;
    button.classList.add('has-reason');
    meta.classList.add('is-reason');
    meta.textContent = refused;
  } else {
    const parts = [];
    if (s.waitingCount !== null && s.waitingCount !== undefined) parts.push(t('kiosk.services.waiting', s.waitingCount));
    const minutes = minutesOf(s.estimatedWaitMinutes);
    if (minutes !== null) parts.push(t('kiosk.services.wait', minutes));
    else if (unknownWait(s.estimatedWaitMinutes) && s.waitingCount > 0) parts.push(t('kiosk.services.waitUnknown'));
    meta.textContent = parts.join(' · ');
  }
  button.append(prefix, name, meta);
  return button;
}

/** "Prioritas" on the poli screen: on or off for this patient (the server adds anyone 60+ by their NIK). */
export function togglePriority() {
  if (locked()) return;
  state.priority = !state.priority;
  renderers.services();
}

/** A service chosen: one key for this choice, reused when the same request is retried. */
export function chooseService(code) {
  const service = (state.services || []).find((s) => s.code === code);
  if (!service || service.open === false || service.closedToday || notForJkn(service) || locked()) return;
  // The ticket is printed in the language the patient is reading now.
  const body = { service: code, payer: state.payer === 'JKN' ? 'JKN' : 'UMUM', key: uuid(), lang: state.lang };
  if (state.priority) body.priority = true;
  if (body.payer === 'JKN' && state.identity) {
    if (state.identity.card) body.cardNumber = state.identity.card;
    if (state.identity.nik) body.nik = state.identity.nik;
  }
  const run = () => act(async (gen) => {
    const res = await request('POST', '/api/tickets', { json: body });
    if (gen !== state.gen) return;
    issued(res, run);
  });
  state.pending = { body, run };
  run();
}

/** The answer to issuing (or checking in): the ticket screen, or the problem with "try again". */
function issued(res, retry) {
  const ticket = res.ok && res.data ? res.data.ticket : null;
  if (ticket && ticket.label) {
    state.result = res.data;
    state.pending = null;
    show('ticket');
    return;
  }
  const held = heldTicket(res);
  if (held) {
    // One open number per person per service per day: say which one they hold, and offer to print it again.
    const text = { key: 'kiosk.held.message', args: [held.label, ticketServiceName(held)] };
    showNotice(text, null, { title: 'kiosk.held.title', reprint: () => reprint(held) });
    return;
  }
  const text = res.ok ? { key: 'kiosk.error.generic', args: [res.status] } : problemText(res);
  // a refusal (4xx) will not change by trying again; trouble on the way (timeout, 5xx) may
  const worthRetrying = !res.status || res.status >= 500 || res.status === 429;
  showNotice(text, worthRetrying ? retry : null);
}

/** The number the server says this person already holds today (409 ALREADY_HAS_TICKET), or null. */
function heldTicket(res) {
  const data = !res.ok && res.status === 409 && res.data ? res.data : null;
  return data && data.code === 'ALREADY_HAS_TICKET' && data.ticket && data.ticket.label ? data.ticket : null;
}

/** Prints the held number again (a booking not yet checked in is checked in, which prints it). */
function reprint(held) {
  const path = held.status === 'BOOKED'
    ? '/api/bookings/' + encodeURIComponent(held.id) + '/check-in'
    : '/api/tickets/' + encodeURIComponent(held.id) + '/print';
  const run = () => act(async (gen) => {
    const res = await request('POST', path, { json: { lang: state.lang } });
    if (gen !== state.gen) return;
    issued(res, run);
  });
  run();
}

// ---- 5. ticket -----------------------------------------------------------------------------------

enter.ticket = () => {
  const printed = !state.result || state.result.printed !== false;
  state.ticketDeadline = Date.now() + (printed ? TICKET_MS : TICKET_PROBLEM_MS);
  loadNotifyOffer();
};

renderers.ticket = () => {
  const r = state.result || {};
  const tk = r.ticket || {};
  const label = $('ticket-label');
  label.textContent = tk.label || '';
  label.classList.toggle('is-long', String(tk.label || '').length > 5);
  $('ticket-service').textContent = ticketServiceName(tk);
  const payer = tk.payer || state.payer;
  $('ticket-payer').textContent = payer && has('kiosk.payer.' + payer) ? t('kiosk.payer.' + payer) : '';
  $('ticket-payer').dataset.payer = payer || '';
  $('ticket-ahead').textContent = aheadText(tk.position);
  $('ticket-wait').textContent = waitText(tk.estimatedWaitMinutes);
  $('ticket-time').textContent = dateTime(tk.issuedAt);
  const failed = r.printed === false;
  $('ticket-problem').hidden = !failed;
  // The agent's message says both what happened and what to do: the page's own advice only when it sent none.
  const agentSays = failed ? msg(r.problem && r.problem.message) : '';
  $('ticket-problem-message').textContent = failed ? (agentSays || t('kiosk.ticket.problem')) : '';
  $('ticket-problem-advice').hidden = Boolean(agentSays);
  $('ticket-take').hidden = failed;
  $('ticket-watch').hidden = failed;
  // Messages to the patient's phone (issue #19): offered, never required; said once taken, without the number.
  const offered = Boolean(state.notify && state.notify.enabled && tk.id);
  $('btn-notify').hidden = !offered || state.phoneSaved;
  $('ticket-notified').hidden = !state.phoneSaved;
  $('ticket-notified').textContent = state.phoneSaved
    ? t('kiosk.ticket.notified', (state.notify && state.notify.threshold) || 3) : '';
  $('ticket-countdown').textContent =
    t('kiosk.ticket.countdown', Math.max(0, Math.ceil((state.ticketDeadline - Date.now()) / 1000)));
};
