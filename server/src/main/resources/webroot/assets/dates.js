/* Times as the pages show them: always in the facility's time zone, never the browser's. */

/** Milliseconds of an ISO time such as 2026-11-27T09:12:03.123456+08:00 (the fraction is cut to ms). */
export function parseTime(iso) {
  if (!iso) return NaN;
  return Date.parse(String(iso).replace(/(\.\d{3})\d+/, '$1'));
}

const formatters = new Map();
function formatter(language, timeZone, options) {
  const key = language + '|' + timeZone + '|' + JSON.stringify(options);
  if (!formatters.has(key)) {
    let f;
    try {
      f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', Object.assign({ timeZone }, options));
    } catch (e) {
      f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', options);
    }
    formatters.set(key, f);
  }
  return formatters.get(key);
}

/** 09.12 (id) / 09:12 (en), in the facility's time zone. */
export function formatTime(iso, timeZone, language, seconds) {
  const ms = typeof iso === 'number' ? iso : parseTime(iso);
  if (Number.isNaN(ms)) return '';
  const options = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (seconds) options.second = '2-digit';
  return formatter(language, timeZone, options).format(new Date(ms));
}

export function formatDate(ms, timeZone, language) {
  return formatter(language, timeZone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
    .format(new Date(ms));
}

// How far this PC's clock is off the server's, learnt from the Date header of API answers. A desk PC with a
// wrong clock must not close, report or audit the wrong day. Under a few seconds it is left alone: the header
// has whole seconds only.
let serverSkewMs = 0;
const SKEW_IGNORED_MS = 5000;

/** Learns the server's time from an answer's Date header (RFC 1123); ignores a missing or bad one. */
export function learnServerTime(dateHeader) {
  const server = dateHeader ? Date.parse(dateHeader) : NaN;
  if (Number.isNaN(server)) return;
  const skew = server - Date.now();
  serverSkewMs = Math.abs(skew) > SKEW_IGNORED_MS ? skew : 0;
}

/** Now, by the server's clock as far as it is known. */
export function serverNow() {
  return Date.now() + serverSkewMs;
}

/** yyyy-mm-dd of now (the server's) in a time zone. */
export function localDate(timeZone) {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date(serverNow()));
  } catch (e) {
    return new Date(serverNow()).toISOString().slice(0, 10);
  }
}

/** WIB, WITA, WIT for Indonesia's zones; the short name Intl gives otherwise. */
export function zoneName(timeZone) {
  const indonesia = {
    'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Ujung_Pandang': 'WITA',
    'Asia/Jayapura': 'WIT',
  };
  if (indonesia[timeZone]) return indonesia[timeZone];
  try {
    const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part ? part.value : '';
  } catch (e) { return ''; }
}
