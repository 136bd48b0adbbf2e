/*
 * What the waiting-room display knows: where it is (facility, device token, services filter), its texts, and
 * the board kept from the server's snapshot and events — the calls, the open tickets, the waiting counts.
 */

import { loadTexts as loadBundle } from '/assets/i18n.js';
import { LongLines } from '/assets/long-lines.js';
import { flash, render, renderTexts, takeEstimates } from './board-view.js';
import { announce, player, tick } from './display.js';

export const RECENT_SHOWN = 7;         // calls listed on the right
const RECENT_KEPT = 40;                // calls remembered (before the services filter)
export const FLASH_MS = 6000;          // how long a new call is highlighted
export const FOOTER_SWITCH_MS = 12000; // footer: Bahasa Indonesia, then English, then ...
const ANNOUNCED = new Set(['TICKET_CALLED', 'TICKET_RECALLED', 'TICKET_RESUMED']);

export const $ = (id) => document.getElementById(id);

// ---- where we are: facility, token, services filter ------------------------------------------------

export const parts = location.pathname.split('/').filter(Boolean);
export const facility = parts.length >= 2 ? decodeURIComponent(parts[1]) : '';
export const tokenKey = 'antrean.display.token.' + facility;
const infoKey = 'antrean.display.info.' + facility;

/** #token=... in the address: kept in the browser, then taken out of the address bar. */
function takeToken() {
  const fragment = /(?:^#|&)token=([^&]*)/.exec(location.hash); // as it is: a '+' stays a '+'
  if (!fragment) return false;
  try {
    localStorage.setItem(tokenKey, decodeURIComponent(fragment[1]));
  } catch (e) {
    console.warn('antrean display: cannot store the token', e);
  }
  history.replaceState(null, '', location.pathname + location.search);
  return true;
}
takeToken();
// a new token typed into the address bar of a running display: start again with it
window.addEventListener('hashchange', () => {
  if (takeToken()) location.reload();
});

const filter = (new URLSearchParams(location.search).get('services') || '')
  .split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);

// ---- texts -----------------------------------------------------------------------------------------

// Patients read this screen: a text missing from the bundle is left blank rather than shown as its key.
const blank = () => '';
export let t = blank;   // Bahasa Indonesia
export let tEn = blank; // English, for the footer and the sound button

export async function loadTexts() {
  try {
    const [id, en] = await Promise.all([loadBundle('display', 'id', { missing: blank }),
      loadBundle('display', 'en', { missing: blank })]);
    if (!Object.keys(id.texts).length) throw new Error('no texts');
    t = id;
    tEn = Object.keys(en.texts).length ? en : t;
    renderTexts();
    render();
  } catch (e) {
    setTimeout(loadTexts, 5000);
  }
}

// ---- the model -------------------------------------------------------------------------------------

let cached = {};
try {
  cached = JSON.parse(localStorage.getItem(infoKey) || '{}') || {};
} catch (e) {
  cached = {};
}

export const state = {
  facilityName: cached.facilityName || '',
  timeZone: cached.timeZone || null,
  announceTwice: cached.announceTwice !== false, // the facility's setting (profile), on by default
  serviceDate: null,
  status: 'connecting',
  unauthorized: false,
  hasData: false,
  services: [],          // [{code, name, prefix, open}] in the facility's order
  tickets: new Map(),    // ticket id -> open ticket (WAITING, CALLED, SERVING, SKIPPED, PARKED)
  lines: new LongLines(), // the waiting past the first the board listed (it lists 50 a line): counted, not kept
  recent: [],            // calls, newest first: {ticketId, label, service, serviceName, counter, at, serviceDate}
  missed: new Map(),     // ticket id -> a number skipped today that can still come back: {ticketId, label, service, serviceName}
  paces: null,           // service code -> {secondsPerPatient (null: no basis), counters}, as the stream tells them
  estimates: {},         // service code -> minutes, from the last board: only until the first paces come
};
export const spoken = [];

function serviceOf(code) {
  return state.services.find((s) => s.code === code);
}

function shown(code, label) {
  if (!filter.length) return true;
  const service = serviceOf(code);
  const keys = [String(code || '').toLowerCase()];
  if (service && service.prefix) keys.push(String(service.prefix).toLowerCase());
  else if (label) keys.push(String(label).split('-')[0].toLowerCase());
  return keys.some((k) => filter.includes(k));
}

function callOf(ticket, counter, at) {
  const place = counter || ticket.counter || null;
  return {
    ticketId: ticket.id,
    label: ticket.label,
    service: ticket.service,
    serviceName: ticket.serviceName || (serviceOf(ticket.service) || {}).name || '',
    counter: place ? { code: place.code, name: place.name, spokenName: place.spokenName || null } : null,
    at: at || ticket.calledAt || new Date().toISOString(),
    serviceDate: ticket.serviceDate || state.serviceDate,
  };
}

/** A missed number: what the screen may show of it, numbers and polis only. */
function missedOf(m) {
  return { ticketId: m.ticketId, label: m.label, service: m.service,
    serviceName: m.serviceName || (serviceOf(m.service) || {}).name || '', serviceDate: m.serviceDate || state.serviceDate };
}

function byTimeDesc(a, b) {
  return Date.parse(b.at) - Date.parse(a.at);
}

/** The polis as the board tells them; one closed for the day carries the reason (closedToday). */
export function takeServices(board) {
  state.services = (board.services || []).map((s) => ({
    code: s.code, name: s.name, prefix: s.prefix, open: s.open !== false,
    closedToday: s.closedToday ? s.closedToday.reason : null,
  }));
}

export function onSnapshot(board) {
  state.facilityName = board.facilityName || state.facilityName;
  state.timeZone = board.timeZone || state.timeZone;
  state.serviceDate = board.serviceDate || state.serviceDate;
  takeServices(board);
  takeEstimates(board);
  state.tickets = new Map();
  state.lines.fromBoard(board);
  // the day so far (a display opened mid-morning): the latest calls, each ticket once at its latest call,
  // then those at a counter that the list no longer reaches
  const calls = [];
  const listed = new Set();
  for (const c of board.recentCalls || []) {
    if (listed.has(c.ticketId)) continue;
    listed.add(c.ticketId);
    calls.push(callOf({ ...c, id: c.ticketId, serviceDate: state.serviceDate }, c.counter, c.at));
  }
  for (const s of board.services || []) {
    for (const list of [s.waiting, s.nowServing, s.skipped, s.parked]) {
      for (const ticket of list || []) state.tickets.set(ticket.id, ticket);
    }
    for (const ticket of s.nowServing || []) {
      if (!listed.has(ticket.id)) calls.push(callOf(ticket, ticket.counter, ticket.calledAt));
    }
  }
  // and the numbers called today that did not come and can still come back
  state.missed = new Map();
  const missed = board.missed || (board.services || []).flatMap((s) => s.skipped || [])
    .map((t) => ({ ticketId: t.id, label: t.label, service: t.service, serviceName: t.serviceName }));
  for (const m of missed) state.missed.set(m.ticketId, missedOf(m));
  // the snapshot replaces the state; calls already on screen today that it no longer lists stay as history,
  // and a recall seen before keeps its time (the snapshot only knows when a ticket was first called)
  const known = new Map(state.recent.map((c) => [c.ticketId, c]));
  for (const call of calls) {
    const seen = known.get(call.ticketId);
    if (seen && seen.counter && call.counter && seen.counter.code === call.counter.code && Date.parse(seen.at) > Date.parse(call.at)) {
      call.at = seen.at;
    }
  }
  const fresh = new Set(calls.map((c) => c.ticketId));
  const older = state.recent.filter((c) => !fresh.has(c.ticketId) && c.serviceDate === state.serviceDate);
  state.recent = calls.concat(older).sort(byTimeDesc).slice(0, RECENT_KEPT);
  state.hasData = true;
  try {
    remember();
  } catch (e) {
    // private mode or full: the clock waits for the next snapshot after a reload
  }
  // a snapshot is not a new call: no highlight, no voice
  tick();
  render();
}

function remember() {
  localStorage.setItem(infoKey, JSON.stringify({ facilityName: state.facilityName, timeZone: state.timeZone,
    announceTwice: state.announceTwice }));
}

function storedToken() {
  try {
    return localStorage.getItem(tokenKey);
  } catch (e) {
    return null;
  }
}

/**
 * The facility's profile: whether each call is said twice (announceTwice). Read at the start and again when an
 * admin changes it (SETTINGS_CHANGED "profile"); until then the last known setting holds. Nothing on screen
 * changes with it (the name comes with the board, where it is fitted beside the clock).
 */
export async function loadSettings() {
  const token = storedToken();
  if (!token) return;
  try {
    const response = await fetch('/api/v1/facilities/' + encodeURIComponent(facility) + '/profile', {
      headers: { Authorization: 'Bearer ' + token },
      cache: 'no-store',
    });
    if (!response.ok) return;
    const profile = await response.json();
    state.announceTwice = profile.announceTwice !== false;
    try {
      remember();
    } catch (e) {
      // no storage: the setting is read again at the next start
    }
  } catch (e) {
    console.warn('antrean display: profile not read', e);
  }
}

export function onEvent(event) {
  if (event.type === 'SETTINGS_CHANGED') {
    if (event.settings === 'services' || event.settings === 'counters') reloadBoard();
    return;
  }
  const ticket = event.ticket;
  if (!ticket || ticket.id === undefined) return;
  // skipped: on the "Nomor terlewat" list until it is brought back (or closed)
  if (ticket.status === 'SKIPPED' && (!state.serviceDate || !ticket.serviceDate || ticket.serviceDate >= state.serviceDate)) {
    state.missed.set(ticket.id, missedOf({ ticketId: ticket.id, label: ticket.label, service: ticket.service,
      serviceName: ticket.serviceName, number: ticket.number, serviceDate: ticket.serviceDate }));
  } else {
    state.missed.delete(ticket.id);
  }
  keep(ticket, event.type === 'TICKET_ISSUED');
  readAheadWhenLow();
  if (ticket.serviceDate && (!state.serviceDate || ticket.serviceDate > state.serviceDate)) {
    state.serviceDate = ticket.serviceDate;
  }
  if (ANNOUNCED.has(event.type)) {
    const call = callOf(ticket, event.counter, event.at);
    state.recent = [call].concat(state.recent.filter((c) => c.ticketId !== call.ticketId)).slice(0, RECENT_KEPT);
    if (shown(call.service, call.label)) {
      announce(call);
      flash();
    }
  }
  render();
}

/**
 * Keeps a ticket as it is after a change, or lets it go once no counter can do anything with it any more (the
 * server's allowedActions). A long line is kept by its first tickets only: one joining behind those the board did
 * not list is counted, not kept; a change to a ticket never seen may be one of those, so the board is read again.
 */
function keep(ticket, fresh) {
  const previous = state.tickets.get(ticket.id);
  const { behind, readAgain } = state.lines.take(ticket, previous, fresh, kept);
  if (readAgain) reloadBoardSoon();
  if (behind || !(ticket.allowedActions || []).length) state.tickets.delete(ticket.id);
  else state.tickets.set(ticket.id, ticket);
}

/** Waiting tickets of a service kept here, but {@code except}. */
function kept(code, except) {
  let count = 0;
  for (const ticket of state.tickets.values()) {
    if (ticket.status === 'WAITING' && ticket.service === code && ticket.id !== except) count++;
  }
  return count;
}

function readAheadWhenLow() {
  if (state.lines.runningLow(state.services.map((s) => s.code), kept)) reloadBoardSoon();
}

let reloadTimer = null;

function reloadBoardSoon() {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(reloadBoard, 1000);
}

/** Each service's pace, from the stream (event: paces): at the start, then whenever it changes. */
export function onPaces(message) {
  state.paces = message.services || {};
  render();
}

/**
 * Minutes a newcomer waits with {@code ahead} people before them, worked out as the server's estimator does
 * (WaitEstimator.Pace.minutesFor), so the estimate follows every ticket taken and called at once; null when the
 * server has no basis for one. Before the first paces, the board's own estimate.
 */
export function estimateFor(code, ahead) {
  const pace = state.paces ? state.paces[code] : undefined;
  if (!pace) return state.estimates[code];
  if (pace.secondsPerPatient === null || pace.secondsPerPatient === undefined) return null;
  return Math.ceil(ahead * pace.secondsPerPatient / Math.max(1, pace.counters) / 60.0);
}

export function onStatus(status) {
  // A reconnect attempt while offline is still offline: the badge must not blink off and on every second.
  if (status === 'connecting' && state.status === 'offline') return;
  state.status = status;
  if (status === 'live') state.unauthorized = false;
  render();
}

export function onUnauthorized() {
  state.unauthorized = true;
  render();
}

/** At the facility's local midnight: yesterday's tickets and calls go. */
export function rollDay(today) {
  if (!state.serviceDate || today <= state.serviceDate) return;
  state.serviceDate = today;
  state.lines.clear();
  for (const [id, ticket] of state.tickets) {
    if (ticket.serviceDate && ticket.serviceDate < today) state.tickets.delete(id);
  }
  state.recent = state.recent.filter((c) => !c.serviceDate || c.serviceDate >= today);
  for (const [id, m] of state.missed) {
    if (m.serviceDate && m.serviceDate < today) state.missed.delete(id);
  }
  render();
}

export function shownCalls() {
  return state.recent.filter((c) => shown(c.service, c.label));
}

export function currentCall() {
  return shownCalls()[0] || null;
}

/** Today's missed numbers on this screen, in the order of the polis, then of the numbers. */
export function shownMissed() {
  const order = new Map(state.services.map((s, i) => [s.code, i]));
  const rank = (m) => (order.has(m.service) ? order.get(m.service) : order.size);
  return [...state.missed.values()].filter((m) => shown(m.service, m.label))
    .sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label, 'en', { numeric: true }));
}

export function shownServices() {
  return state.services.filter((s) => shown(s.code, s.prefix));
}

export function waitingCounts() {
  const counts = {};
  for (const s of shownServices()) counts[s.code] = 0;
  for (const ticket of state.tickets.values()) {
    if (ticket.status === 'WAITING' && Object.prototype.hasOwnProperty.call(counts, ticket.service)) counts[ticket.service]++;
  }
  for (const code of Object.keys(counts)) counts[code] += state.lines.notListed(code);
  return counts;
}

export const NEXT_SHOWN = 3; // "Berikutnya": the next numbers of each poli

/**
 * The next numbers of a poli, in calling order: the board lists each poli's waiting tickets in that order and
 * a new ticket joins at the end, so the order the tickets were taken in is kept.
 */
export function nextNumbers(code) {
  const next = [];
  for (const ticket of state.tickets.values()) {
    if (next.length === NEXT_SHOWN) break;
    if (ticket.status === 'WAITING' && ticket.service === code) next.push(ticket.label);
  }
  return next;
}

export function destinationOf(call) {
  return call.counter ? (call.counter.name || call.counter.code || '') : '';
}

/** What the voice says for the room: the spoken name an admin gave it, else what the screen shows. */
export function spokenDestinationOf(call) {
  return call.counter && call.counter.spokenName ? call.counter.spokenName : destinationOf(call);
}

/**
 * An admin changed the services or rooms: the board is read again (new tiles, names, letters) as a snapshot,
 * without reloading the page (which could cost the sound its permission to play).
 */
async function reloadBoard() {
  // no token (no storage): try without, the stream's own snapshot will follow on the next reconnect
  const token = storedToken();
  try {
    const response = await fetch('/api/v1/facilities/' + encodeURIComponent(facility) + '/queue', {
      headers: token ? { Authorization: 'Bearer ' + token } : {},
      cache: 'no-store',
    });
    if (response.ok) onSnapshot(await response.json());
  } catch (e) {
    console.warn('antrean display: board not reloaded', e);
  }
}

export function model() {
  const counts = waitingCounts();
  const calls = shownCalls().slice(0, RECENT_SHOWN).map((c) => ({
    ticketId: c.ticketId, label: c.label, service: c.service, serviceName: c.serviceName,
    destination: destinationOf(c), counter: c.counter, at: c.at,
  }));
  return {
    facility,
    facilityName: state.facilityName,
    timeZone: state.timeZone,
    serviceDate: state.serviceDate,
    status: state.status,
    unauthorized: state.unauthorized,
    announceTwice: state.announceTwice,
    filter: filter.slice(),
    sound: player ? player.state() : 'unsupported',
    audio: player ? { clips: player.loaded(), pending: player.pending() } : { clips: 0, pending: 0 },
    current: calls[0] || null,
    calls,
    missed: shownMissed().map((m) => ({ ticketId: m.ticketId, label: m.label, service: m.service })),
    recent: calls,
    waiting: counts,
    services: shownServices().map((s) => ({ code: s.code, name: s.name, prefix: s.prefix, open: s.open,
      closedToday: s.closedToday, waiting: counts[s.code], estimate: estimateFor(s.code, counts[s.code]),
      next: nextNumbers(s.code) })),
  };
}
