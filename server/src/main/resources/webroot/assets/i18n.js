/*
 * Texts for Antrean pages come from the server's message bundles (Bahasa Indonesia first, English second):
 *
 *   import { loadTexts } from '/assets/i18n.js';
 *   const t = await loadTexts('display', 'id');   // GET /i18n/display.json?lang=id
 *   t('display.footer.onlineQueue');                // the text, or the key when missing
 *   t('console.waiting.minutes', 12);               // {0}, {1}, ... replaced, as MessageFormat does
 */
import { translator } from './message-format.js';

/** A bundle's texts as t(key, ...args); a bundle that cannot be read gives the keys themselves. */
export async function loadTexts(bundle, lang, options) {
  const language = lang || 'id';
  let texts = {};
  try {
    const response = await fetch('/i18n/' + encodeURIComponent(bundle) + '.json?lang=' + encodeURIComponent(language),
      { cache: 'no-store' });
    if (response.ok) texts = await response.json();
  } catch (e) { /* offline: the keys show, so the failure is seen */ }
  return translator(texts, language, options);
}
