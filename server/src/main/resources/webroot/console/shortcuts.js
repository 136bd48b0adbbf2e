/*
 * The console's keyboard shortcuts, in the chosen language: each action's key is the letter the bundle gives it
 * (console.key.<action>: Indonesian mnemonics in Bahasa Indonesia, English ones in English), so the handler, the
 * buttons' key caps and the "?" list all read one table and cannot drift apart. Space always calls the next
 * patient; "?" opens the list, Esc closes it.
 */
import { $, el, t } from './state.js';

/** The counter's actions in the order of the buttons, with the name of their texts in the bundles. */
export const ACTIONS = [
  { action: 'call-next', name: 'callNext' },
  { action: 'recall', name: 'recall' },
  { action: 'start', name: 'start' },
  { action: 'skip', name: 'skip' },
  { action: 'finish', name: 'finish' },
  { action: 'transfer', name: 'transfer' },
  { action: 'park', name: 'park' },
  { action: 'cancel', name: 'cancel' },
];

export const HELP_KEY = '?';

/** Letter (lower case) or ' ' → action, from the chosen language's bundle. */
let table = { ' ': 'call-next' };

function letterOf(name) {
  const letter = String(t('console.key.' + name) || '').trim().toLowerCase();
  // a missing or malformed text (the key's name shown instead) gives the action no key rather than a wrong one
  return /^[a-z0-9]$/.test(letter) ? letter : null;
}

/** Builds the table of the language just loaded and writes each button's key cap from it. */
export function applyShortcuts() {
  table = { ' ': 'call-next' };
  for (const { action, name } of ACTIONS) {
    const letter = letterOf(name);
    if (!letter) continue;
    if (table[letter]) {
      console.warn('antrean console: key ' + letter + ' of ' + action + ' is taken by ' + table[letter]);
      continue;
    }
    table[letter] = action;
  }
  for (const { action } of ACTIONS) {
    const button = document.querySelector('.act[data-action="' + action + '"]');
    if (!button) continue;
    const cap = keyCap(action);
    button.querySelector('kbd').textContent = cap;
    button.querySelector('kbd').hidden = !cap;
    // for screen readers, in the names of the ARIA specification (not translated)
    button.setAttribute('aria-keyshortcuts', keysOf(action).map((k) => (k === ' ' ? 'Space' : k.toUpperCase())).join(' '));
  }
  if ($('shortcuts-dialog').open) renderShortcutList();
}

/** The action of a key (as KeyboardEvent.key gives it), or null. */
export function actionOfKey(key) {
  const k = key === ' ' || key === 'Spacebar' ? ' ' : String(key || '').toLowerCase();
  return Object.prototype.hasOwnProperty.call(table, k) ? table[k] : null;
}

function keysOf(action) {
  return Object.keys(table).filter((k) => table[k] === action);
}

/** As a key cap shows it: "P / Spasi", "U". */
function keyCap(action) {
  return keysOf(action).sort((a, b) => (a === ' ') - (b === ' '))
    .map((k) => (k === ' ' ? t('console.key.space') : k.toUpperCase())).join(' / ');
}

function row(key, text) {
  return el('tr', {}, el('td', {}, el('kbd', { text: key })), el('td', { text }));
}

function renderShortcutList() {
  const rows = ACTIONS.filter(({ action }) => keyCap(action))
    .map(({ action, name }) => row(keyCap(action), t('console.action.' + name)));
  rows.push(row('1–9', t('console.shortcuts.transferChoice')));
  rows.push(row(HELP_KEY, t('console.shortcuts.help')));
  rows.push(row('Esc', t('console.shortcuts.close')));
  $('shortcuts-list').replaceChildren(...rows);
}

/** The "?" list, in the chosen language. */
export function openShortcuts() {
  renderShortcutList();
  if (!$('shortcuts-dialog').open) $('shortcuts-dialog').showModal();
}

export function wireShortcuts() {
  $('btn-shortcuts').addEventListener('click', openShortcuts);
}
