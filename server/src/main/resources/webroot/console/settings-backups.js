/*
 * Backups: the last nightly copies of the database with their time and size, when the next one runs, and a
 * button to take one now (before an update, say). A failed backup shows first and in red.
 */
import { $, C, clearError, dateTime, el, failed, listOf, path, t } from './settings-state.js';

export function wireBackups() {
  $('backup-now').addEventListener('click', takeNow);
}

function size(bytes) {
  if (bytes === undefined || bytes === null) return '';
  if (bytes < 1024 * 1024) return Math.max(1, Math.round(bytes / 1024)) + ' KB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

export async function loadBackups() {
  clearError('backup-error');
  try {
    const answer = await C.api(path('/backups'));
    const runs = listOf(answer, 'backups').length ? listOf(answer, 'backups') : listOf(answer, 'runs');
    $('backup-next').textContent = answer.nextRunAt ? t('console.settings.backup.next', dateTime(answer.nextRunAt)) : '';
    $('backups-body').replaceChildren(...runs.map((r) => {
      const ok = (r.outcome || r.status || '').toUpperCase() !== 'FAILED';
      return el('tr', { class: ok ? '' : 'is-failed' },
        el('td', { class: 'nowrap', text: dateTime(r.finishedAt || r.startedAt) }),
        el('td', { text: r.file || r.fileName || '' }),
        el('td', { class: 'num', text: size(r.bytes !== undefined ? r.bytes : r.size) }),
        el('td', {}, el('span', { class: 'pill ' + (ok ? 'status-SERVING' : 'status-CANCELLED'),
          text: ok ? t('console.settings.backup.ok') : t('console.settings.backup.failed', r.error || '') })));
    }));
    $('backups-empty').hidden = runs.length > 0;
  } catch (e) {
    failed(e, 'backup-error');
  }
}

async function takeNow() {
  const button = $('backup-now');
  button.disabled = true;
  clearError('backup-error');
  try {
    await C.api(path('/backups'), { method: 'POST' });
    C.showBanner(t('console.settings.backup.started'), 'info');
    await loadBackups();
  } catch (e) {
    failed(e, 'backup-error', loadBackups);
  } finally {
    button.disabled = false;
  }
}
