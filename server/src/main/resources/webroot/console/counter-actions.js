/*
 * What the receptionist does to tickets: the counter's actions (POST …/counters/{counter}/{action}), calling
 * a chosen ticket, cancelling, checking in a booked patient, transferring, and reprinting a ticket.
 */

import { $, C, S, WHOLE_LINE, el, path, t } from './state.js';
import { serviceName } from './session.js';
import { applyBoard, currentTicket, notYet, upsert } from './live-queue.js';
import { scheduleRender } from './queue-view.js';
import { refreshBpjsAfterAction } from './bpjs-outbox.js';
import { detailTicket, fillDetail } from './ticket-detail.js';

// ---- counter actions ------------------------------------------------------------------------------

export function actionButton(action) {
  return document.querySelector('.act[data-action="' + action + '"]');
}

export async function onActionButton(action) {
  if (S.busy || !S.counter) return;
  const button = actionButton(action);
  if (!button || button.disabled) return;
  const current = currentTicket();
  if (action === 'transfer') {
    if (current) openTransfer(current);
    return;
  }
  if (action === 'cancel') {
    if (!current) return;
    const ok = await C.confirmDialog({ title: t('console.confirm.cancel.title', current.label),
      body: t('console.confirm.cancel.body'), ok: t('console.confirm.cancel.ok'), back: t('console.dialog.back'),
      danger: true, focusOk: true });   // C then Enter: two deliberate keys; Esc goes back
    if (!ok) return;
  }
  const body = action !== 'call-next' && current ? { ticket: current.id } : undefined;
  await counterAction(action, body, button);
}

/** POST …/counters/{counter}/{action}; the answer (the ticket after the action) is shown at once. */
async function counterAction(action, body, button) {
  if (S.busy) return null;
  S.busy = true;
  if (button) button.classList.add('is-busy');
  document.body.classList.add('is-busy');
  try {
    const ticket = await C.api(path('/counters/' + encodeURIComponent(S.counter.code) + '/' + action),
      { method: 'POST', body });
    if (ticket && ticket.id !== undefined) {
      upsert(ticket);
      if (action === 'call-next' || action === 'call' || action === 'recall' || action === 'resume') {
        S.flashId = ticket.id;
      }
      note(t('console.note.' + action, ticket.label, ticket.serviceName || serviceName(ticket.service)));
      if (action === 'start' || action === 'skip' || action === 'cancel') refreshBpjsAfterAction();
    }
    scheduleRender();
    return ticket;
  } catch (e) {
    C.showBanner(C.errorText(e, S.t));
    return null;
  } finally {
    S.busy = false;
    if (button) button.classList.remove('is-busy');
    document.body.classList.remove('is-busy');
  }
}

let noteTimer = null;
function note(text) {
  const box = $('action-note');
  box.textContent = text;
  clearTimeout(noteTimer);
  noteTimer = setTimeout(() => { box.textContent = ''; }, 8000);
}

export async function callThis(id, button) {
  const ticket = S.tickets.get(id);
  if (!ticket || S.busy) return;
  const ok = await C.confirmDialog({ title: t('console.confirm.call.title', ticket.label),
    body: t('console.confirm.call.body'), ok: t('console.confirm.call.ok'), back: t('console.dialog.back'),
    focusOk: true });
  if (ok) await counterAction('call', { ticket: id }, button);
}

export async function rowAction(action, ticket, button) {
  await counterAction(action, { ticket: ticket.id }, button);
}

export async function cancelTicket(ticket, button) {
  if (S.busy) return;
  const ok = await C.confirmDialog({ title: t('console.confirm.cancel.title', ticket.label),
    body: t('console.confirm.cancel.body'), ok: t('console.confirm.cancel.ok'), back: t('console.dialog.back'),
    danger: true });
  if (ok) await counterAction('cancel', { ticket: ticket.id }, button);
}

/** POST …/tickets/{id}/check-in: the booked patient is here and joins the line (from their estimated time). */
export async function checkIn(ticket, button) {
  if (S.checkingIn.has(ticket.id)) return null;
  S.checkingIn.add(ticket.id);
  if (button) {
    button.classList.add('is-busy');
    button.disabled = true;
  }
  try {
    const after = await C.api(path('/tickets/' + encodeURIComponent(ticket.id) + '/check-in'), { method: 'POST' });
    if (after && after.id !== undefined) {
      upsert(after);
      const where = after.serviceName || serviceName(after.service);
      if (notYet(after)) {
        note(t('console.note.checkInLater', after.label, C.formatTime(after.lineAt, S.facility.timeZone, S.t.lang)));
      } else if (after.position) {
        note(t('console.note.checkIn', after.label, after.position, where));
      } else {
        note(t('console.note.checkInPlain', after.label, where));
      }
    }
    scheduleRender();
    return after;
  } catch (e) {
    C.showBanner(C.errorText(e, S.t));
    // Checked in at the kiosk meanwhile, cancelled, or gone: show it as it is now.
    if (e.status === 409 || e.status === 404) refreshTicket(ticket.id);
    return null;
  } finally {
    S.checkingIn.delete(ticket.id);
    if (button) {
      button.classList.remove('is-busy');
      button.disabled = false;
    }
  }
}

/** Reads one ticket again and puts it in the local map as it is now (taken out when closed or gone). */
async function refreshTicket(id) {
  try {
    const ticket = await C.api(path('/tickets/' + encodeURIComponent(id)));
    delete ticket.history;
    if (!S.serviceDate || ticket.serviceDate === S.serviceDate) upsert(ticket);
  } catch (e) {
    if (e.status === 404) {
      S.tickets.delete(id);
      S.order.delete(id);
    }
  }
  scheduleRender();
}

/** Reads the whole board again (after the day changed, to catch what was booked for it before). */
let boardTimer = null;
export function reloadBoardSoon() {
  clearTimeout(boardTimer);
  boardTimer = setTimeout(async () => {
    try {
      applyBoard(await C.api(path('/queue' + (S.wholeLine ? '?waitingLimit=' + WHOLE_LINE : ''))));
    } catch (e) { /* the next snapshot brings it */ }
  }, 1000);
}

function openTransfer(ticket) {
  const dialog = $('transfer-dialog');
  $('transfer-title').textContent = t('console.transfer.title', ticket.label);
  const box = $('transfer-options');
  box.replaceChildren();
  const targets = S.services.filter((s) => s.code !== ticket.service);
  targets.forEach((service, index) => {
    const button = el('button', { type: 'button', class: 'btn transfer-btn', dataset: { service: service.code } },
      el('span', { class: 'transfer-name', text: service.name }),
      service.open ? null : el('span', { class: 'svc-tag svc-closed', text: t('console.waiting.closed') }),
      index < 9 ? el('kbd', { text: String(index + 1) }) : null);
    button.addEventListener('click', async () => {
      dialog.close();
      await counterAction('transfer', { service: service.code, ticket: ticket.id }, $('btn-transfer'));
    });
    box.append(button);
  });
  dialog.showModal();
  const first = box.querySelector('button');
  if (first) first.focus();
}

// ---- reprint --------------------------------------------------------------------------------------

/** Fetches the ticket's PDF with the token and opens it in a new tab, where it can be printed. */
export async function printTicket(ticket, button) {
  if (button) button.classList.add('is-busy');
  try {
    const blob = await C.api(path('/tickets/' + encodeURIComponent(ticket.id) + '/ticket.pdf'), { blob: true });
    const url = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: 'application/pdf' }));
    const opened = window.open(url, '_blank');
    if (!opened) C.showBanner(t('console.print.popupBlocked', ticket.label), 'info', { text: t('console.print.open'), href: url });
    setTimeout(() => URL.revokeObjectURL(url), 120000);
  } catch (e) {
    if (e.status === 404 && (!e.problem || e.problem.code === 'NOT_FOUND')) {
      C.showBanner(t('console.print.unavailable', ticket.label));
    } else {
      C.showBanner(t('console.print.failed', ticket.label, C.errorText(e, S.t)));
    }
  } finally {
    if (button) button.classList.remove('is-busy');
  }
}

// ---- the desk's corrections of a ticket (issue #15) ----------------------------------------------

/** The answer of a correction: the ticket as it is now (in the list and, if open, in its dialog). */
function corrected(result) {
  const ticket = result && result.ticket;
  if (!ticket || ticket.id === undefined) return null;
  upsert(ticket);
  if (detailTicket && detailTicket.id === ticket.id && $('ticket-dialog').open) fillDetail(ticket);
  scheduleRender();
  return ticket;
}

async function correction(button, url, body) {
  if (S.busy) return null;
  S.busy = true;
  if (button) button.classList.add('is-busy');
  try {
    return await C.api(path(url), { method: 'POST', body });
  } catch (e) {
    C.showBanner(C.errorText(e, S.t));
    return null;
  } finally {
    S.busy = false;
    if (button) button.classList.remove('is-busy');
  }
}

/** "Periksa ulang": POST …/tickets/{id}/recheck, a fresh BPJS answer the ticket then carries. */
export async function recheckTicket(ticket, button) {
  const result = await correction(button, '/tickets/' + encodeURIComponent(ticket.id) + '/recheck');
  const after = corrected(result);
  if (!after) return;
  const message = result.eligibility && result.eligibility.message;
  note(t('console.note.recheck', after.label, (message && (message[S.t.lang] || message.id)) || ''));
}

/** POST …/tickets/{id}/payer: JKN ↔ UMUM, after a confirmation (BPJS's queue hears of it). */
export async function switchPayer(ticket, button) {
  const to = ticket.payer === 'JKN' ? 'UMUM' : 'JKN';
  const ok = await C.confirmDialog({ title: t('console.confirm.payer.title.' + to, ticket.label),
    body: t('console.confirm.payer.body.' + to), ok: t('console.confirm.payer.ok'), back: t('console.dialog.back') });
  if (!ok) return;
  const after = corrected(await correction(button, '/tickets/' + encodeURIComponent(ticket.id) + '/payer',
    { payer: to }));
  if (after) {
    note(t('console.note.payer.' + to, after.label));
    refreshBpjsAfterAction();
  }
}
