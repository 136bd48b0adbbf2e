/*
 * Optional, after the ticket (issue #19): the patient may leave a WhatsApp/SMS number and be told when their turn
 * is near and when called. Offered only when the facility sends messages (GET /api/notify); skipped unless the
 * patient taps "Kabari saya…" on the ticket screen. The digits are sent once and forgotten by the page at once;
 * the server keeps the number for the day only and never shows it.
 */
import { $, MAX_PHONE, enter, renderers, state } from './state.js';
import { act, locked, problemText, request, show } from './screens.js';
import { resolve, t } from './texts.js';

/** Asks the agent whether the facility offers messages; the ticket screen shows its button when it does. */
export async function loadNotifyOffer() {
  const res = await request('GET', '/api/notify');
  state.notify = res.ok && res.data ? res.data : null;
  if (state.screen === 'ticket') renderers.ticket();
}

/** The digits in groups of four, as a number is written on a card: 0812 3456 7890. */
function grouped(digits) {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function openPhone() {
  if (state.notify && state.notify.enabled && state.result && state.result.ticket) show('phone');
}

export function phoneKey(key) {
  if (state.screen !== 'phone' || locked()) return;
  if (key === 'ok') {
    if (state.phone) submitPhone();
    return;
  }
  if (key === 'back') {
    state.phone = state.phone.slice(0, -1);
  } else if (/^[0-9]$/.test(key) && state.phone.length < MAX_PHONE) {
    state.phone += key;
  }
  state.phoneError = null;
  renderers.phone();
}

function submitPhone() {
  const ticket = state.result.ticket;
  act(async (gen) => {
    const res = await request('POST', '/api/tickets/' + encodeURIComponent(ticket.id) + '/notify',
      { json: { phone: state.phone } });
    if (gen !== state.gen) return;
    if (res.ok) {
      state.phone = '';
      state.phoneSaved = true;
      show('ticket');
      return;
    }
    state.phoneError = problemText(res);
    renderers.phone();
  });
}

enter.phone = () => {
  state.phone = '';
  state.phoneError = null;
};

renderers.phone = () => {
  $('phone-number').textContent = grouped(state.phone);
  $('phone-hint').textContent = t('kiosk.phone.hint', (state.notify && state.notify.threshold) || 3);
  const error = $('phone-error');
  error.textContent = state.phoneError ? resolve(state.phoneError) : '';
  error.hidden = !state.phoneError;
};
