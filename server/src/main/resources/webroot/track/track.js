/*
 * The patient's tracking page: one ticket, live. The stream (GET /api/v1/track/{code}/events) starts with the whole
 * state and sends it again on each change, so reconnecting is all it takes to be current again: after the phone
 * slept (visibilitychange), after the network came back (online), or when the stream fell silent (no ping). An
 * unknown or expired code shows the friendly page. Texts come from the track bundles (Bahasa Indonesia first).
 */
import { loadTexts } from '/assets/i18n.js';

const code = decodeURIComponent(location.pathname.split('/').pop() || '');
const LANG_KEY = 'antrean.track.lang';
/** The server pings well within this; silence longer than it means a dead connection the phone did not notice. */
const SILENCE_MS = 45000;
const $ = (id) => document.getElementById(id);

let lang = storedLang();
let t = (key) => key;
let ticket = null;
let source = null;
let retry = null;
let heard = 0;
let alertedFor = null;
let audio = null;

function storedLang() {
  try { return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id'; } catch (e) { return 'id'; }
}

function setStatus(status) {
  document.body.dataset.status = status;
  const key = status === 'live' ? 'track.live' : status === 'offline' ? 'track.offline' : null;
  $('connection').textContent = key ? t(key) : '';
}

function show(id, text) {
  const el = $(id);
  el.textContent = text || '';
  el.hidden = !text;
}

function render() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  $('lang-switch').textContent = t('track.lang');
  $('sound').textContent = t(audio ? 'track.soundOn' : 'track.sound');
  document.title = t('track.title');
  setStatus(document.body.dataset.status);
  if (!ticket) return;
  const tk = ticket;
  const room = tk.room && tk.room.name;
  $('facility').textContent = tk.facilityName || '';
  $('label').textContent = tk.label || '';
  $('service').textContent = tk.serviceName || tk.service || '';
  const waiting = tk.status === 'WAITING' && tk.ahead !== null && tk.ahead !== undefined;
  show('ahead', !waiting ? '' : tk.ahead === 0 ? t('track.ahead.zero')
    : t(tk.ahead === 1 ? 'track.ahead.one' : 'track.ahead.many', tk.ahead));
  // The queue's estimate: none without a basis, and none to announce for the next in line.
  const minutes = tk.estimatedWaitMinutes;
  show('wait', waiting && tk.ahead > 0 && typeof minutes === 'number' && minutes >= 1 ? t('track.wait', minutes) : '');
  const called = tk.status === 'CALLED';
  $('called').textContent = called ? (room ? t('track.called', room) : t('track.calledNoRoom')) : '';
  $('called-box').hidden = !called;
  show('state', called || waiting ? '' : t('track.status.' + tk.status) + (tk.status === 'SERVING' && room ? ' · ' + room : ''));
  show('date', tk.status === 'BOOKED' ? t('track.date', formatDate(tk.serviceDate)) : '');
}

function formatDate(day) {
  try {
    return new Date(day + 'T12:00:00Z').toLocaleDateString(lang === 'en' ? 'en-GB' : 'id-ID',
      { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  } catch (e) { return day; }
}

/** Vibration and a short chime once per call (a recall calls again). */
function alertIfCalled() {
  if (!ticket || ticket.status !== 'CALLED') return;
  const call = ticket.label + '#' + ticket.callCount;
  if (alertedFor === call) return;
  alertedFor = call;
  try { if (navigator.vibrate) navigator.vibrate([400, 150, 400, 150, 800]); } catch (e) { /* not on this phone */ }
  chime();
}

function chime() {
  const Ctx = window.AudioContext || window.webkitAudioContext;
  if (!Ctx) return;
  try {
    audio = audio || new Ctx();
    if (audio.state === 'suspended') audio.resume();
    [0, 0.45, 0.9].forEach((at, i) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = i === 2 ? 1046 : 784;
      gain.gain.setValueAtTime(0.0001, audio.currentTime + at);
      gain.gain.exponentialRampToValueAtTime(0.5, audio.currentTime + at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + at + 0.4);
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + at);
      osc.stop(audio.currentTime + at + 0.42);
    });
  } catch (e) { /* no sound: the screen and the vibration still say it */ }
}

function gone() {
  if (source) source.close();
  source = null;
  clearTimeout(retry);
  ticket = null;
  $('ticket').hidden = true;
  $('gone').hidden = false;
  setStatus('gone');
}

function connect() {
  if (document.body.dataset.status === 'gone') return;
  clearTimeout(retry);
  if (source) source.close();
  heard = Date.now();
  const es = new EventSource('/api/v1/track/' + encodeURIComponent(code) + '/events');
  source = es;
  es.onmessage = (e) => {
    heard = Date.now();
    ticket = JSON.parse(e.data);
    setStatus('live');
    render();
    alertIfCalled();
  };
  es.addEventListener('ping', () => { heard = Date.now(); });
  es.addEventListener('gone', gone);
  es.onerror = () => {
    if (source !== es) return;
    setStatus('offline');
    // The browser retries a dropped stream by itself; a refused one (404, 429, 5xx) it gives up: ask why.
    if (es.readyState === EventSource.CLOSED) check();
  };
}

/** After a refused stream: the state says whether the ticket is gone, or when to try again. */
async function check() {
  let wait = 2000;
  try {
    const res = await fetch('/api/v1/track/' + encodeURIComponent(code), { cache: 'no-store' });
    if (res.status === 404) { gone(); return; }
    if (res.status === 429) wait = 1000 * (Number(res.headers.get('Retry-After')) || 30);
  } catch (e) { /* still offline */ }
  clearTimeout(retry);
  retry = setTimeout(connect, wait);
}

async function setLanguage(next) {
  lang = next;
  try { localStorage.setItem(LANG_KEY, lang); } catch (e) { /* private mode */ }
  t = await loadTexts('track', lang);
  render();
}

document.addEventListener('visibilitychange', () => {
  // A phone that slept may hold a stream that silently died: start afresh, the state comes first.
  if (document.visibilityState === 'visible') connect();
});
window.addEventListener('online', connect);
setInterval(() => {
  if (source && document.visibilityState === 'visible' && Date.now() - heard > SILENCE_MS) connect();
}, 5000);
$('lang-switch').addEventListener('click', () => setLanguage(lang === 'en' ? 'id' : 'en'));
$('sound').addEventListener('click', () => {
  // Browsers let a page sound and vibrate only after a touch: this is that touch.
  chime();
  try { if (navigator.vibrate) navigator.vibrate(200); } catch (e) { /* not on this phone */ }
  $('sound').setAttribute('aria-pressed', 'true');
  render();
});

setLanguage(lang).then(connect);
