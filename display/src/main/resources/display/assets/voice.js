/*
 * The voice of the waiting-room display: composes an announcement as a list of pre-rendered clips
 * (assets/voice/<name>.ogg, made by display/tools/make-voice.sh) and plays announcements one after the other
 * with the Web Audio API, never overlapping, never cutting one off.
 *
 *   AntreanVoice.numberToWords(115)                        // ['seratus', 'lima', 'belas']
 *   AntreanVoice.compose('A-012', 'Ruang Periksa Umum 1')
 *     // ['chime', 'nomor-antrean', 'a', 'dua', 'belas', 'silakan-ke', 'ruang', 'periksa', 'umum', 'satu']
 *   AntreanVoice.compose('A-012', 'Loket 2', { twice: true })
 *     // ['chime', 'nomor-antrean', 'a', 'dua', 'belas', 'silakan-ke', 'loket', 'dua',
 *     //  'pause', 'nomor-antrean', 'a', 'dua', 'belas', 'silakan-ke', 'loket', 'dua']
 *   const player = AntreanVoice.createPlayer({ base: '/display/assets/voice/', onState: (s) => {} });
 *   player.enqueue(clips);
 *
 * The composing functions are pure (no DOM, no audio), so they can be tried in Node too.
 */
(function (root) {
  'use strict';

  const DIGITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];

  /** Letters as Indonesians say them, by clip name. */
  const LETTERS = {
    a: 'a', b: 'be', c: 'ce', d: 'de', e: 'e', f: 'ef', g: 'ge', h: 'ha', i: 'i', j: 'je', k: 'ka', l: 'el',
    m: 'em', n: 'en', o: 'o', p: 'pe', q: 'ki', r: 'er', s: 'es', t: 'te', u: 'u', v: 've', w: 'we', x: 'eks',
    y: 'ye', z: 'zet',
  };

  /** Words of room and counter names that have a clip of their own (kia, tb, ... are said letter by letter). */
  const VOCABULARY = [
    'loket', 'ruang', 'ruangan', 'poli', 'umum', 'gigi', 'kia', 'lab', 'laboratorium', 'apotek', 'farmasi',
    'periksa', 'pemeriksaan', 'pendaftaran', 'tindakan', 'imunisasi', 'gizi', 'tb', 'lansia', 'anak', 'ibu',
    'kb', 'mtbs', 'ugd', 'rawat', 'jalan', 'konseling', 'sanitasi', 'kesehatan', 'jiwa', 'mata', 'tht',
    'kasir', 'dokter', 'bidan', 'perawat', 'dan',
  ];
  const KNOWN_WORDS = new Set(VOCABULARY);

  /** Every clip the display may play. */
  const CLIPS = ['chime', 'nomor-antrean', 'silakan-ke'].concat(DIGITS,
    ['sepuluh', 'sebelas', 'belas', 'puluh', 'seratus', 'ratus', 'seribu', 'ribu'],
    Object.values(LETTERS), VOCABULARY);

  /** Indonesian words for 0..9999 (larger numbers are said digit by digit), as clip names. */
  function numberToWords(n) {
    n = Number(n);
    if (!Number.isInteger(n) || n < 0) return [];
    if (n > 9999) return String(n).split('').map((d) => DIGITS[Number(d)]);
    if (n === 0) return ['nol'];
    return below10000(n);
  }

  function below10000(n) {
    const words = [];
    const thousands = Math.floor(n / 1000);
    const hundreds = Math.floor((n % 1000) / 100);
    const rest = n % 100;
    if (thousands === 1) words.push('seribu');
    else if (thousands > 1) words.push(DIGITS[thousands], 'ribu');
    if (hundreds === 1) words.push('seratus');
    else if (hundreds > 1) words.push(DIGITS[hundreds], 'ratus');
    if (rest === 0) return words;
    if (rest < 10) words.push(DIGITS[rest]);
    else if (rest === 10) words.push('sepuluh');
    else if (rest === 11) words.push('sebelas');
    else if (rest < 20) words.push(DIGITS[rest - 10], 'belas');
    else {
      words.push(DIGITS[Math.floor(rest / 10)], 'puluh');
      if (rest % 10) words.push(DIGITS[rest % 10]);
    }
    return words;
  }

  /** Letters and digits only, lower case, accents dropped ("Ruang-Periksa  1" → words and numbers). */
  function tokens(text) {
    const plain = String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    return plain.match(/[a-z]+|[0-9]+/g) || [];
  }

  function spell(word) {
    return word.split('').map((c) => LETTERS[c]).filter(Boolean);
  }

  /** A ticket label ("A-012", "B-7") as clips: its letters one by one, its number without leading zeros. */
  function labelToWords(label) {
    const words = [];
    for (const token of tokens(label)) {
      if (/^[0-9]/.test(token)) words.push(...numberToWords(parseInt(token, 10)));
      else words.push(...spell(token));
    }
    return words;
  }

  /** A room or counter name as clips: numbers as words, known words as their clip, anything else spelled. */
  function destinationToWords(name) {
    const words = [];
    for (const token of tokens(name)) {
      if (/^[0-9]/.test(token)) words.push(...numberToWords(parseInt(token, 10)));
      else if (KNOWN_WORDS.has(token)) words.push(token);
      else words.push(...spell(token));
    }
    return words;
  }

  /** Not a clip: a moment of silence, between the two sayings of a call. */
  const PAUSE_MARK = 'pause';

  /**
   * The whole announcement: the chime, then "nomor antrean", the label, and "silakan ke" the destination (if any).
   * With options.twice the words are said again after a short pause; the chime rings once, at the start, as a
   * call's bell does (a second chime would sound like a second call).
   */
  function compose(label, destination, options) {
    const words = ['nomor-antrean'].concat(labelToWords(label));
    const place = destinationToWords(destination);
    if (place.length) words.push('silakan-ke', ...place);
    const clips = ['chime'].concat(words);
    if (options && options.twice) clips.push(PAUSE_MARK, ...words);
    return clips;
  }

  /* ---------------------------------------------------------------------------------------------------- */

  const GAP = 0.07;            // seconds between two words
  const PAUSE = 0.32;          // after the label, before "silakan ke"
  const AFTER_NAME = 0.18;     // after "nomor antrean"
  const CHIME_OVERLAP = 0.9;   // the voice starts while the chime's tail still rings
  const BETWEEN = 0.8;         // silence between two announcements
  const REPEAT_PAUSE = 0.9;    // between the two sayings of one call
  const STALE_MS = 180000;     // an announcement that waited longer than this (sound was off) is dropped

  /**
   * Plays announcements (lists of clip names) in order. Clips are fetched and decoded once; an announcement
   * is scheduled clip after clip on the AudioContext's clock, and the next one starts only after it ended.
   * onState(state) is told the AudioContext's state: 'running', 'suspended' (sound blocked), 'unsupported'.
   */
  function createPlayer(options) {
    const base = options.base || 'assets/voice/';
    const onState = options.onState || function () {};
    const Ctx = root.AudioContext || root.webkitAudioContext;
    const buffers = new Map();
    const queue = [];
    let playing = false;
    let ready = null;
    let ctx = null;

    if (!Ctx) {
      onState('unsupported');
      return { enqueue() {}, resume() { return Promise.resolve(); }, state: () => 'unsupported', loaded: () => 0 };
    }
    try {
      ctx = new Ctx({ latencyHint: 'playback' });
    } catch (e) {
      ctx = new Ctx();
    }
    ctx.onstatechange = () => {
      onState(ctx.state);
      if (ctx.state === 'running') next();
    };

    async function loadClip(name) {
      try {
        const response = await fetch(base + encodeURIComponent(name) + '.ogg');
        if (!response.ok) throw new Error('HTTP ' + response.status);
        const data = await response.arrayBuffer();
        buffers.set(name, await new Promise((resolve, reject) => {
          const p = ctx.decodeAudioData(data, resolve, reject);
          if (p && p.catch) p.catch(reject);
        }));
      } catch (e) {
        // counted as missing below, and fetched again later
      }
    }

    async function load() {
      let names = CLIPS;
      try {
        const response = await fetch(base + 'clips.json', { cache: 'no-cache' });
        if (response.ok) {
          const list = await response.json();
          const fromFile = Array.isArray(list) ? list : list.clips;
          if (Array.isArray(fromFile) && fromFile.length) names = fromFile;
        }
      } catch (e) {
        console.warn('antrean voice: clips.json not loaded', e);
      }
      await loadAll(names);
      retryMissing(names, 5000);
    }

    async function loadAll(names) {
      // a few at a time (the browser has ~6 connections to the server, one of them is the live stream)
      const pending = names.filter((name) => !buffers.has(name));
      const workers = [];
      for (let i = 0; i < 5; i++) {
        workers.push((async () => {
          while (pending.length) await loadClip(pending.shift());
        })());
      }
      await Promise.all(workers);
      const missing = names.filter((name) => !buffers.has(name));
      if (missing.length) console.warn('antrean voice: ' + missing.length + ' clips not loaded yet: ' + missing.join(', '));
    }

    /** Clips that failed (e.g. the server restarted while the display started) are fetched again later. */
    function retryMissing(names, delay) {
      if (names.every((name) => buffers.has(name))) return;
      setTimeout(() => loadAll(names).then(() => retryMissing(names, Math.min(delay * 2, 60000))), delay);
    }

    ready = load();

    function schedule(clips) {
      const start = ctx.currentTime + 0.08;
      let t = start;
      let end = start;
      clips.forEach((name, i) => {
        if (name === PAUSE_MARK) {
          t += REPEAT_PAUSE;
          return;
        }
        const buffer = buffers.get(name);
        if (!buffer) return;
        const source = ctx.createBufferSource();
        source.buffer = buffer;
        source.connect(ctx.destination);
        source.start(t);
        end = Math.max(end, t + buffer.duration);
        if (name === 'chime') t += Math.max(0.2, buffer.duration - CHIME_OVERLAP);
        else {
          t += buffer.duration;
          const following = clips[i + 1];
          if (following === 'silakan-ke') t += PAUSE;
          else if (name === 'nomor-antrean') t += AFTER_NAME;
          else t += GAP;
        }
      });
      return { end };
    }

    function next() {
      if (playing || !queue.length || ctx.state !== 'running') return;
      const item = queue.shift();
      if (Date.now() - item.queuedAt > STALE_MS) {
        next();
        return;
      }
      playing = true;
      ready.then(() => {
        if (ctx.state !== 'running') {
          // sound went off between: put it back, play when it is on again
          queue.unshift(item);
          playing = false;
          return;
        }
        const { end } = schedule(item.clips);
        // done when the context's clock has passed the end of the last clip (the clock stands still while
        // the sound is suspended, so a paused announcement is finished before the next one starts)
        const poll = setInterval(() => {
          if (ctx.currentTime < end) return;
          clearInterval(poll);
          setTimeout(() => {
            playing = false;
            next();
          }, BETWEEN * 1000);
        }, 100);
      });
    }

    return {
      enqueue(clips) {
        queue.push({ clips: clips.slice(), queuedAt: Date.now() });
        next();
      },
      /** Ask the browser to let the sound play (works from a user gesture). */
      resume() {
        return ctx.resume().then(() => {
          onState(ctx.state);
          next();
        }, () => onState(ctx.state));
      },
      state: () => ctx.state,
      loaded: () => buffers.size,
      ready: () => ready,
      pending: () => queue.length + (playing ? 1 : 0),
    };
  }

  const api = { numberToWords, labelToWords, destinationToWords, compose, createPlayer, CLIPS, VOCABULARY, LETTERS,
    PAUSE: PAUSE_MARK };
  root.AntreanVoice = api;
  if (typeof module === 'object' && module.exports) module.exports = api;
})(typeof window !== 'undefined' ? window : globalThis);
