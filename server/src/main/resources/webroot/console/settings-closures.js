/*
 * Closures: a poli or the whole facility closed for a day (a holiday, the dentist away). One tap closes a poli
 * for today ("Tutup hari ini"); the kiosk hides it, the screen says so, Mobile JKN refuses bookings for the
 * day, and the bookings already taken are listed so staff can phone those patients.
 */
import { $, C, S, button, clearError, el, failed, listOf, path, saveVersioned, t, today } from './settings-state.js';

export function wireClosures() {
  $('closure-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    close(form.elements.date.value, form.elements.service.value, form.elements.reason.value.trim(), form);
  });
}

export async function loadClosures() {
  clearError('closure-error');
  try {
    if (!S.services.length) S.services = listOf(await C.api(path('/services')), 'services');
    const form = $('closure-form');
    form.elements.date.min = today();
    if (!form.elements.date.value) form.elements.date.value = today();
    form.elements.service.replaceChildren(el('option', { value: '', text: t('console.settings.closure.whole') }),
      ...S.services.map((s) => el('option', { value: s.code, text: s.name })));
    renderToday();
    render(listOf(await C.api(path('/closures')), 'closures'));
  } catch (e) {
    failed(e, 'closure-error');
  }
}

function renderToday() {
  $('closure-today').replaceChildren(...S.services.map((s) => el('button', {
    type: 'button', class: 'btn btn-small btn-danger-text', dataset: { service: s.code },
    onclick: () => close(today(), s.code, $('closure-today-reason').value.trim() || t('console.settings.closure.defaultReason')),
  }, t('console.settings.closure.closeToday', s.name))));
}

async function close(date, service, reason, form) {
  clearError('closure-error');
  const body = { date, reason };
  if (service) body.service = service;
  try {
    await C.api(path('/closures'), { method: 'POST', body });
    C.showBanner(t('console.settings.saved'), 'info');
    if (form) form.elements.reason.value = '';
    await loadClosures();
  } catch (e) {
    failed(e, 'closure-error', null, form);
  }
}

function render(closures) {
  $('closures-body').replaceChildren(...closures.map((c) => {
    const bookings = c.affectedBookings || [];
    return el('tr', { dataset: { closure: c.id } },
      el('td', { class: 'nowrap', text: C.formatDate(Date.parse(c.date + 'T12:00:00Z'), 'UTC', S.t.lang) }),
      el('td', { text: c.service ? c.service.name : t('console.settings.closure.whole') }),
      el('td', { text: c.reason }),
      el('td', {}, bookings.length === 0 ? '—' : el('ul', { class: 'plain-list' }, ...bookings.map((b) =>
        el('li', { text: [b.label, b.estimatedAt && C.formatTime(C.parseTime(b.estimatedAt), S.facility.timeZone, S.t.lang),
          b.service && b.service.name, b.cardNumber, b.phone].filter(Boolean).join(' · ') })))),
      el('td', { class: 'row-actions' }, button('console.settings.closure.reopen', () => reopen(c), 'btn-ghost')));
  }));
  $('closures-empty').hidden = closures.length > 0;
}

async function reopen(closure) {
  try {
    await saveVersioned(path('/closures/' + encodeURIComponent(closure.id)), 'DELETE', undefined, closure.version);
    await loadClosures();
  } catch (e) {
    failed(e, 'closure-error', loadClosures);
  }
}
