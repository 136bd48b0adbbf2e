/*
 * The facility's profile: name, address and phone (the letterhead and the ticket), the ticket's footer, the
 * logo, how long the kiosk waits before it starts over, the languages it offers (Bahasa Indonesia always), how
 * call-next orders priority patients (always first, or at most N in a row while others wait), whether the kiosk
 * speaks and the display repeats each call, and who signs the reports.
 */
import { $, S, C, clearError, failed, fill, path, saveVersioned, t } from './settings-state.js';

let version = null;

export async function loadProfile() {
  const form = $('profile-form');
  clearError('profile-error');
  try {
    const profile = await C.api(path('/profile'));
    version = profile.version;
    fill(form, profile);
    form.elements.english.checked = (profile.languages || []).includes('en');
    showPriorityOrder(profile.priorityOrder || 'interleave:3');
    showLogo(profile.logo);
  } catch (e) {
    failed(e, 'profile-error');
  }
}

function showPriorityOrder(order) {
  const interleave = /^interleave:(\d+)$/.exec(order);
  $('pf-priority-mode').value = interleave ? 'interleave' : 'first';
  $('pf-priority-run').value = interleave ? interleave[1] : '3';
  $('pf-priority-run').disabled = !interleave;
}

function priorityOrder() {
  return $('pf-priority-mode').value === 'first' ? 'first' : 'interleave:' + String($('pf-priority-run').value).trim();
}

/** The logo is read with the session's token (an <img> cannot send it), then shown from memory. */
async function showLogo(logo) {
  const preview = $('profile-logo-preview');
  if (preview.src) URL.revokeObjectURL(preview.src);
  preview.hidden = !logo;
  if (!logo) return;
  try {
    preview.src = URL.createObjectURL(await C.api(logo.url || path('/profile/logo'), { blob: true }));
  } catch (e) {
    preview.hidden = true;
  }
}

function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export async function saveProfile(event) {
  event.preventDefault();
  const form = event.target;
  clearError('profile-error');
  const body = {
    name: form.elements.name.value.trim(),
    // A field left empty is left out: the profile is replaced, so it is cleared.
    address: form.elements.address.value.trim() || undefined,
    phone: form.elements.phone.value.trim() || undefined,
    ticketFooter: form.elements.ticketFooter.value.trim() || undefined,
    kioskIdleSeconds: Number(form.elements.kioskIdleSeconds.value) || undefined,
    languages: form.elements.english.checked ? ['id', 'en'] : ['id'],
    priorityOrder: priorityOrder(),
    spokenGuidance: form.elements.spokenGuidance.checked,
    announceTwice: form.elements.announceTwice.checked,
    headTitle: form.elements.headTitle.value.trim() || undefined,
    headName: form.elements.headName.value.trim() || undefined,
    headNip: form.elements.headNip.value.trim() || undefined,
  };
  const file = $('profile-logo').files[0];
  if (file) body.logo = { contentType: file.type, data: await readFile(file) };
  const submit = form.querySelector('[type=submit]');
  submit.disabled = true;
  try {
    const saved = await saveVersioned(path('/profile'), 'PUT', body, version);
    version = saved ? saved.version : null;
    $('profile-logo').value = '';
    C.showBanner(t('console.settings.saved'), 'info');
    if (S.facility) S.facility.name = body.name;
    await loadProfile();
  } catch (e) {
    failed(e, 'profile-error', loadProfile, form);
  } finally {
    submit.disabled = false;
  }
}
