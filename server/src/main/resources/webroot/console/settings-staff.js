/*
 * Staff accounts: add (username, name, role, a first password), change name and role, deactivate (their
 * sessions end at once) or reactivate, and set a new password for someone who forgot theirs.
 */
import { $, C, S, button, clearError, el, failed, formValues, listOf, path, saveVersioned, t }
  from './settings-state.js';

export function wireStaff() {
  $('staff-form').addEventListener('submit', add);
}

export async function loadStaff() {
  clearError('staff-error');
  try {
    render(listOf(await C.api(path('/staff')), 'staff'));
  } catch (e) {
    failed(e, 'staff-error');
  }
}

function render(staff) {
  $('staff-body').replaceChildren(...staff.map((p) => {
    const role = el('select', { class: 'input input-small', 'aria-label': t('console.settings.staff.role') },
      ...['RECEPTIONIST', 'ADMIN'].map((r) => el('option', { value: r, text: t('console.settings.role.' + r), selected: p.role === r })));
    role.addEventListener('change', () => change(p, { role: role.value }));
    return el('tr', { class: p.active === false ? 'is-revoked' : '', dataset: { staff: p.username } },
      el('td', {}, el('strong', { text: p.name })),
      el('td', { text: p.username }),
      el('td', {}, role),
      el('td', { text: t(p.active === false ? 'console.settings.staff.inactive' : 'console.settings.staff.active') }),
      el('td', { class: 'row-actions' },
        p.active === false
          ? button('console.settings.staff.activate', () => change(p, { active: true }))
          : button('console.settings.staff.deactivate', () => change(p, { active: false }), 'btn-danger-text'),
        button('console.settings.staff.resetPassword', () => resetPassword(p))));
  }));
  $('staff-empty').hidden = staff.length > 0;
}

async function add(event) {
  event.preventDefault();
  const form = event.target;
  clearError('staff-error');
  try {
    await C.api(path('/staff'), { method: 'POST', body: formValues(form) });
    form.reset();
    C.showBanner(t('console.settings.saved'), 'info');
    await loadStaff();
  } catch (e) {
    failed(e, 'staff-error', null, form);
  }
}

async function change(person, fields) {
  clearError('staff-error');
  const body = { name: person.name, role: person.role, active: person.active !== false, ...fields };
  try {
    await saveVersioned(path('/staff/' + encodeURIComponent(person.id)), 'PUT', body, person.version);
    await loadStaff();
  } catch (e) {
    failed(e, 'staff-error', loadStaff);
  }
}

async function resetPassword(person) {
  const password = window.prompt(t('console.settings.staff.newPassword', person.name));
  if (!password) return;
  try {
    await C.api(path('/staff/' + encodeURIComponent(person.id) + '/password'), { method: 'POST', body: { password } });
    C.showBanner(t('console.settings.staff.passwordSet', person.name), 'info');
  } catch (e) {
    failed(e, 'staff-error');
  }
}
