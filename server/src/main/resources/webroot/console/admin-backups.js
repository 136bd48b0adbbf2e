/*
 * The admin page's Backups tab: the server's last backups (time, size, outcome), the next nightly one, and a
 * button to take one now. Backups cover the whole server (every facility), so any facility's admin sees them.
 */

import { $, C, S, dateTime, el, path, t } from './admin-state.js';

let polling = null;

export async function loadBackups() {
  try {
    const overview = await C.api(path('/backups'));
    renderBackups(overview);
    // While one runs, look again shortly: it ends on its own.
    clearTimeout(polling);
    if ((overview.runs || []).some((run) => run.outcome === 'RUNNING') && S.tab === 'backups') {
      polling = setTimeout(loadBackups, 3000);
    }
  } catch (e) {
    C.showBanner(C.errorText(e, S.t));
  }
}

export async function takeBackup() {
  const button = $('backups-take');
  button.disabled = true;
  try {
    await C.api(path('/backups'), { method: 'POST' });
    C.showBanner(t('console.backups.started'), 'info');
  } catch (e) {
    C.showBanner(C.errorText(e, S.t));
  } finally {
    button.disabled = false;
    loadBackups();
  }
}

function size(bytes) {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024 * 1024) return Math.max(1, Math.round(bytes / 1024)) + ' KB';
  return (bytes / (1024 * 1024)).toFixed(1) + ' MB';
}

function renderBackups(overview) {
  const runs = overview.runs || [];
  $('backups-schedule').textContent = overview.schedule
    ? t('console.backups.schedule', overview.schedule.time, overview.schedule.zone, dateTime(overview.nextRun),
      overview.keep)
    : t('console.backups.scheduleOff', overview.keep);
  $('backups-runs').replaceChildren(...runs.map((run) => el('tr', { dataset: { run: run.id } },
    el('td', { class: 'nowrap', text: dateTime(run.startedAt) }),
    el('td', { text: t('console.backups.trigger.' + run.trigger) + (run.requestedBy ? ' · ' + run.requestedBy : '') }),
    el('td', { text: run.file || '' }),
    el('td', { class: 'num', text: size(run.bytes) }),
    el('td', {},
      el('span', { class: 'pill ' + (run.outcome === 'FAILED' ? 'status-CANCELLED' : 'status-SERVING'),
        text: t('console.backups.outcome.' + run.outcome) }),
      run.error ? el('div', { class: 'muted', text: run.error }) : null))));
  $('backups-empty').hidden = runs.length > 0;
}
