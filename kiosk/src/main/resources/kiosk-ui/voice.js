/*
 * Spoken guidance: a recorded Indonesian sentence for each step (voice/<step>.ogg, made by
 * kiosk/tools/make-voice.sh the way the display's voice is made), for people who cannot read the screen.
 * Only when the facility's profile turns it on (spokenGuidance); the clips are Indonesian whatever the language
 * shown, as most who need them speak it.
 *
 * For tests: document.body.dataset.voiceClip is the step last asked to be spoken (no real audio is needed).
 */

import { state } from './state.js';

export const CLIPS = Object.freeze({
  welcome: 'welcome',
  identify: 'scan-or-type',
  services: 'choose-poli',
  ticket: 'take-ticket',
});

let playing = null;

/**
 * Says the clip of the screen just shown, cutting off the one before (a quick patient should not hear two at
 * once). An unprinted ticket has nothing to take: its screen stays silent.
 */
export function speakFor(screen) {
  stopSpeaking();
  const clip = CLIPS[screen];
  if (!clip || !state.spokenGuidance) return;
  if (screen === 'ticket' && state.result && state.result.printed === false) return;
  document.body.dataset.voiceClip = clip;
  const audio = new Audio('/voice/' + clip + '.ogg');
  playing = audio;
  // A blocked or missing clip must never stop the kiosk: the screen says the same thing.
  audio.play().catch(() => {});
}

export function stopSpeaking() {
  if (playing) {
    playing.pause();
    playing = null;
  }
}
