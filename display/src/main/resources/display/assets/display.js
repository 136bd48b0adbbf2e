/*
 * The waiting-room display of Antrean: /display/{facility}[?services=A,UMUM][#token=...]
 *
 * Shows the ticket just called and where to go, the latest calls, how many wait per service, the facility's
 * local time, and how to take a number online with Mobile JKN; announces every call with a chime and a voice
 * made of pre-rendered clips (voice.js). Keeps the last known state on screen while the connection is down.
 * Never shows a patient's name, NIK or card number: only labels, services and rooms.
 *
 * For automated tests: window.antreanDisplay = { spoken: [[clip, ...], ...], state: {...}, announceTwice } and
 * document.body.dataset.status = 'live' | 'connecting' | 'offline'.
 *
 * The entry module: the sound, the clock and the start; the model and the drawing are board-model.js and
 * board-view.js.
 */

import {
  $,
  FOOTER_SWITCH_MS,
  facility,
  loadSettings,
  loadTexts,
  model,
  onEvent,
  onPaces,
  onSnapshot,
  onStatus,
  onUnauthorized,
  parts,
  rollDay,
  spoken,
  spokenDestinationOf,
  state,
  tokenKey,
} from './board-model.js';
import { refreshServices, render, switchFooter } from './board-view.js';
import { localDate, zoneName } from '/assets/dates.js';

// ---- sound -----------------------------------------------------------------------------------------

export let player = null;
let soundButtonTimer = null;

function setupSound() {
  if (!window.AntreanVoice) return;
  player = AntreanVoice.createPlayer({ base: '/display/assets/voice/', onState: soundState });
  // allowed without a tap when Chromium runs with --autoplay-policy=no-user-gesture-required
  player.resume();
  soundButtonTimer = setTimeout(() => soundState(player.state()), 800);
  $('enable-sound').addEventListener('click', (e) => {
    e.stopPropagation();
    player.resume().then(() => soundState(player.state()));
  });
  // any tap or key on the screen also turns the sound on
  for (const type of ['pointerdown', 'keydown', 'touchstart']) {
    document.addEventListener(type, () => {
      if (player.state() !== 'running') player.resume();
    }, { passive: true });
  }
}

function soundState(s) {
  clearTimeout(soundButtonTimer);
  const blocked = s === 'suspended';
  $('enable-sound').hidden = !blocked;
  document.body.dataset.sound = blocked ? 'blocked' : s;
}

export function announce(call) {
  if (!window.AntreanVoice) return;
  const clips = AntreanVoice.compose(call.label, spokenDestinationOf(call), { twice: state.announceTwice });
  spoken.push(clips);
  if (player) player.enqueue(clips);
}

// ---- clock -----------------------------------------------------------------------------------------

let formats = null;
function formatsFor(zone) {
  if (formats && formats.zone === zone) return formats;
  try {
    formats = {
      zone,
      time: new Intl.DateTimeFormat('id-ID', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
      date: new Intl.DateTimeFormat('id-ID', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
      // The zone's label (WIB, WITA, WIT) and the local day come from the pages' shared library, as on the console.
      zoneName: zoneName(zone),
    };
  } catch (e) {
    formats = null; // unknown zone: better no clock than the TV's own zone
  }
  return formats;
}

let shownDate = null;
export function tick() {
  const f = state.timeZone ? formatsFor(state.timeZone) : null;
  const clock = $('clock');
  if (!f) {
    clock.textContent = '';
    $('date').textContent = '';
    return;
  }
  const now = new Date();
  const parts = {};
  for (const p of f.time.formatToParts(now)) parts[p.type] = p.value;
  const hm = document.createElement('span');
  hm.className = 'clock-hm';
  hm.textContent = parts.hour + '.' + parts.minute;
  const sec = document.createElement('span');
  sec.className = 'clock-sec';
  sec.textContent = '.' + parts.second;
  const zone = document.createElement('span');
  zone.className = 'clock-zone';
  zone.textContent = f.zoneName ? ' ' + f.zoneName : '';
  clock.replaceChildren(hm, sec, zone);
  const dateText = f.date.format(now);
  if (dateText !== shownDate) {
    shownDate = dateText;
    $('date').textContent = dateText;
  }
  rollDay(localDate(state.timeZone));
}

function startClock() {
  tick();
  setTimeout(function again() {
    tick();
    setTimeout(again, 1000 - (Date.now() % 1000) + 15);
  }, 1000 - (Date.now() % 1000) + 15);
}

// ---- start -----------------------------------------------------------------------------------------

window.antreanDisplay = {
  spoken,
  get state() {
    return model();
  },
  get announceTwice() {
    return state.announceTwice;
  },
  voice: window.AntreanVoice,
};

function keepAwake() {
  if (!navigator.wakeLock) return;
  const request = () => navigator.wakeLock.request('screen').catch(() => {});
  request();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') request();
  });
}

function start() {
  render();
  startClock();
  loadTexts();
  setInterval(switchFooter, FOOTER_SWITCH_MS);
  window.addEventListener('resize', render);
  if (!facility) return;
  setupSound();
  keepAwake();
  loadSettings();
  AntreanLive.connect({
    facility,
    token: () => {
      try {
        return localStorage.getItem(tokenKey);
      } catch (e) {
        return null;
      }
    },
    onSnapshot,
    onEvent: (event) => {
      if (event.type !== 'SETTINGS_CHANGED') {
        onEvent(event);
        return;
      }
      // An admin changed a setting (a poli closed for the day, calls said once): read it again, now.
      if (event.settings === 'profile') loadSettings();
      else refreshServices();
    },
    // the wait estimates follow from the paces and the counts: no board read for them
    onPaces,
    onStatus,
    onUnauthorized,
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
