/*
 * The settings page's state and the helpers its sections share: the session's user, the facility being set up
 * (an operator picks one; an admin has their own), the texts, and an edit that names the version it read, so
 * that two admins never silently overwrite each other (the server answers 412 and the section reloads).
 */
import * as Common from './common.js';

export const C = Common;
export const el = C.el;
export const $ = (id) => document.getElementById(id);
export const TABS = ['profile', 'services', 'closures', 'rooms', 'staff', 'bpjs', 'notify'];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export const S = {
  t: (key) => key,
  me: null,
  facility: null,
  facilities: [],
  tab: 'profile',
  services: [],
  counters: [],
};
export const t = (key, ...args) => S.t(key, ...args);
export const path = (rest) => C.facilityPath(S.facility.code, rest);
export const isOperator = () => !!S.me && S.me.role === 'OPERATOR';

/** A list out of an answer that is either the list or an object holding it under `key`. */
export function listOf(answer, key) {
  if (Array.isArray(answer)) return answer;
  return (answer && Array.isArray(answer[key])) ? answer[key] : [];
}

/** A change to a versioned row: sends If-Match with the version the form was filled from. */
export function saveVersioned(url, method, body, version) {
  const headers = version === undefined || version === null ? {} : { 'If-Match': '"' + version + '"' };
  return C.api(url, { method, body, headers });
}

/**
 * Shows what went wrong in the section's own error line (the field the server named gets the focus); a
 * conflict (412) says someone else changed it and reloads the section so the admin sees their change.
 */
export function failed(error, errorBox, reload, form) {
  const box = typeof errorBox === 'string' ? $(errorBox) : errorBox;
  const text = error && error.status === 412 ? t('console.settings.conflict') : C.errorText(error, S.t);
  if (box) {
    box.textContent = text;
    box.hidden = false;
  } else {
    C.showBanner(text);
  }
  const field = error && error.problem && error.problem.field;
  if (form && field) {
    const input = form.querySelector('[name="' + CSS.escape(String(field).split('.').pop()) + '"]');
    if (input) input.focus();
  }
  if (error && error.status === 412 && reload) reload();
}

export function clearError(errorBox) {
  const box = typeof errorBox === 'string' ? $(errorBox) : errorBox;
  if (box) {
    box.hidden = true;
    box.textContent = '';
  }
}

/** The form's named fields as an object; empty text fields are left out (optional fields stay unset). */
export function formValues(form) {
  const values = {};
  for (const input of form.querySelectorAll('[name]')) {
    if (input.type === 'checkbox') values[input.name] = input.checked;
    else if (input.type === 'number') {
      if (input.value !== '') values[input.name] = Number(input.value);
    } else if (input.value.trim() !== '') values[input.name] = input.value.trim();
  }
  return values;
}

/** Fills a form's named fields from a row. */
export function fill(form, row) {
  for (const input of form.querySelectorAll('[name]')) {
    const value = row ? row[input.name] : undefined;
    if (input.type === 'checkbox') input.checked = value === undefined ? input.defaultChecked : !!value;
    else input.value = value === undefined || value === null ? '' : String(value);
  }
}

export function dateTime(iso) {
  if (!iso) return '';
  const ms = C.parseTime(iso);
  const zone = S.facility.timeZone;
  return C.formatDate(ms, zone, S.t.lang) + ' ' + C.formatTime(ms, zone, S.t.lang);
}

export function today() {
  return C.localDate(S.facility.timeZone);
}

export function button(textKey, onClick, kind) {
  return el('button', { type: 'button', class: 'btn btn-small ' + (kind || 'btn-ghost'), onclick: onClick },
    t(textKey));
}
