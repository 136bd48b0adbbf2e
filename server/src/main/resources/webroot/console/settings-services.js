/*
 * Polis (services): the list, a form to add or change one (code, name, ticket letter, BPJS poli code, shown at
 * the kiosk), its week's practice hours with the doctor and the day's quotas, and removal (a poli that already
 * had tickets is retired by the server, not deleted). BPJS codes can be picked from PCare's lists.
 */
import { $, C, S, WEEKDAYS, button, clearError, el, failed, fill, formValues, listOf, path, saveVersioned, t }
  from './settings-state.js';

let editing = null;

export function wireServices() {
  $('service-form').addEventListener('submit', saveService);
  $('service-new').addEventListener('click', () => edit(null));
  $('service-cancel').addEventListener('click', () => edit(null));
  $('schedule-form').addEventListener('submit', saveSchedule);
  // BPJS's poli code 002 is Poli Gigi: a new service with it is dental unless the admin unticks it.
  $('service-form').elements.bpjsCode.addEventListener('change', (event) => {
    if (!editing && event.target.value.trim() === '002') $('service-form').elements.dental.checked = true;
  });
  $('schedule-body').replaceChildren(...WEEKDAYS.map((day) => el('tr', { dataset: { weekday: day } },
    el('td', {}, el('label', { class: 'check' }, el('input', { type: 'checkbox', class: 'day-open' }),
      el('span', { class: 'day-name', dataset: { i18n: 'console.settings.weekday.' + day } }))),
    el('td', {}, el('input', { type: 'time', class: 'input day-opens' })),
    el('td', {}, el('input', { type: 'time', class: 'input day-closes' })),
    el('td', {}, el('input', { type: 'text', class: 'input day-doctor-code', inputmode: 'numeric', list: 'bpjs-doctor-list' })),
    el('td', {}, el('input', { type: 'text', class: 'input day-doctor-name', maxlength: 100 })))));
}

export async function loadServices() {
  clearError('service-error');
  try {
    S.services = listOf(await C.api(path('/services')), 'services');
    render();
    C.applyTexts($('tab-services'), S.t);
    loadBpjsLists();
  } catch (e) {
    failed(e, 'service-error');
  }
}

function render() {
  $('services-body').replaceChildren(...S.services.map((s) => el('tr', { dataset: { service: s.code } },
    el('td', {}, el('strong', { text: s.prefix })),
    el('td', { text: s.code }),
    el('td', { text: s.name }),
    el('td', { text: s.bpjsCode || '—' }),
    el('td', { text: t(s.kioskVisible === false ? 'console.settings.no' : 'console.settings.yes') }),
    el('td', { text: t(s.dental ? 'console.settings.yes' : 'console.settings.no') }),
    el('td', { class: 'row-actions' },
      button('console.settings.edit', () => edit(s.code)),
      button('console.settings.remove', () => remove(s), 'btn-danger-text')))));
  $('services-empty').hidden = S.services.length > 0;
}

async function edit(code) {
  clearError('service-error');
  const form = $('service-form');
  editing = null;
  $('schedule-panel').hidden = true;
  form.elements.code.readOnly = false;
  fill(form, null);
  $('service-form-title').textContent = t(code ? 'console.settings.service.edit' : 'console.settings.service.add');
  if (!code) return;
  try {
    editing = await C.api(path('/services/' + encodeURIComponent(code)));
    fill(form, editing);
    form.elements.code.readOnly = true;
    fillSchedule(editing);
    $('schedule-panel').hidden = false;
    form.scrollIntoView({ block: 'nearest' });
  } catch (e) {
    failed(e, 'service-error', loadServices);
  }
}

async function saveService(event) {
  event.preventDefault();
  const form = event.target;
  clearError('service-error');
  const body = formValues(form);
  try {
    if (editing) {
      // A change replaces the service: what the form does not show (open, order) is sent as it was.
      body.open = editing.open;
      body.sortOrder = editing.sortOrder;
      delete body.code;
      await saveVersioned(path('/services/' + encodeURIComponent(editing.code)), 'PUT', body, editing.version);
    } else {
      await C.api(path('/services'), { method: 'POST', body });
    }
    C.showBanner(t('console.settings.saved'), 'info');
    const code = editing ? editing.code : body.code;
    await loadServices();
    await edit(code);
  } catch (e) {
    failed(e, 'service-error', loadServices, form);
  }
}

async function remove(service) {
  const ok = await C.confirmDialog({
    title: t('console.settings.service.removeTitle', service.name), body: t('console.settings.service.removeBody'),
    ok: t('console.settings.remove'), back: t('console.settings.back'), danger: true,
  });
  if (!ok) return;
  try {
    const current = await C.api(path('/services/' + encodeURIComponent(service.code)));
    await saveVersioned(path('/services/' + encodeURIComponent(service.code)), 'DELETE', undefined, current.version);
    if (editing && editing.code === service.code) edit(null);
    await loadServices();
  } catch (e) {
    failed(e, 'service-error', loadServices);
  }
}

// ---- the week's schedule ----------------------------------------------------------------------------

function fillSchedule(service) {
  const days = service.schedule || [];
  for (const row of $('schedule-body').children) {
    const day = days.find((d) => d.weekday === Number(row.dataset.weekday));
    row.querySelector('.day-open').checked = !!day;
    row.querySelector('.day-opens').value = day ? day.opensAt.slice(0, 5) : '';
    row.querySelector('.day-closes').value = day ? day.closesAt.slice(0, 5) : '';
    row.querySelector('.day-doctor-code').value = day && day.doctorCode != null ? day.doctorCode : '';
    row.querySelector('.day-doctor-name').value = day && day.doctorName ? day.doctorName : '';
  }
  const form = $('schedule-form');
  form.elements.dailyQuota.value = service.dailyQuota || '';
  form.elements.jknQuota.value = service.jknQuota || '';
}

async function saveSchedule(event) {
  event.preventDefault();
  if (!editing) return;
  clearError('schedule-error');
  const days = [];
  for (const row of $('schedule-body').children) {
    if (!row.querySelector('.day-open').checked) continue;
    const day = {
      weekday: Number(row.dataset.weekday),
      opensAt: row.querySelector('.day-opens').value,
      closesAt: row.querySelector('.day-closes').value,
    };
    const doctorCode = row.querySelector('.day-doctor-code').value.trim();
    const doctorName = row.querySelector('.day-doctor-name').value.trim();
    if (doctorCode) day.doctorCode = Number(doctorCode);
    if (doctorName) day.doctorName = doctorName;
    days.push(day);
  }
  const form = event.target;
  const body = { days };
  if (form.elements.dailyQuota.value) body.dailyQuota = Number(form.elements.dailyQuota.value);
  if (form.elements.jknQuota.value) body.jknQuota = Number(form.elements.jknQuota.value);
  try {
    const url = path('/services/' + encodeURIComponent(editing.code) + '/schedule');
    await saveVersioned(url, 'PUT', body, editing.version);
    C.showBanner(t('console.settings.saved'), 'info');
    await edit(editing.code);
  } catch (e) {
    failed(e, 'schedule-error', () => edit(editing.code), form);
  }
}

// ---- BPJS's lists, to pick codes instead of typing them ----------------------------------------------

async function loadBpjsLists() {
  for (const [url, list, key, code, name] of [['/bpjs/poli', 'bpjs-poli-list', 'poli', 'code', 'name'],
    ['/bpjs/doctors', 'bpjs-doctor-list', 'doctors', 'code', 'name']]) {
    try {
      const items = listOf(await C.api(path(url)), key);
      $(list).replaceChildren(...items.map((i) => el('option', { value: i[code], text: i[name] })));
    } catch (e) {
      $(list).replaceChildren(); // no credentials yet, or BPJS unreachable: codes can still be typed
    }
  }
}
