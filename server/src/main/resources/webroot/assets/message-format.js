/*
 * Texts from the message bundles, read the way the server reads them. The bundles are Java .properties whose
 * values are java.text.MessageFormat patterns, and the server formats them with MessageFormat (web/Messages);
 * the pages format the same patterns here, so a text reads the same on every screen:
 *
 *   ''            one quote:                        "Patient''s card"   → Patient's card
 *   'quoted'      a literal, braces and all:         "'{0}' is {0}"      → {0} is 7
 *   {0}, {1}, …   the argument; a number in the language's digits (1.234 in Bahasa Indonesia, 1,234 in English),
 *                 null as "null", and an argument not given stays "{1}" — as MessageFormat does.
 *   missing key   the key itself: a defect that shows (MessagesTest catches it on the server), never a blank.
 *
 * Only {n} without a format type is supported: the bundles use no other (MessageFormat would throw on a bad one).
 */

const numberFormats = new Map();

function numberFormat(lang) {
  const locale = lang === 'en' ? 'en' : 'id';
  if (!numberFormats.has(locale)) {
    // MessageFormat uses NumberFormat.getInstance(locale): grouping, at most three fraction digits.
    numberFormats.set(locale, new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }));
  }
  return numberFormats.get(locale);
}

function argument(args, index, lang) {
  if (!args || index >= args.length) return '{' + index + '}';
  const value = args[index];
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return numberFormat(lang).format(value);
  return String(value);
}

/** Formats one MessageFormat pattern with its arguments, as java.text.MessageFormat does. */
export function formatMessage(pattern, args, lang) {
  const text = String(pattern);
  let out = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      if (text[i + 1] === "'") {
        out += "'";
        i++;
      } else {
        quoted = !quoted;
      }
    } else if (c === '{' && !quoted) {
      const end = text.indexOf('}', i);
      const index = end > i ? text.slice(i + 1, end).trim() : '';
      if (!/^\d+$/.test(index)) throw new Error('Unsupported message pattern: ' + text);
      out += argument(args, Number(index), lang);
      i = end;
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * t(key, ...args) over a bundle's texts (a flat object of patterns). Options: fallback, a second bundle for keys
 * the first lacks (the kiosk's Bahasa Indonesia under English); missing(key), what a key found nowhere gives
 * (by default the key itself, as the server does). t.has(key) says whether the key is there.
 */
export function translator(texts, lang, options = {}) {
  const own = (bundle, key) => !!bundle && Object.prototype.hasOwnProperty.call(bundle, key);
  const missing = options.missing || ((key) => key);
  const t = (key, ...args) => {
    if (own(texts, key)) return formatMessage(texts[key], args, lang);
    if (own(options.fallback, key)) return formatMessage(options.fallback[key], args, lang);
    return missing(key);
  };
  t.lang = lang;
  t.texts = texts;
  t.has = (key) => own(texts, key) || own(options.fallback, key);
  return t;
}
