/*
 * The walk-in form: take a number for a patient at the desk, with the JKN eligibility check as the card is
 * typed, and the check-in of a patient who booked online.
 */

import { $, C, ELIGIBILITY, S, el, path, t } from './state.js';
import { serviceName } from './session.js';
import { notYet, upsert } from './live-queue.js';
import { eligibilityBadge, scheduleRender, ticketBadges } from './queue-view.js';
import { checkIn } from './counter-actions.js';
import { refreshBpjsAfterAction } from './bpjs-outbox.js';

// ---- walk-in tickets ------------------------------------------------------------------------------

export function fillWalkinServices(reset) {
  const select = $('walkin-service');
  if (!S.counter) return;
  const previous = reset ? '' : select.value;
  select.replaceChildren(...S.services.map((s) => el('option', { value: s.code, disabled: !s.open },
    s.name + (s.open ? '' : ' ' + t('console.walkin.serviceClosed')))));
  const open = (code) => S.services.some((s) => s.code === code && s.open);
  const choice = (previous && open(previous)) ? previous
    : (S.counter.services.find(open) || (S.services.find((s) => s.open) || {}).code || '');
  select.value = choice;
}

/** The typed card number or NIK: {cardNumber} (13 digits), {nik} (16 digits), {empty} or {invalid}. */
function typedIdentity() {
  const raw = $('walkin-card').value.replace(/[\s.-]/g, '');
  if (!raw) return { empty: true };
  if (!/^\d+$/.test(raw)) return { invalid: true };
  if (raw.length === 13) return { cardNumber: raw, key: 'card=' + raw + forService() };
  if (raw.length === 16) return { nik: raw, key: 'nik=' + raw + forService() };
  return { invalid: true };
}

/** A dental poli is checked against the patient's dental FKTP: the check names the chosen service. */
function forService() {
  const service = $('walkin-service').value;
  return service ? '&service=' + encodeURIComponent(service) : '';
}

/** Another service may be another answer (Poli Gigi has its own FKTP). */
export function onServiceChange() {
  clearDuplicate();
  if ($('walkin-payer').value === 'JKN') scheduleEligibility();
}

function walkinError(text) {
  const box = $('walkin-error');
  box.textContent = text || '';
  box.hidden = !text;
}

/** Another patient or service: the question about a second number is no longer asked. */
export function clearDuplicate() {
  showDuplicate(null);
}

export function onPayerChange() {
  showDuplicate(null);
  const jkn = $('walkin-payer').value === 'JKN';
  $('walkin-card-box').hidden = !jkn;
  $('walkin-card').disabled = !jkn;
  walkinError('');
  $('walkin-card').classList.remove('is-invalid');
  if (jkn) scheduleEligibility();
  else renderEligibilityAnswer();
}

/** The number the typed patient already holds for the chosen service (409 ALREADY_HAS_TICKET): asks for a reason. */
function showDuplicate(held) {
  $('walkin-duplicate').hidden = !held;
  if (!held) {
    $('walkin-duplicate-reason').value = '';
    return;
  }
  $('walkin-duplicate-text').replaceChildren(
    ...withLabel('console.walkin.duplicate', held.label, held.serviceName || serviceName(held.service)));
  $('walkin-duplicate-reason').focus();
}

export function scheduleEligibility() {
  showDuplicate(null);
  clearTimeout(S.walkin.eligTimer);
  $('walkin-card').classList.remove('is-invalid');
  walkinError('');
  const identity = typedIdentity();
  if (!identity.key) {
    S.walkin.eligSeq++;
    renderEligibilityAnswer();
    return;
  }
  if (S.walkin.eligFor === identity.key && S.walkin.elig && !S.walkin.elig.checking) {
    renderEligibilityAnswer();
    return;
  }
  S.walkin.eligTimer = setTimeout(() => checkEligibility(identity), 450);
}

async function checkEligibility(identity) {
  const seq = ++S.walkin.eligSeq;
  S.walkin.eligFor = identity.key;
  S.walkin.elig = { checking: true };
  renderEligibilityAnswer();
  let answer;
  try {
    answer = await C.api(path('/eligibility?' + identity.key));
  } catch (e) {
    answer = { failed: true, text: e.status >= 400 && e.status < 500 ? C.errorText(e, S.t) : t('console.walkin.checkFailed') };
  }
  if (seq !== S.walkin.eligSeq) return null;
  S.walkin.elig = answer;
  renderEligibilityAnswer();
  return answer;
}

/** The eligibility answer under the card field: a coloured badge, BPJS's message and the participant. */
function eligibilityView(answer) {
  if (!answer) return [];
  if (answer.checking) return [el('p', { class: 'muted', text: t('console.walkin.checking') })];
  if (answer.failed) return [el('p', { class: 'elig-message elig-msg-UNVERIFIED', text: answer.text })];
  const reason = ELIGIBILITY.has(answer.reason) ? answer.reason : 'UNVERIFIED';
  const message = answer.message ? (answer.message[S.t.lang] || answer.message.id || answer.message.en) : '';
  const participant = answer.participant || {};
  const facts = [participant.initial, participant.class, participant.segment, participant.cardNumberMasked
    ? t('console.row.card', String(participant.cardNumberMasked).replace(/^\*+/, '…')) : null].filter(Boolean).join(' · ');
  const registered = participant.registeredFacility && participant.registeredFacility.name
    ? t('console.elig.registeredAt', participant.registeredFacility.name) : '';
  return [
    el('div', { class: 'elig-line' }, eligibilityBadge(reason, answer.source),
      facts ? el('span', { class: 'elig-facts', text: facts }) : null),
    registered ? el('p', { class: 'elig-facts', text: registered }) : null,
    message ? el('p', { class: 'elig-message elig-msg-' + reason, text: message }) : null,
  ];
}

export function renderEligibilityAnswer() {
  const box = $('walkin-elig');
  // Only the answer about what is in the field now (not the one kept for the last issued ticket).
  const typed = $('walkin-payer').value === 'JKN' ? typedIdentity().key : null;
  const answer = typed && typed === S.walkin.eligFor ? S.walkin.elig : null;
  const view = eligibilityView(answer).filter(Boolean);
  box.replaceChildren(...view);
  box.hidden = view.length === 0;
  renderWalkinBooking(answer);
}

/** A text with a ticket's label in it, the label kept on one line (A-012 must not break at its dash). */
function withLabel(key, label, ...rest) {
  const [before, after] = t(key, '\u0000', ...rest).split('\u0000');
  return after === undefined ? [before] : [before, el('strong', { class: 'nowrap', text: label }), after];
}

/** Today's online booking of the typed card, not checked in: usually the patient should check in, not take a new number. */
function typedBooking(answer) {
  const ticket = answer && answer.booking && answer.booking.ticket;
  if (!ticket || ticket.id === undefined) return null;
  const known = S.tickets.get(ticket.id);
  if (known && known.status !== 'BOOKED') return null;   // checked in (or cancelled) since the check
  return known || ticket;
}

function renderWalkinBooking(answer) {
  const box = $('walkin-booking');
  const ticket = typedBooking(answer);
  box.hidden = !ticket;
  if (!ticket) {
    box.replaceChildren();
    return;
  }
  const where = ticket.serviceName || serviceName(ticket.service);
  const at = ticket.estimatedAt ? C.formatTime(ticket.estimatedAt, S.facility.timeZone, S.t.lang) : '';
  box.replaceChildren(
    el('p', { class: 'walkin-booking-text' }, withLabel('console.walkin.booking', ticket.label, where)),
    at ? el('p', { class: 'walkin-booking-facts', text: t('console.booked.estimated', at) }) : null,
    el('button', { type: 'button', class: 'btn btn-primary btn-block btn-check-in',
      dataset: { role: 'check-in', ticketId: ticket.id } }, t('console.walkin.booking.checkIn', ticket.label)));
}

/** Checks in the typed card's booking from the walk-in form, and shows its number like a new one. */
export async function checkInFromWalkin(button) {
  const answer = S.walkin.elig;
  const ticket = typedBooking(answer);
  if (!ticket) return;
  const after = await checkIn(ticket, button);
  if (!after) {
    renderWalkinBooking(S.walkin.elig);
    return;
  }
  S.walkin.identity = null;
  showWalkinResult(after, true);
  $('walkin-card').value = '';
  $('walkin-priority').checked = false;
  S.walkin.elig = null;
  S.walkin.eligFor = null;
  renderEligibilityAnswer();
}

export async function submitWalkin(event) {
  event.preventDefault();
  walkinError('');
  const W = S.walkin;
  const service = $('walkin-service').value;
  const payer = $('walkin-payer').value;
  if (!service) {
    walkinError(t('console.walkin.serviceRequired'));
    $('walkin-service').focus();
    return;
  }
  const body = { service, payer };
  let identity = null;
  if (payer === 'JKN') {
    identity = typedIdentity();
    if (identity.empty || identity.invalid) {
      walkinError(t(identity.empty ? 'console.walkin.cardRequired' : 'console.walkin.cardInvalid'));
      $('walkin-card').classList.add('is-invalid');
      $('walkin-card').focus();
      return;
    }
    if (identity.cardNumber) body.cardNumber = identity.cardNumber;
    else body.nik = identity.nik;
  }
  if ($('walkin-priority').checked) body.priority = true;
  const reason = $('walkin-duplicate').hidden ? '' : $('walkin-duplicate-reason').value.trim();
  if (reason) body.duplicateReason = reason;
  const booking = identity && identity.key === W.eligFor ? typedBooking(W.elig) : null;
  if (booking && booking.service === service) {
    const ok = await C.confirmDialog({ title: t('console.confirm.walkinBooked.title', booking.label),
      body: t('console.confirm.walkinBooked.body', booking.label), ok: t('console.confirm.walkinBooked.ok'),
      back: t('console.dialog.back') });
    if (!ok) return;
  }
  const signature = JSON.stringify(body);
  if (!W.key || W.body !== signature) {
    W.key = C.uuid();   // one key per intended ticket; the same key again when retrying the same submission
    W.body = signature;
  }
  const button = $('walkin-submit');
  button.disabled = true;
  button.textContent = t('console.walkin.submitting');
  try {
    const ticket = await C.api(path('/tickets'), { method: 'POST', body, headers: { 'Idempotency-Key': W.key } });
    W.key = null;
    W.body = null;
    showDuplicate(null);
    upsert(ticket, true);
    scheduleRender();
    if (ticket.payer === 'JKN') refreshBpjsAfterAction();
    W.identity = identity && identity.key ? identity.key : null;
    showWalkinResult(ticket, true);
    // Ready for the next patient: JKN again (the usual case, and the one that needs a card number).
    $('walkin-card').value = '';
    $('walkin-priority').checked = false;
    $('walkin-payer').value = 'JKN';
    onPayerChange();
    clearTimeout(W.eligTimer);
    renderEligibilityAnswer();
  } catch (e) {
    // No answer or a server failure: keep the key, so that trying again cannot issue a second ticket.
    if (e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429) {
      W.key = null;
      W.body = null;
    }
    const field = e.problem && e.problem.field;
    if (field && /card|nik/i.test(field)) $('walkin-card').classList.add('is-invalid');
    if (e.problem && e.problem.code === 'ALREADY_HAS_TICKET' && e.problem.ticket) {
      // Not a failure: the patient has a number. The desk may still give a second one, with a reason.
      showDuplicate(e.problem.ticket);
      return;
    }
    C.showBanner(C.errorText(e, S.t));
  } finally {
    button.disabled = false;
    button.textContent = t('console.walkin.submit');
  }
}

export async function showWalkinResult(ticket, fresh) {
  const W = S.walkin;
  W.ticket = ticket;
  $('walkin-result').hidden = false;
  $('walkin-result-label').textContent = ticket.label;
  const where = ticket.serviceName || serviceName(ticket.service);
  $('walkin-result-service').textContent = (ticket.position
    ? t('console.walkin.result.position', ticket.position, where) : where)
    + (notYet(ticket) ? ' · ' + t('console.waiting.notYet', C.formatTime(ticket.estimatedAt, S.facility.timeZone, S.t.lang)) : '');
  $('walkin-result-badges').replaceChildren(...ticketBadges(ticket));
  const message = $('walkin-result-message');
  message.hidden = true;
  offerNotify(ticket);
  if (ticket.payer !== 'JKN' || !W.identity) return;
  let answer = W.eligFor === W.identity && W.elig && W.elig.reason ? W.elig : null;
  if (!answer) {
    try {
      answer = await C.api(path('/eligibility?' + W.identity));
      W.elig = answer;
      W.eligFor = W.identity;
    } catch (e) {
      answer = null;
    }
  }
  if (!answer || !answer.message || W.ticket !== ticket) return;
  const reason = ELIGIBILITY.has(answer.reason) ? answer.reason : 'UNVERIFIED';
  message.className = 'elig-message elig-msg-' + reason;
  message.textContent = answer.message[S.t.lang] || answer.message.id || answer.message.en;
  message.hidden = false;
  if (fresh) $('walkin-result').scrollIntoView({ block: 'nearest' });
}

// ---- the patient's phone for messages (issue #19) -------------------------------------------------

/** Offers the phone field under a fresh ticket when the facility sends messages; the number is never shown back. */
async function offerNotify(ticket) {
  const form = $('walkin-notify');
  form.hidden = true;
  $('walkin-phone').value = '';
  $('walkin-notify-status').hidden = true;
  try {
    const offer = await C.api(path('/notify'));
    if (S.walkin.ticket === ticket) form.hidden = !offer.enabled;
  } catch (e) {
    form.hidden = true;
  }
}

export async function submitNotify(event) {
  event.preventDefault();
  const ticket = S.walkin.ticket;
  const status = $('walkin-notify-status');
  if (!ticket) return;
  try {
    const answer = await C.api(path('/tickets/' + ticket.id + '/notify'),
      { method: 'POST', body: { phone: $('walkin-phone').value } });
    $('walkin-phone').value = '';
    status.textContent = t('console.walkin.notify.saved', answer.threshold);
  } catch (e) {
    status.textContent = C.errorText(e, S.t);
  }
  status.hidden = false;
}

export function newWalkin() {
  $('walkin-result').hidden = true;
  $('walkin-notify').hidden = true;
  $('walkin-phone').value = '';
  showDuplicate(null);
  S.walkin.ticket = null;
  $('walkin-card').value = '';
  $('walkin-priority').checked = false;
  S.walkin.elig = null;
  S.walkin.eligFor = null;
  renderEligibilityAnswer();
  $('walkin-service').focus();
}

export function rowCheckInButton(id) {
  return document.querySelector('#waiting .row-booked[data-ticket-id="' + String(id).replace(/"/g, '') + '"] .btn-check-in');
}
