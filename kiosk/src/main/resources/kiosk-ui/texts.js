/*
 * The kiosk's texts (Bahasa Indonesia or English, from the agent's /i18n/kiosk.json) and times, always in the
 * facility's time zone. Patterns are formatted by the library the server's pages use (/assets/message-format.js,
 * a copy made at build time: the kiosk page works without the server).
 */

import { formatMessage } from '/assets/message-format.js';
import { $, state } from './state.js';
import { render } from './screens.js';

// ---- texts ---------------------------------------------------------------------------------------

export function t(key, ...args) {
  const pattern = state.bundles[state.lang][key] !== undefined ? state.bundles[state.lang][key] : state.bundles.id[key];
  // Patients read this screen: a text missing from both bundles is left blank rather than shown as its key.
  return pattern === undefined ? '' : formatMessage(pattern, args, state.lang);
}

export function has(key) {
  return state.bundles[state.lang][key] !== undefined || state.bundles.id[key] !== undefined;
}

/** A server text {id, en} in the current language. */
export function msg(message) {
  if (!message) return '';
  if (typeof message === 'string') return message;
  return message[state.lang] || message.id || message.en || '';
}

/** Texts are kept as {key, args} or {message: {id, en}} so a language change re-renders them. */
export function resolve(text) {
  if (!text) return '';
  if (text.message) return msg(text.message);
  return t(text.key, ...(text.args || []));
}

/**
 * A facility's name as people write it: BPJS sends "PUSKESMAS KASSI-KASSI", the kiosk says "Puskesmas Kassi-Kassi".
 * A name already in mixed case is left alone. Acronyms stay capitals: known ones (RSUD, UPT, PKM, ...), Roman
 * numerals, and words without a vowel (KB, DKT).
 */
const ACRONYMS = new Set(['RS', 'RSU', 'RSUD', 'RSUP', 'RSIA', 'RSAB', 'RSKIA', 'RSJ', 'RB', 'BP', 'UPT', 'UPTD',
  'PKM', 'BLUD', 'TNI', 'AD', 'AL', 'AU', 'POLRI', 'KKP', 'DKT', 'PT', 'CV', 'BUMN', 'NU', 'PKU', 'KIA', 'UGD',
  'IGD', 'DR', 'DRG']);

export function facilityName(name) {
  const text = String(name || '').trim();
  if (!text || /\p{Ll}/u.test(text)) return text;
  return text.replace(/\p{L}+/gu, (word) => {
    if (ACRONYMS.has(word) || /^[IVXLC]+$/.test(word) || !/[AEIOUY]/.test(word)) return word;
    return word.charAt(0) + word.slice(1).toLocaleLowerCase('id-ID');
  });
}

function locale() {
  return state.lang === 'en' ? 'en-GB' : 'id-ID';
}

export function applyTexts() {
  document.documentElement.lang = state.lang;
  document.title = t('kiosk.page.title') || 'Antrean';
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  document.querySelectorAll('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  });
  $('btn-lang').hidden = !(state.languages.includes('id') && state.languages.includes('en'));
}

export function setLang(lang) {
  if (lang === state.lang) return;
  state.lang = lang;
  formatters.clear();
  render();
}

// ---- time ----------------------------------------------------------------------------------------

export const formatters = new Map();

function formatter(name, options) {
  const id = state.lang + ':' + name;
  if (!formatters.has(id)) {
    const zone = state.facility && state.facility.timeZone;
    let f;
    try {
      f = new Intl.DateTimeFormat(locale(), Object.assign({ timeZone: zone || undefined }, options));
    } catch (e) {
      f = new Intl.DateTimeFormat(locale(), options); // an unknown zone: the kiosk's own
    }
    formatters.set(id, f);
  }
  return formatters.get(id);
}

const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DATE = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
const SHORT_DATE = { day: 'numeric', month: 'long', year: 'numeric' };

export function renderClock() {
  const now = new Date();
  $('clock').textContent = formatter('time', TIME).format(now);
  $('date').textContent = formatter('date', DATE).format(now);
}

export function dateTime(iso) {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return '';
  return t('kiosk.ticket.time', formatter('shortDate', SHORT_DATE).format(d), formatter('time', TIME).format(d));
}

export function localDate(isoDate) {
  // a plain date (2025-06-02) as the facility writes it
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate || '')) return '';
  const [y, m, d] = isoDate.split('-').map(Number);
  try {
    return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
      .format(new Date(Date.UTC(y, m - 1, d)));
  } catch (e) {
    return isoDate;
  }
}

export function todayInFacility() {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: (state.facility && state.facility.timeZone) || undefined,
      year: 'numeric', month: '2-digit', day: '2-digit',
    }).formatToParts(new Date());
    const get = (type) => (parts.find((p) => p.type === type) || {}).value;
    return get('year') + '-' + get('month') + '-' + get('day');
  } catch (e) {
    return '';
  }
}
