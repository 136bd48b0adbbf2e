/*
 * Rooms and desks (counters): code, name, the name the screen's voice says ("Ruang Gigi" — only words it has
 * recordings for; the server lists them when one is missing) and the polis called there.
 */
import { $, C, S, button, clearError, el, failed, fill, formValues, listOf, path, saveVersioned, t }
  from './settings-state.js';

let editing = null;

export function wireRooms() {
  $('room-form').addEventListener('submit', save);
  $('room-new').addEventListener('click', () => edit(null));
}

export async function loadRooms() {
  clearError('room-error');
  try {
    S.services = listOf(await C.api(path('/services')), 'services');
    S.counters = listOf(await C.api(path('/counters')), 'counters');
    render();
    edit(null);
  } catch (e) {
    failed(e, 'room-error');
  }
}

function codes(list) {
  return listOf(list, 'services').map((s) => (typeof s === 'string' ? s : s.code));
}

function render() {
  $('rooms-body').replaceChildren(...S.counters.map((c) => el('tr', { dataset: { counter: c.code } },
    el('td', { text: c.code }),
    el('td', { text: c.name }),
    el('td', { text: c.spokenName || '—' }),
    el('td', { text: codes(c.services).join(', ') }),
    el('td', { class: 'row-actions' }, button('console.settings.edit', () => edit(c)),
      button('console.settings.remove', () => remove(c), 'btn-danger-text')))));
  $('rooms-empty').hidden = S.counters.length > 0;
}

function edit(counter) {
  editing = counter;
  clearError('room-error');
  const form = $('room-form');
  fill(form, counter);
  form.elements.code.readOnly = !!counter;
  const chosen = counter ? codes(counter.services) : [];
  $('room-services').replaceChildren(...S.services.map((s) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', value: s.code, checked: chosen.includes(s.code) }), el('span', { text: s.name }))));
  $('room-form-title').textContent = t(counter ? 'console.settings.room.edit' : 'console.settings.room.add');
}

async function save(event) {
  event.preventDefault();
  const form = event.target;
  clearError('room-error');
  const body = formValues(form);
  body.services = [...$('room-services').querySelectorAll('input:checked')].map((i) => i.value);
  try {
    if (editing) {
      delete body.code;
      if (!body.spokenName) body.spokenName = null;
      // The list has no versions: the row is read for its version and for what the form does not show.
      const current = await C.api(path('/counters/' + encodeURIComponent(editing.code)));
      body.sortOrder = current.sortOrder;
      await saveVersioned(path('/counters/' + encodeURIComponent(editing.code)), 'PUT', body, current.version);
    } else {
      await C.api(path('/counters'), { method: 'POST', body });
    }
    C.showBanner(t('console.settings.saved'), 'info');
    await loadRooms();
  } catch (e) {
    failed(e, 'room-error', loadRooms, form);
  }
}

async function remove(counter) {
  const ok = await C.confirmDialog({
    title: t('console.settings.room.removeTitle', counter.name), body: '', danger: true,
    ok: t('console.settings.remove'), back: t('console.settings.back'),
  });
  if (!ok) return;
  try {
    const current = await C.api(path('/counters/' + encodeURIComponent(counter.code)));
    await saveVersioned(path('/counters/' + encodeURIComponent(counter.code)), 'DELETE', undefined, current.version);
    await loadRooms();
  } catch (e) {
    failed(e, 'room-error', loadRooms);
  }
}
