/*
 * Messages to the patient's phone (issue #19): whether the kiosk and the desk offer them, after how many people
 * the "near" message comes, and the facility's gateway (a webhook: URL, method, content type, headers, body
 * template with {phone} and {text}). Header values are secrets: the server shows them as ******** and keeps the
 * stored value when ******** comes back, so the page never holds one it was not just given.
 */
import { $, C, clearError, failed, path, saveVersioned, t } from './settings-state.js';

let version = null;

export function wireNotify() {
  $('notify-form').addEventListener('submit', save);
}

/** "Name: value" per line, as the admin reads and writes them. */
function headersText(headers) {
  return Object.entries(headers || {}).map(([name, value]) => name + ': ' + value).join('\n');
}

function headersOf(text) {
  const headers = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf(':');
    if (line.trim() === '') continue;
    if (at < 1) throw { problem: { field: 'headers' }, message: t('console.settings.notify.headersInvalid') };
    headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return headers;
}

export async function loadNotify() {
  clearError('notify-error');
  try {
    const s = await C.api(path('/notify-settings'));
    version = s.version > 0 ? s.version : null;
    const form = $('notify-form');
    form.elements.enabled.checked = !!s.enabled;
    form.elements.threshold.value = String(s.threshold);
    form.elements.webhookUrl.value = s.webhookUrl || '';
    form.elements.method.value = s.method;
    form.elements.contentType.value = s.contentType;
    form.elements.headers.value = headersText(s.headers);
    form.elements.bodyTemplate.value = s.bodyTemplate;
    $('notify-server-default').hidden = !s.serverDefault;
  } catch (e) {
    failed(e, 'notify-error');
  }
}

async function save(event) {
  event.preventDefault();
  const form = event.target;
  clearError('notify-error');
  try {
    const e = form.elements;
    await saveVersioned(path('/notify-settings'), 'PUT', {
      enabled: e.enabled.checked,
      threshold: Number(e.threshold.value || 3),
      webhookUrl: e.webhookUrl.value.trim() || null,
      method: e.method.value,
      contentType: e.contentType.value.trim() || null,
      headers: headersOf(e.headers.value),
      bodyTemplate: e.bodyTemplate.value.trim() || null,
    }, version);
    C.showBanner(t('console.settings.saved'), 'info');
    await loadNotify();
  } catch (e) {
    if (e && e.message && !e.status) {
      $('notify-error').textContent = e.message;
      $('notify-error').hidden = false;
      return;
    }
    failed(e, 'notify-error', loadNotify, form);
  }
}
