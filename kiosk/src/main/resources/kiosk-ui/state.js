/*
 * The kiosk page's state, shared by its modules: the screen, the patient's way through it (payer, identity,
 * eligibility, service, ticket), the agent's status and the staff settings, with the page's timings. Each
 * screen's enter, leave and render functions are filled in by the module of that screen (here, so that they exist
 * before any of those modules runs).
 */


export const REQUEST_TIMEOUT_MS = 15000;
export const SCAN_TIMEOUT_MS = 10000;
export const STATUS_TIMEOUT_MS = 8000;
export const FRAME_INTERVAL_MS = 300;
export const CAMERA_COOLDOWN_MS = 1500; // after entering the identify screen, before frames count
export const IDLE_MS = 45000;           // no touch: back to the start (until the facility's own time is read)
export const IDLE_WARNING_MS = 10000;   // ... with a countdown over the last seconds
export const TICKET_MS = 20000;         // the ticket screen stays this long
export const TICKET_PROBLEM_MS = 60000; // ... or this long when the ticket was not printed
export const STATUS_POLL_MS = 15000;
export const RETRY_BOOT_MS = 5000;
export const WEDGE_GAP_MS = 1500;           // a USB scanner types much faster than this between keys
export const WEDGE_MAX = 512;
export const LONG_PRESS_MS = 3000; // on the facility name: settings
export const TAPS_TO_SETTINGS = 5; // ... or this many taps on it
export const TAPS_WINDOW_MS = 3000;
export const BUSY_DELAY_MS = 250;
export const MAX_DIGITS = 16;
export const MAX_PIN = 12;
export const MAX_PHONE = 15;           // digits: 0 + 8 + up to 11 more, or 62 + 8 + …
export const LONG_MESSAGE = 220;            // characters: a smaller font for the eligibility message

export const SCREENS = ['welcome', 'identify', 'eligibility', 'services', 'ticket', 'phone', 'booking', 'settings'];
export const CONTINUE_REASONS = new Set(['ACTIVE_HERE', 'UNVERIFIED']);
export const REFUSED_REASONS = new Set(['REGISTERED_ELSEWHERE', 'INACTIVE', 'NOT_FOUND']);
export const PRINTER_FINE = new Set(['OK', 'UNKNOWN']);

export const $ = (id) => document.getElementById(id);

// ---- state ---------------------------------------------------------------------------------------

export const state = {
  lang: 'id',
  bundles: { id: {}, en: {} },
  languages: ['id', 'en'],
  idleMs: IDLE_MS,         // the facility's kiosk idle time, from its profile
  spokenGuidance: false,   // speak each step (voice.js), from its profile
  facility: null,          // {code, name, timeZone}
  screen: null,
  gen: 0,                  // bumped on every screen change: late answers of an old screen are dropped
  lastTouch: Date.now(),
  payer: null,             // 'JKN' | 'UMUM'
  identity: null,          // {card} | {nik}
  eligibility: null,       // the server's answer
  eligibilityError: null,  // a text (see resolve()) when it could not be asked
  services: null,
  servicesError: null,
  servicesBack: 'welcome',
  priority: false,         // "Prioritas: lansia, disabilitas, ibu hamil" chosen on the poli screen
  pending: null,           // {run, body, key}: the ticket request, its key kept for retries
  result: null,            // {ticket, printed, problem?}
  ticketDeadline: 0,
  notify: null,            // {enabled, threshold}: whether the facility sends messages to patients' phones
  phone: '',               // digits typed on the phone screen; never kept after it is sent
  phoneError: null,
  phoneSaved: false,       // this ticket's number was taken: the ticket screen says so
  booking: null,           // a ticket read from its QR
  bookingBack: 'welcome',
  typed: '',
  keepTyped: '',           // digits the keypad starts with ("Ketik ulang" after "Data tidak ditemukan")
  identifyError: null,
  cameraReadyAt: 0,
  status: null,            // /api/status, or {failed: true}
  notice: null,            // {text, retry}
  busy: false,
  lockGen: -1,             // an action in flight on screen generation lockGen
  settings: null,
  settingsToken: null,
  settingsView: 'pin',
  settingsError: null,
  settingsResult: null,
  pin: '',
};

// ---- screens -------------------------------------------------------------------------------------

export const enter = {};
export const leave = {};
export const renderers = {};
