/*
 * The receptionist / consulting-room console of Antrean (/console/), its entry module.
 *
 * Screens: login → choose the counter (remembered per facility) → the console: the counter's current ticket
 * with big action buttons and keyboard shortcuts, the waiting lists per service (live), parked and skipped
 * tickets, today's online bookings (Mobile JKN) not checked in yet with a check-in button, and a walk-in form
 * to issue a ticket. The header shows what the facility reported to BPJS (the outbox). Texts come from the
 * console bundle (Bahasa Indonesia first, English on a toggle). ES modules, no build step: this one wires the
 * page (keyboard, buttons) and boots it.
 */

import { $, C, COMPACT_HEADER, S, t } from './state.js';
import { HELP_KEY, actionOfKey, openShortcuts, wireShortcuts } from './shortcuts.js';
import {
  enterConsole,
  logout,
  sessionExpired,
  setLanguage,
  setLiveStatus,
  showCounterChoice,
  showLogin,
  startSession,
  submitLogin,
} from './session.js';
import {
  actionButton, cancelTicket, checkIn, onActionButton, printTicket, recheckTicket, switchPayer,
} from './counter-actions.js';
import { detailTicket } from './ticket-detail.js';
import {
  checkInFromWalkin,
  newWalkin,
  submitNotify,
  onPayerChange,
  onServiceChange,
  rowCheckInButton,
  scheduleEligibility,
  submitWalkin,
} from './walk-in.js';
import { loadBpjsList, openBpjsDialog, refreshBpjs, renderBpjsChip } from './bpjs-outbox.js';

// ---- keyboard -------------------------------------------------------------------------------------

function isField(target) {
  if (!target || !target.tagName) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

function onKeyDown(event) {
  if (document.body.dataset.screen !== 'console') return;
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented) return;
  if (document.querySelector('dialog[open]')) return;
  const target = event.target;
  if (isField(target)) return;
  if (event.key === HELP_KEY) {
    event.preventDefault();
    openShortcuts();
    return;
  }
  const key = event.key === ' ' || event.key === 'Spacebar' ? ' ' : String(event.key || '').toLowerCase();
  const action = actionOfKey(key);
  if (!action) return;
  // Space keeps its own meaning on the walk-in form's buttons and on a list's header (open / close).
  if (key === ' ' && target.closest && target.closest('form, summary')) return;
  event.preventDefault();   // also keeps Space from pressing the focused button
  if (event.repeat) return;
  const button = actionButton(action);
  if (!button || button.disabled) return;
  button.classList.add('is-pressed');
  setTimeout(() => button.classList.remove('is-pressed'), 160);
  onActionButton(action);
}

function onTransferKey(event) {
  if (!/^[1-9]$/.test(event.key)) return;
  const buttons = $('transfer-options').querySelectorAll('button');
  const button = buttons[Number(event.key) - 1];
  if (button) {
    event.preventDefault();
    button.click();
  }
}

// ---- wiring ---------------------------------------------------------------------------------------

function wire() {
  C.wireBanner();
  C.setUnauthorizedHandler(() => sessionExpired());
  $('login-form').addEventListener('submit', submitLogin);
  document.querySelectorAll('.lang-btn').forEach((button) => {
    button.addEventListener('click', () => {
      if (button.dataset.lang !== S.t.lang) setLanguage(button.dataset.lang, true);
    });
  });
  $('btn-logout').addEventListener('click', logout);
  $('btn-change-counter').addEventListener('click', () => showCounterChoice(true));
  $('counter-back').addEventListener('click', () => { if (S.counter) enterConsole(S.counter.code); });
  document.querySelectorAll('.act[data-action]').forEach((button) => {
    button.addEventListener('click', () => onActionButton(button.dataset.action));
  });
  document.addEventListener('keydown', onKeyDown);
  wireShortcuts();
  if (COMPACT_HEADER.addEventListener) COMPACT_HEADER.addEventListener('change', renderBpjsChip);
  $('transfer-dialog').addEventListener('keydown', onTransferKey);
  // A button clicked with the mouse gives the focus back, so that Space means "call next" again.
  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('button');
    if (button && event.detail > 0 && !button.closest('form, dialog')) {
      setTimeout(() => { if (document.activeElement === button) button.blur(); }, 0);
    }
  });
  $('walkin-form').addEventListener('submit', submitWalkin);
  $('walkin-payer').addEventListener('change', onPayerChange);
  $('walkin-service').addEventListener('change', onServiceChange);
  $('walkin-card').addEventListener('input', scheduleEligibility);
  $('walkin-print').addEventListener('click', (e) => { if (S.walkin.ticket) printTicket(S.walkin.ticket, e.currentTarget); });
  $('walkin-new').addEventListener('click', newWalkin);
  $('walkin-notify').addEventListener('submit', submitNotify);
  $('ticket-print').addEventListener('click', (e) => { if (detailTicket) printTicket(detailTicket, e.currentTarget); });
  $('ticket-cancel-ticket').addEventListener('click', (e) => {
    const ticket = detailTicket;
    $('ticket-dialog').close();
    if (ticket) cancelTicket(ticket, e.currentTarget);
  });
  $('ticket-recheck').addEventListener('click', (e) => { if (detailTicket) recheckTicket(detailTicket, e.currentTarget); });
  $('ticket-payer').addEventListener('click', (e) => { if (detailTicket) switchPayer(detailTicket, e.currentTarget); });
  $('ticket-check-in').addEventListener('click', () => {
    const ticket = detailTicket;
    $('ticket-dialog').close();
    if (ticket) checkIn(ticket, rowCheckInButton(ticket.id));
  });
  $('walkin-booking').addEventListener('click', (e) => {
    const button = e.target.closest && e.target.closest('button[data-role="check-in"]');
    if (button) checkInFromWalkin(button);
  });
  $('bpjs-chip').addEventListener('click', openBpjsDialog);
  $('bpjs-reload').addEventListener('click', () => {
    loadBpjsList();
    refreshBpjs();
  });
}

async function boot() {
  wire();
  await setLanguage(C.lang(), false);
  setLiveStatus('connecting');
  onPayerChange();
  document.body.classList.remove('booting');
  const notice = C.takeLoginNotice();
  if (!C.token()) {
    showLogin(notice ? t(notice) : '', 'info');
    return;
  }
  try {
    const me = await C.api('/api/v1/auth/me');
    if (me.kind === 'OPERATOR') {
      location.href = 'settings.html';
      return;
    }
    if (me.kind && me.kind !== 'STAFF') {
      C.clearSession();
      showLogin(t('console.login.error.notStaff'), 'error');
      return;
    }
    C.saveSession(null, me);
    await startSession(me, true);
  } catch (e) {
    if (e.status === 401) return;   // sessionExpired() has shown the login
    showLogin(C.errorText(e, S.t), 'error');
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
