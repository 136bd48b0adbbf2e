/*
 * The console's state, shared by its modules: the session, the facility, the counter and the open tickets (kept
 * live from the server's events), with the constants of the screen. One object (S) rather than module variables,
 * because every module reads and changes it.
 */
import * as Common from './common.js';
import { LongLines } from '/assets/long-lines.js';

/** The helpers shared with the admin page (session, API, texts, DOM, times). */
export const C = Common;
export const el = C.el;
export const $ = (id) => document.getElementById(id);

export const ELIGIBILITY = new Set(['ACTIVE_HERE', 'REGISTERED_ELSEWHERE', 'INACTIVE', 'NOT_FOUND', 'UNVERIFIED']);
export const CALLING_EVENTS = new Set(['CALLED', 'RECALLED', 'RESUMED']);
// Statuses a ticket of another day can have while that day has not come (a booking made ahead, cancelled).
export const AHEAD_STATUSES = new Set(['BOOKED', 'CANCELLED', 'NO_SHOW']);
// Events after which BPJS has something new to hear (antrean/add, panggil, batal).
// UPDATED: a switch between JKN and UMUM is reported to BPJS's queue too.
export const BPJS_EVENTS = new Set(['ISSUED', 'STARTED', 'SKIPPED', 'CANCELLED', 'NO_SHOW', 'UPDATED']);

export const TICK_MS = 10000;
export const LONG_WAIT_MIN = 30;
export const VERY_LONG_WAIT_MIN = 60;
export const BPJS_POLL_MS = 20000;
// The board lists the first 50 of each line; the rest is counted. Asked for, the whole line (the API's maximum).
export const WHOLE_LINE = 100000;
export const COMPACT_HEADER = window.matchMedia('(max-width: 1500px)');

export const S = {
  t: (key) => key,
  me: null,
  facility: null,           // {code, name, timeZone}
  services: [],             // [{code, name, prefix, open}]
  counters: [],             // [{code, name, services}]
  counter: null,            // the chosen counter
  tickets: new Map(),       // id → open ticket
  order: new Map(),         // id → sort key of a waiting ticket within its service
  lines: new LongLines(),   // the waiting past the first the board listed: counted, not held
  wholeLine: false,         // the receptionist asked to see every waiting ticket, not the first 50 of each line
  lastKey: 0,
  serviceDate: null,
  live: null,
  liveStatus: 'connecting',
  snapshot: false,
  busy: false,
  flashId: null,
  ending: false,
  renderTimer: null,
  checkingIn: new Set(),    // ids of bookings being checked in now
  walkin: { key: null, body: null, ticket: null, identity: null, elig: null, eligFor: null, eligTimer: null, eligSeq: 0 },
  // the BPJS outbox: the chip's answer (pending ones and the counts), the dialog's list and its filter
  bpjs: { answer: null, list: null, filter: '', timer: null, soon: null, later: null, seq: 0, listSeq: 0,
    stale: false, off: false },
};

export const t = (key, ...args) => S.t(key, ...args);
export const counterKey = (facility) => 'antrean.console.counter.' + facility;
export const groupsKey = () => 'antrean.console.groups.' + S.facility.code + '.' + S.counter.code;
export const path = (rest) => C.facilityPath(S.facility.code, rest);

export function store(key, value) {
  try { localStorage.setItem(key, value); } catch (e) { /* ignore */ }
}

export function stored(key) {
  try { return localStorage.getItem(key); } catch (e) { return null; }
}
