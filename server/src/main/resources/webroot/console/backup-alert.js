/*
 * For admins only: a strip that stays while the server's newest backup failed (a BACKUP_FAILED event, or the
 * list of backups when the console connects), until a later one succeeds. Data not backed up is data a broken
 * disk takes with it, so it does not fade like other banners.
 */

import { $, C, S, path, t } from './state.js';

function isAdmin() {
  return !!S.me && (S.me.role === 'ADMIN' || (S.me.permissions || []).includes('ADMIN'));
}

function show(run) {
  const strip = $('backup-alert');
  if (!strip) return;
  strip.hidden = !run;
  if (run) strip.querySelector('.banner-text').textContent = t('console.backupFailed', run.error || '');
}

/** Asks how the newest backup went (on connecting, and again after a failure to see whether it was fixed). */
export async function checkBackups() {
  if (!isAdmin()) return;
  try {
    const overview = await C.api(path('/backups'));
    const newest = (overview.runs || []).find((run) => run.outcome !== 'RUNNING');
    show(newest && newest.outcome === 'FAILED' ? newest : null);
  } catch (e) {
    // The queue matters more than this strip: an error here is not shown over it.
  }
}

/** A BACKUP_FAILED event of the facility's stream. */
export function backupFailed(event) {
  if (isAdmin()) show(event.backup || {});
}
