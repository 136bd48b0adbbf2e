/*
 * The first two screens: welcome (JKN or paying patient, the agent's status) and identify the JKN card — by
 * camera, a USB scanner typing like a keyboard, or the on-screen keypad.
 */

import {
  $,
  CAMERA_COOLDOWN_MS,
  FRAME_INTERVAL_MS,
  MAX_DIGITS,
  PRINTER_FINE,
  SCAN_TIMEOUT_MS,
  STATUS_POLL_MS,
  STATUS_TIMEOUT_MS,
  WEDGE_GAP_MS,
  WEDGE_MAX,
  enter,
  leave,
  renderers,
  state,
} from './state.js';
import { msg, resolve, t } from './texts.js';
import { act, locked, problemText, request, reset, show, touched } from './screens.js';
import { checkEligibility, openBooking } from './patient-flow.js';

// ---- 1. welcome ----------------------------------------------------------------------------------

let statusTimer = null;

enter.welcome = () => {
  reset();
  pollStatus();
  clearInterval(statusTimer);
  statusTimer = setInterval(pollStatus, STATUS_POLL_MS);
};

leave.welcome = () => {
  clearInterval(statusTimer);
  statusTimer = null;
};

async function pollStatus() {
  const res = await request('GET', '/api/status', { timeout: STATUS_TIMEOUT_MS });
  state.status = res.ok && res.data ? res.data : { failed: true };
  if (state.screen === 'welcome') renderStatusBanner();
}

/** What is wrong, as {title, advice}, or null. */
function statusProblem() {
  const s = state.status;
  if (!s) return null;
  if (s.failed) return { title: t('kiosk.status.agent.title') };
  if (s.server && s.server !== 'OK') return { title: t('kiosk.status.server.title') };
  const printer = s.printer || {};
  if (printer.state && !PRINTER_FINE.has(printer.state)) {
    return { title: msg(printer.message) || t('kiosk.status.printer.title') };
  }
  return null;
}

function renderStatusBanner() {
  const problem = statusProblem();
  $('status-banner').hidden = !problem;
  if (!problem) return;
  const advice = t('kiosk.status.advice');
  $('status-banner-title').textContent = problem.title;
  // the agent's printer messages may already say where to go
  const said = problem.title.toLowerCase().includes(advice.toLowerCase().replace(/\.$/, ''));
  $('status-banner-advice').textContent = said ? '' : advice;
  $('status-banner-advice').hidden = said;
}

renderers.welcome = renderStatusBanner;

// ---- 2. identify ---------------------------------------------------------------------------------

enter.identify = () => {
  state.typed = state.keepTyped || '';
  state.keepTyped = '';
  state.identifyError = null;
  state.cameraReadyAt = Date.now() + CAMERA_COOLDOWN_MS;
  startCamera();
};

leave.identify = () => {
  stopCamera();
  state.typed = '';
};

/** 13 digits as 4-4-5 (0001 2345 67890), anything longer as groups of 4 (a NIK: 4-4-4-4). */
function grouped(digits) {
  if (digits.length <= 13) {
    return [digits.slice(0, 4), digits.slice(4, 8), digits.slice(8)].filter(Boolean).join(' ');
  }
  return digits.match(/.{1,4}/g).join(' ');
}

renderers.identify = () => {
  const typed = $('typed-number');
  typed.textContent = grouped(state.typed);
  typed.classList.toggle('is-long', state.typed.length > 13);
  $('typed-count').textContent = state.typed ? t('kiosk.identify.count', state.typed.length) : '';
  const error = $('identify-error');
  error.textContent = resolve(state.identifyError);
  error.hidden = !state.identifyError;
  $('camera-box').hidden = camera.state === 'off';
  $('camera-box').classList.toggle('is-starting', camera.state === 'starting');
  $('camera-off').hidden = camera.state !== 'off';
};

export function keypad(key) {
  if (state.screen !== 'identify' || locked()) return;
  if (key === 'ok') {
    if (state.typed) submitIdentify(state.typed);
    return;
  }
  if (key === 'back') {
    state.typed = state.typed.slice(0, -1);
  } else if (/^[0-9]$/.test(key) && state.typed.length < MAX_DIGITS) {
    state.typed += key;
  }
  state.identifyError = null;
  renderers.identify();
}

export function setIdentifyError(text) {
  state.identifyError = text;
  if (state.screen === 'identify') renderers.identify();
}

/** Typed digits or a USB scanner's text → POST /api/identify. */
function submitIdentify(text) {
  return act(async (gen) => {
    setIdentifyError(null);
    const res = await request('POST', '/api/identify', { json: { text } });
    if (gen !== state.gen) return;
    if (res.ok && res.data) {
      await identified(res.data, gen);
    } else {
      setIdentifyError(problemText(res));
    }
  });
}

/** What a code or a number turned out to be: {kind, text}. Runs inside an act(). */
async function identified(result, gen) {
  const kind = String(result.kind || '').toUpperCase();
  if (kind === 'CARD' || kind === 'NIK') {
    const digits = String(result.text || result.value || '').replace(/\D/g, '');
    if (!digits) {
      setIdentifyError({ key: 'kiosk.identify.other' });
      return;
    }
    state.typed = '';
    await checkEligibility(kind === 'CARD' ? { card: digits } : { nik: digits }, gen);
  } else if (kind === 'BOOKING') {
    await openBooking(result, gen);
  } else {
    setIdentifyError({ key: 'kiosk.identify.other' });
  }
}

// camera: a live preview, a frame every FRAME_INTERVAL_MS to POST /scan, one at a time

const camera = { state: 'off', stream: null, timer: null, token: 0, inFlight: false };

async function startCamera() {
  const token = ++camera.token;
  const media = navigator.mediaDevices;
  if (!media || typeof media.getUserMedia !== 'function') {
    cameraOff();
    return;
  }
  camera.state = 'starting';
  renderers.identify();
  let stream;
  try {
    stream = await media.getUserMedia({ video: { width: 1280, height: 720 }, audio: false });
  } catch (e) {
    if (token === camera.token) cameraOff();
    return;
  }
  if (token !== camera.token || state.screen !== 'identify') {
    stream.getTracks().forEach((track) => track.stop());
    return;
  }
  camera.stream = stream;
  const video = $('camera-video');
  video.srcObject = stream;
  try {
    await video.play();
  } catch (e) {
    // autoplay of a muted stream is allowed; a failure here still shows frames once they come
  }
  if (token !== camera.token) return;
  camera.state = 'on';
  stream.getVideoTracks().forEach((track) => track.addEventListener('ended', () => {
    if (token === camera.token) cameraOff();
  }));
  camera.timer = setInterval(grabFrame, FRAME_INTERVAL_MS);
  if (state.screen === 'identify') renderers.identify();
}

function cameraOff() {
  stopCamera();
  if (state.screen === 'identify') renderers.identify();
}

function stopCamera() {
  camera.token += 1;
  clearInterval(camera.timer);
  camera.timer = null;
  if (camera.stream) camera.stream.getTracks().forEach((track) => track.stop());
  camera.stream = null;
  camera.state = 'off';
  const video = $('camera-video');
  video.pause();
  video.srcObject = null;
}

function grabFrame() {
  const video = $('camera-video');
  if (camera.inFlight || state.screen !== 'identify' || locked() || Date.now() < state.cameraReadyAt) return;
  if (video.readyState < 2 || !video.videoWidth) return;
  const canvas = $('camera-canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height); // not mirrored
  camera.inFlight = true; // taken until the frame's answer is in
  canvas.toBlob((blob) => {
    camera.inFlight = false;
    if (blob) postFrame(blob);
  }, 'image/jpeg', 0.85);
}

/**
 * One frame → POST /scan. 200 {text, kind} is handled like typed text; 422 (no code yet) and anything else
 * are ignored: the camera just tries again. A frame is dropped while another is in flight.
 * Resolves to 'sent' | 'skipped'.
 */
export async function postFrame(blob) {
  if (camera.inFlight || state.screen !== 'identify' || locked()) return 'skipped';
  camera.inFlight = true;
  const gen = state.gen;
  let res;
  try {
    res = await request('POST', '/scan', { blob, timeout: SCAN_TIMEOUT_MS });
  } finally {
    camera.inFlight = false;
  }
  if (gen !== state.gen || state.screen !== 'identify' || locked()) return 'sent';
  if (res.status === 200 && res.data) {
    touched();
    await act((g) => identified(res.data, g));
  }
  return 'sent';
}

// USB barcode scanner: it types the code and Enter, here caught at the document level

const wedge = { buffer: '', last: 0 };

function capturingKeys() {
  return (state.screen === 'identify' || state.screen === 'welcome') && !state.notice;
}

export function onKeyDown(e) {
  touched();
  if (!capturingKeys() || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
  const now = Date.now();
  if (now - wedge.last > WEDGE_GAP_MS) wedge.buffer = '';
  wedge.last = now;
  if (e.key === 'Enter') {
    e.preventDefault();
    const text = wedge.buffer.trim();
    wedge.buffer = '';
    if (text) scanned(text);
  } else if (e.key && e.key.length === 1) {
    e.preventDefault();
    if (wedge.buffer.length < WEDGE_MAX) wedge.buffer += e.key;
  } else if (e.key === 'Tab' || e.key === 'Backspace' || e.key === ' ') {
    e.preventDefault();
  }
}

export function onKeyUp(e) {
  if (capturingKeys() && (e.key === 'Enter' || e.key === ' ')) e.preventDefault();
}

function scanned(text) {
  if (locked()) return;
  if (state.screen === 'welcome') {
    // scanned straight away: the JKN path (or a ticket's status)
    state.payer = 'JKN';
    show('identify');
  }
  submitIdentify(text);
}
