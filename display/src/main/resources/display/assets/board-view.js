/*
 * Drawing the waiting-room display: the call just made and where to go, the latest calls, the waiting count
 * and estimated wait per service, the notices (offline, not authorised), and the footer in two languages.
 */

import {
  $,
  FLASH_MS,
  RECENT_SHOWN,
  currentCall,
  destinationOf,
  estimateFor,
  facility,
  nextNumbers,
  shownCalls,
  shownMissed,
  shownServices,
  state,
  t,
  tEn,
  takeServices,
  tokenKey,
  waitingCounts,
} from './board-model.js';

// ---- rendering -------------------------------------------------------------------------------------

export function renderTexts() {
  document.documentElement.lang = 'id';
  $('current-caption').textContent = t('display.current.caption');
  $('recent-title').textContent = t('display.recent.title');
  $('recent-none').textContent = t('display.recent.none');
  $('waiting-title').textContent = t('display.waiting.title');
  $('missed-title').textContent = t('display.missed.title');
  $('missed-hint').textContent = t('display.missed.hint');
  const sound = t('display.sound.enable');
  const soundEn = tEn('display.sound.enable');
  $('enable-sound-text').textContent = soundEn && soundEn !== sound ? sound + ' / ' + soundEn : sound;
  showFooter();
}

let footerEnglish = false;
function showFooter() {
  const tr = footerEnglish ? tEn : t;
  $('footer-heading').textContent = tr('display.footer.heading');
  $('footer-text').textContent = tr('display.footer.onlineQueue');
  document.querySelector('.footer').lang = footerEnglish ? 'en' : 'id';
}

export function switchFooter() {
  const footer = document.querySelector('.footer');
  footer.classList.add('is-fading');
  setTimeout(() => {
    footerEnglish = !footerEnglish;
    showFooter();
    footer.classList.remove('is-fading');
  }, 600);
}

export function render() {
  document.body.dataset.status = state.status;
  document.title = state.facilityName ? t('display.title.facility', state.facilityName) || state.facilityName
    : t('display.title') || 'Antrean';
  const name = $('facility-name');
  if (name.textContent !== state.facilityName) {
    name.textContent = state.facilityName;
    fitName(name);
  }

  // the call of the moment
  const call = currentCall();
  const current = $('current');
  current.classList.toggle('is-empty', !call);
  $('current-label').textContent = call ? call.label : '';
  $('current-destination').textContent = call ? destinationOf(call) : '';
  $('current-service').textContent = call ? call.serviceName : '';
  $('current-none').textContent = call ? '' : (state.hasData ? t('display.current.none') : t('display.status.connecting'));
  $('current-none-hint').textContent = call || !state.hasData ? '' : t('display.current.noneHint');
  if (call) {
    fit($('current-label'));
    fit($('current-destination'));
  }

  // the latest calls
  const calls = shownCalls().slice(0, RECENT_SHOWN);
  const list = $('recent');
  const items = calls.map((c, i) => {
    const li = document.createElement('li');
    li.className = 'recent-item' + (i === 0 ? ' is-current' : '');
    li.dataset.label = c.label;
    li.dataset.service = c.service;
    const label = document.createElement('span');
    label.className = 'recent-label';
    label.textContent = c.label;
    const place = document.createElement('span');
    place.className = 'recent-destination';
    place.textContent = destinationOf(c);
    li.append(label, place);
    return li;
  });
  list.replaceChildren(...items);
  $('recent-none').hidden = calls.length > 0 || !state.hasData;

  // the numbers called today that did not come: their patient goes to the desk to be brought back
  const missed = shownMissed();
  $('missed').replaceChildren(...missed.map((m) => {
    const li = document.createElement('li');
    li.className = 'missed-item';
    li.dataset.label = m.label;
    li.dataset.service = m.service;
    li.textContent = m.label;
    return li;
  }));
  $('missed-panel').hidden = missed.length === 0;

  renderWaiting();
  renderNotices();
}

const FIT = ['fit-1', 'fit-2', 'fit-3'];
/** The largest size (of the CSS's fit-N steps) at which the text stays on one line; else the smallest. */
function fit(element) {
  element.classList.remove(...FIT);
  element.classList.add('is-measuring');
  for (let i = 0; i <= FIT.length; i++) {
    if (i > 0) {
      element.classList.remove(...FIT);
      element.classList.add(FIT[i - 1]);
    }
    if (element.scrollWidth <= element.clientWidth + 1) break;
  }
  element.classList.remove('is-measuring');
}

const NAME_FIT = ['fit-1', 'fit-2', 'fit-3', 'fit-4'];
/** A long facility name: smaller, then on two lines (fit-4), never cut off with an ellipsis. */
function fitName(element) {
  element.classList.remove(...NAME_FIT);
  for (let i = 0; i < NAME_FIT.length && element.scrollWidth > element.clientWidth + 1; i++) {
    element.classList.remove(...NAME_FIT);
    element.classList.add(NAME_FIT[i]);
  }
}

// The estimated wait of a newcomer per service, from the board: what the display shows until the stream's first
// paces, from which it then works the estimates out itself (estimateFor).
export function takeEstimates(board) {
  state.estimates = {};
  for (const s of board.services || []) state.estimates[s.code] = s.estimatedWaitMinutes;
}

/**
 * An admin changed a setting (a poli closed for the day, a new poli): the polis are read again, without their
 * lines. Nothing else reads the board: the counts come with the events, the paces with the stream.
 */
export function refreshServices() {
  let token = null;
  try {
    token = localStorage.getItem(tokenKey);
  } catch (e) {
    token = null;
  }
  if (!token) return;
  // only the estimates and the polis: the lines themselves (up to 570 KB at 1,000 waiting) stay on the server
  fetch('/api/v1/facilities/' + encodeURIComponent(facility) + '/queue?waitingLimit=0',
    { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' })
    .then((r) => (r.ok ? r.json() : null))
    .then((board) => {
      if (board) {
        takeEstimates(board);
        takeServices(board);
        renderWaiting();
      }
    })
    .catch(() => {});
}

const tiles = new Map(); // service code -> {tile, count, name, closed, value}
function renderWaiting() {
  const container = $('waiting');
  const services = shownServices();
  const counts = waitingCounts();
  const wanted = services.map((s) => s.code);
  for (const code of [...tiles.keys()]) {
    if (!wanted.includes(code)) {
      tiles.get(code).tile.remove();
      tiles.delete(code);
    }
  }
  const ordered = services.map((s) => {
    let entry = tiles.get(s.code);
    if (!entry) {
      const tile = document.createElement('div');
      tile.className = 'tile';
      tile.dataset.service = s.code;
      const head = document.createElement('div');
      head.className = 'tile-head';
      const prefix = document.createElement('span');
      prefix.className = 'tile-prefix';
      const name = document.createElement('span');
      name.className = 'tile-name';
      head.append(prefix, name);
      const count = document.createElement('div');
      count.className = 'count';
      const closed = document.createElement('div');
      closed.className = 'tile-closed';
      const wait = document.createElement('div');
      wait.className = 'tile-wait';
      const next = document.createElement('div');
      next.className = 'tile-next';
      const nextTitle = document.createElement('span');
      nextTitle.className = 'tile-next-title';
      const nextLabels = document.createElement('span');
      nextLabels.className = 'tile-next-labels';
      next.append(nextTitle, nextLabels);
      tile.append(head, count, wait, next, closed);
      entry = { tile, prefix, name, count, wait, next, nextTitle, nextLabels, closed, value: null };
      tiles.set(s.code, entry);
    }
    entry.prefix.textContent = s.prefix || '';
    entry.prefix.hidden = !s.prefix;
    entry.name.textContent = s.name;
    const value = counts[s.code] || 0;
    entry.count.textContent = String(value);
    if (entry.value !== null && entry.value !== value) bump(entry.count);
    entry.value = value;
    const minutes = estimateFor(s.code, value);
    const open = s.open && !s.closedToday;
    // null: the server has no basis for an estimate, and says so with "—" rather than a made-up number.
    entry.wait.textContent = !open || value === 0 ? ''
      : minutes === null ? t('display.waiting.estimateUnknown')
      : minutes ? t('display.waiting.estimate', minutes) : '';
    // "Berikutnya": numbers only, never a name
    const next = open ? nextNumbers(s.code) : [];
    entry.next.hidden = next.length === 0;
    entry.nextTitle.textContent = t('display.waiting.next');
    entry.nextLabels.replaceChildren(...next.map((label) => {
      const span = document.createElement('span');
      span.className = 'tile-next-label';
      span.textContent = label;
      return span;
    }));
    entry.tile.classList.toggle('is-closed', !open);
    // Closed for the whole day: "Tutup hari ini" takes the count's place (the poli's name is on the tile already).
    entry.count.hidden = Boolean(s.closedToday);
    entry.tile.classList.toggle('is-closed-today', Boolean(s.closedToday));
    entry.closed.textContent = s.closedToday ? t('display.waiting.closedToday')
      : s.open ? '' : t('display.waiting.closed');
    return entry.tile;
  });
  ordered.forEach((tile, i) => {
    if (container.children[i] !== tile) container.insertBefore(tile, container.children[i] || null);
  });
  container.dataset.count = String(services.length);
  container.classList.toggle('is-many', services.length > 6);
}

function bump(element) {
  element.classList.remove('is-bumped');
  void element.offsetWidth; // restart the animation
  element.classList.add('is-bumped');
}

let flashTimer = null;
export function flash() {
  const current = $('current');
  current.classList.remove('is-new');
  void current.offsetWidth;
  current.classList.add('is-new');
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => current.classList.remove('is-new'), FLASH_MS);
}

function renderNotices() {
  const badge = $('offline-badge');
  const offline = state.status === 'offline' && !state.unauthorized;
  badge.hidden = !offline;
  badge.textContent = offline ? t('display.status.offline') : '';

  const notice = $('notice');
  let title = '';
  let body = '';
  if (!facility) {
    title = t('display.noFacility.title');
    body = t('display.noFacility.body');
  } else if (state.unauthorized) {
    title = t('display.unauthorized.title');
    body = t('display.unauthorized.body');
  }
  notice.hidden = !(title || body);
  $('notice-title').textContent = title;
  $('notice-body').textContent = body;
}
