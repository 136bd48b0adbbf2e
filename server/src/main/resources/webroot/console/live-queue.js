/*
 * The queue as this page knows it: filled from the board's snapshot, updated by every event. The rules come
 * from the server (each ticket's allowedActions and lineAt); this keeps only what a screen needs on top: which
 * tickets are open, in which order they wait, and the counter's current ticket.
 */

import { AHEAD_STATUSES, BPJS_EVENTS, C, CALLING_EVENTS, S, path, t } from './state.js';
import { reloadCounters, renderHeader, sessionExpired, setLiveStatus } from './session.js';
import { scheduleRender } from './queue-view.js';
import { reloadBoardSoon } from './counter-actions.js';
import { fillWalkinServices } from './walk-in.js';
import { refreshBpjsSoon } from './bpjs-outbox.js';
import { backupFailed, checkBackups } from './backup-alert.js';

// ---- live queue -----------------------------------------------------------------------------------

export function connectLive() {
  if (S.live) S.live.close();
  S.snapshot = false;
  S.live = window.AntreanLive.connect({
    facility: S.facility.code,
    token: () => C.token(),
    onSnapshot: (board) => {
      S.snapshot = true;
      applyBoard(board);
    },
    onEvent: applyEvent,
    onStatus: setLiveStatus,
    onUnauthorized: () => sessionExpired(),
  });
  // Should the event stream not answer quickly, show the queue as it is meanwhile.
  const live = S.live;
  setTimeout(async () => {
    if (S.snapshot || S.live !== live) return;
    try {
      const board = await C.api(path('/queue'));
      if (!S.snapshot && S.live === live) applyBoard(board);
    } catch (e) { /* the stream will bring it */ }
  }, 2500);
}

export function applyBoard(board) {
  S.tickets.clear();
  S.order.clear();
  S.lines.fromBoard(board);   // the board lists the first of a long line and counts the rest
  S.serviceDate = board.serviceDate;
  if (board.timeZone) S.facility.timeZone = board.timeZone;
  if (board.facilityName) S.facility.name = board.facilityName;
  if (Array.isArray(board.services) && board.services.length) {
    S.services = board.services.map((s) => ({ code: s.code, name: s.name, prefix: s.prefix, open: s.open }));
  }
  for (const service of board.services || []) {
    for (const ticket of service.nowServing || []) S.tickets.set(ticket.id, ticket);
    for (const ticket of service.waiting || []) {
      S.tickets.set(ticket.id, ticket);
      S.order.set(ticket.id, ++S.lastKey);
    }
    for (const ticket of service.parked || []) S.tickets.set(ticket.id, ticket);
    for (const ticket of service.skipped || []) S.tickets.set(ticket.id, ticket);
    for (const ticket of service.booked || []) S.tickets.set(ticket.id, ticket);
  }
  renderHeader();
  fillWalkinServices();
  scheduleRender();
  checkBackups();
  if (S.wholeLine && S.lines.partial) reloadBoardSoon();   // a snapshot of the stream lists the first 50 only
}

function applyEvent(event) {
  if (event && event.type === 'DEVICE_ALERT') {
    showDeviceAlert(event);
    return;
  }
  if (event && event.type === 'SETTINGS_CHANGED') {
    applySettings(event.settings);
    return;
  }
  if (event && event.type === 'BACKUP_FAILED') {
    backupFailed(event);
    return;
  }
  const ticket = event && event.ticket;
  if (!ticket || ticket.id === undefined) return;
  const type = String(event.type || '').replace(/^TICKET_/, '');
  if (BPJS_EVENTS.has(type)) refreshBpjsSoon(3000);
  if (S.serviceDate && ticket.serviceDate && ticket.serviceDate !== S.serviceDate) {
    if (ticket.serviceDate < S.serviceDate) return;
    // Mobile JKN books days ahead: such a booking (or its cancellation) is not a sign of a new day.
    if (AHEAD_STATUSES.has(ticket.status)) return;
    // A new local day: the open tickets of yesterday are no longer on today's board.
    for (const [id, old] of S.tickets) {
      if (old.serviceDate < ticket.serviceDate) {
        S.tickets.delete(id);
        S.order.delete(id);
      }
    }
    S.serviceDate = ticket.serviceDate;
    reloadBoardSoon();   // bookings made for the new day before it came were not taken as such
  }
  upsert(ticket, type === 'ISSUED');
  readAheadWhenLow();
  if (S.counter && event.counter && event.counter.code === S.counter.code && CALLING_EVENTS.has(type)) {
    S.flashId = ticket.id;
  }
  scheduleRender();
}

/** An admin changed services or rooms: the board (services, walk-in choices) and the rooms are read again. */
function applySettings(what) {
  if (what !== 'services' && what !== 'counters') return;
  reloadBoardSoon();
  reloadCounters();
}

/** A kiosk says its printer is in trouble (or fine again): somebody in the room should walk over. */
function showDeviceAlert(event) {
  const name = (event.device && event.device.name) || '';
  if (event.alert === 'PRINTER_OK') {
    C.showBanner(t('console.deviceAlert.ok', name), 'info');
  } else {
    C.showBanner(t('console.deviceAlert.printer', name, t('console.deviceAlert.problem.' + (event.problem || 'FAILED'))));
  }
}

/** Open while a counter can still do something with it (the server's allowedActions); DONE and the like are not. */
function isOpen(ticket) {
  return Array.isArray(ticket.allowedActions) && ticket.allowedActions.length > 0;
}

/**
 * Puts a ticket (as it is after a change) in the local map, or takes it out when it is closed. {@code fresh}: it
 * was just issued, so not knowing it says nothing about the lines.
 */
export function upsert(ticket, fresh) {
  const previous = S.tickets.get(ticket.id);
  const { behind, readAgain } = S.lines.take(ticket, previous, fresh, heldWaiting);
  if (readAgain) reloadBoardSoon();
  if (behind || !isOpen(ticket)) {
    S.tickets.delete(ticket.id);
    S.order.delete(ticket.id);
    return;
  }
  if (ticket.status === 'WAITING'
      && (!previous || previous.status !== 'WAITING' || previous.service !== ticket.service || !S.order.has(ticket.id))) {
    S.order.set(ticket.id, keyAtPosition(ticket));
  } else if (ticket.status !== 'WAITING') {
    S.order.delete(ticket.id);
  }
  S.tickets.set(ticket.id, ticket);
}

/** Waiting tickets of a service that this console counts but does not hold (past the first the board listed). */
export function notListed(service) {
  return S.lines.notListed(service);
}

function heldWaiting(service, except) {
  return waitingOf(service).filter((x) => x.id !== except).length;
}

/** The first of a long line were called: the board is read again for the next ones. */
function readAheadWhenLow() {
  if (S.lines.runningLow(S.services.map((s) => s.code), heldWaiting)) reloadBoardSoon();
}

/** A sort key that puts a ticket joining a line at the place the server gave it (position 1 = next). */
function keyAtPosition(ticket) {
  const others = waitingOf(ticket.service).filter((x) => x.id !== ticket.id);
  const group = others.filter((x) => !!x.priority === !!ticket.priority);
  const ahead = ticket.priority ? 0 : others.length - group.length;
  let index = ticket.position ? ticket.position - 1 - ahead : group.length;
  index = Math.max(0, Math.min(group.length, index));
  const before = index > 0 ? S.order.get(group[index - 1].id) : undefined;
  const after = index < group.length ? S.order.get(group[index].id) : undefined;
  if (after === undefined) {
    S.lastKey = Math.max(S.lastKey, before || 0) + 1;
    return S.lastKey;
  }
  if (before === undefined) return after - 1;
  return (before + after) / 2;
}

function sortKey(ticket) {
  const key = S.order.get(ticket.id);
  return key === undefined ? Number.MAX_SAFE_INTEGER : key;
}

/** The waiting line of a service: priority first, then in the order of the line. */
export function waitingOf(service) {
  const list = [];
  for (const ticket of S.tickets.values()) {
    if (ticket.status === 'WAITING' && ticket.service === service) list.push(ticket);
  }
  return list.sort((a, b) => (b.priority ? 1 : 0) - (a.priority ? 1 : 0)
    || sortKey(a) - sortKey(b) || a.number - b.number);
}

/** Today's online bookings of a service whose patient has not checked in yet, by estimated time. */
export function bookedOf(service) {
  const list = [];
  for (const ticket of S.tickets.values()) {
    if (ticket.status === 'BOOKED' && ticket.service === service) list.push(ticket);
  }
  const at = (ticket) => {
    const ms = C.parseTime(ticket.estimatedAt);
    return Number.isNaN(ms) ? Number.MAX_SAFE_INTEGER : ms;
  };
  return list.sort((a, b) => at(a) - at(b) || a.number - b.number);
}

/**
 * A waiting ticket whose time in line has not come: "call next" passes it over until its lineAt (the server's
 * fairness rule). Only a booked patient who checked in early can stand in line later than now; for anyone
 * else the comparison would only show how this machine's clock differs from the server's.
 */
export function notYet(ticket, now) {
  if (ticket.status !== 'WAITING' || !ticket.checkedInAt || !ticket.lineAt || ticket.service !== ticket.homeService) {
    return false;
  }
  return C.parseTime(ticket.lineAt) > (now || Date.now());
}

/**
 * Since when a waiting ticket has waited here (ms): the server's lineAt. A transferred ticket's lineAt is its
 * transfer; its wait counts from when the patient came (took the number, or checked in but not before the
 * estimated time), as the console has always shown it. Bookings are made days ahead, so their issue time
 * says nothing about today's wait.
 */
export function inLineSince(ticket) {
  if (ticket.service === ticket.homeService && ticket.lineAt) return C.parseTime(ticket.lineAt);
  if (ticket.source !== 'ONLINE') return C.parseTime(ticket.issuedAt);
  const arrived = C.parseTime(ticket.checkedInAt || ticket.issuedAt);
  const estimated = C.parseTime(ticket.estimatedAt);
  return !Number.isNaN(estimated) && (Number.isNaN(arrived) || estimated > arrived) ? estimated : arrived;
}

/** The ticket at this counter now (called or being served); the latest call if there were two. */
export function currentTicket() {
  if (!S.counter) return null;
  let current = null;
  for (const ticket of S.tickets.values()) {
    if ((ticket.status === 'CALLED' || ticket.status === 'SERVING') && ticket.counter
        && ticket.counter.code === S.counter.code) {
      if (!current || C.parseTime(ticket.calledAt) > C.parseTime(current.calledAt)) current = ticket;
    }
  }
  return current;
}
