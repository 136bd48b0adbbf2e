/*
 * The admin page's state, shared by its modules: the session's user and facility, the texts, the open tab.
 */
import * as Common from './common.js';

/** The helpers shared with the console (session, API, texts, DOM, times). */
export const C = Common;
export const el = C.el;
export const $ = (id) => document.getElementById(id);
export const TABS = ['devices', 'roster', 'audit', 'bpjs', 'reports', 'backups'];

export const S = {
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
export const t = (key, ...args) => S.t(key, ...args);
export const path = (rest) => C.facilityPath(S.facility.code, rest);

export function dateTime(iso) {
  if (!iso) return '';
  const ms = C.parseTime(iso);
  const zone = S.facility.timeZone;
  return C.formatDate(ms, zone, S.t.lang) + ' ' + C.formatTime(ms, zone, S.t.lang);
}
