/*
 * What the facility reported to BPJS (the outbox): the header's chip, polled, and its dialog with the list.
 */

import { $, BPJS_POLL_MS, C, COMPACT_HEADER, S, t } from './state.js';

// ---- BPJS outbox ----------------------------------------------------------------------------------
// What the facility has reported to BPJS (antrean/add, panggil, batal): a chip in the header, refreshed
// every 20 s and shortly after actions BPJS hears about; a click opens the list.

export function startBpjs() {
  stopBpjs();
  S.bpjs.off = false;
  refreshBpjs();
  S.bpjs.timer = setInterval(refreshBpjs, BPJS_POLL_MS);
}

export function stopBpjs() {
  clearInterval(S.bpjs.timer);
  clearTimeout(S.bpjs.soon);
  clearTimeout(S.bpjs.later);
  S.bpjs.timer = null;
  S.bpjs.soon = null;
  S.bpjs.later = null;
  S.bpjs.answer = null;
  S.bpjs.list = null;
  S.bpjs.seq++;
  S.bpjs.listSeq++;
  $('bpjs-chip').hidden = true;
}

/** One look soon (several events together make one request). */
export function refreshBpjsSoon(delay) {
  if (!S.me || S.bpjs.off || S.bpjs.soon) return;
  S.bpjs.soon = setTimeout(() => {
    S.bpjs.soon = null;
    refreshBpjs();
  }, delay || 1500);
}

/** After an action of this console: the report is written at once and usually sent within seconds. */
export function refreshBpjsAfterAction() {
  refreshBpjsSoon(1500);
  clearTimeout(S.bpjs.later);
  S.bpjs.later = setTimeout(refreshBpjs, 6000);
}

export async function refreshBpjs() {
  if (!S.me || S.bpjs.off) return;
  const seq = ++S.bpjs.seq;
  try {
    // The pending ones with their last error tell whether BPJS is reachable; the counts come with any answer.
    const answer = await C.loadOutbox(S.facility.code, 'PENDING');
    if (seq !== S.bpjs.seq || !S.me) return;
    S.bpjs.answer = answer;
    S.bpjs.stale = false;
    renderBpjsChip();
    if ($('bpjs-dialog').open) loadBpjsList();
  } catch (e) {
    if (seq !== S.bpjs.seq) return;
    if (e.status === 403 || e.status === 404) {
      // Not for this account, or a server without the outbox: no chip.
      S.bpjs.off = true;
      clearInterval(S.bpjs.timer);
      $('bpjs-chip').hidden = true;
      return;
    }
    S.bpjs.stale = true;   // keep the last answer, marked as not current
    renderBpjsChip();
  }
}

function bpjsCounts() {
  const list = S.bpjs.list;
  const answer = S.bpjs.answer;
  return (list && list.counts) || (answer && answer.counts) || { PENDING: 0, SENT: 0, DEAD: 0 };
}

export function renderBpjsChip() {
  const chip = $('bpjs-chip');
  const answer = S.bpjs.answer;
  chip.hidden = !answer || !S.me;
  if (!answer) return;
  const counts = answer.counts || {};
  const state = C.outboxState(answer);
  chip.dataset.state = state;
  chip.classList.toggle('is-stale', !!S.bpjs.stale);
  const full = t('console.bpjs.chip', counts.SENT || 0, counts.PENDING || 0, counts.DEAD || 0);
  let text = full;
  if (COMPACT_HEADER.matches) {
    // A narrow header: only what is not zero (the sent ones while nothing else), the whole text in the title.
    const parts = ['PENDING', 'DEAD'].filter((s) => Number(counts[s]) > 0)
      .map((s) => t('console.bpjs.chip.' + s, counts[s]));
    text = t('console.bpjs.chip.short', parts.length ? parts.join(' · ') : t('console.bpjs.chip.SENT', counts.SENT || 0));
  }
  $('bpjs-chip-text').textContent = text;
  const title = full + ' — ' + t('console.bpjs.state.' + state + '.title', counts.PENDING || 0, counts.DEAD || 0);
  chip.title = S.bpjs.stale ? title + ' ' + t('console.bpjs.stale') : title;
  chip.setAttribute('aria-label', chip.title);
}

export function openBpjsDialog() {
  const dialog = $('bpjs-dialog');
  S.bpjs.filter = '';
  $('bpjs-error').hidden = true;
  renderBpjsDialog();
  if (!dialog.open) dialog.showModal();
  $('bpjs-close').focus();
  loadBpjsList();
}

export async function loadBpjsList() {
  const seq = ++S.bpjs.listSeq;
  const filter = S.bpjs.filter;
  $('bpjs-reload').classList.add('is-busy');
  try {
    const answer = await C.loadOutbox(S.facility.code, filter);
    if (seq !== S.bpjs.listSeq) return;
    S.bpjs.list = Object.assign({ filter }, answer);
    $('bpjs-error').hidden = true;
    if (S.bpjs.answer) {
      // The counts are the facility's, whatever the filter: the chip says the same as the list.
      S.bpjs.answer = Object.assign({}, S.bpjs.answer, { counts: answer.counts });
      if (filter === 'PENDING') S.bpjs.answer.items = answer.items;
      renderBpjsChip();
    }
  } catch (e) {
    if (seq !== S.bpjs.listSeq) return;
    $('bpjs-error').textContent = C.errorText(e, S.t);
    $('bpjs-error').hidden = false;
  } finally {
    if (seq === S.bpjs.listSeq) $('bpjs-reload').classList.remove('is-busy');
  }
  renderBpjsDialog();
}

export function renderBpjsDialog() {
  const list = S.bpjs.list && S.bpjs.list.filter === S.bpjs.filter ? S.bpjs.list : null;
  C.outboxFilterButtons($('bpjs-filter'), bpjsCounts(), S.bpjs.filter, S.t, (status) => {
    S.bpjs.filter = status;
    renderBpjsDialog();
    loadBpjsList();
  });
  const state = S.bpjs.answer ? C.outboxState(S.bpjs.answer) : null;
  const pill = $('bpjs-dialog-state');
  pill.hidden = !state;
  if (state) {
    pill.className = 'pill bpjs-state-' + state;
    pill.textContent = t('console.bpjs.state.' + state);
  }
  const items = list ? list.items || [] : [];
  $('bpjs-items').replaceChildren(...C.outboxRows(items, S.t, S.facility.timeZone, resendBpjs));
  $('bpjs-empty').hidden = !list || items.length > 0;
  $('bpjs-empty').textContent = t(S.bpjs.filter ? 'console.bpjs.empty.' + S.bpjs.filter : 'console.bpjs.empty');
}

/** "Kirim ulang" of a dead report: pending again at once; the list and the chip follow. */
async function resendBpjs(item) {
  try {
    await C.resendOutbox(S.facility.code, item.id);
    $('bpjs-error').hidden = true;
  } catch (e) {
    $('bpjs-error').textContent = C.errorText(e, S.t);
    $('bpjs-error').hidden = false;
  }
  await loadBpjsList();
  refreshBpjsAfterAction();
}
