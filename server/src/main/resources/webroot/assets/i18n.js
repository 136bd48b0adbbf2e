/*
 * Texts for Antrean pages come from the server's message bundles (Bahasa Indonesia first, English second):
 *
 *   const t = await AntreanI18n.load('display', 'id');   // GET /i18n/display.json?lang=id
 *   t('display.footer.onlineQueue');                      // the text, or the key when missing
 *   t('console.waiting.minutes', 12);                     // {0}, {1}, ... replaced
 */
(function () {
  'use strict';

  async function load(bundle, lang) {
    const response = await fetch('/i18n/' + encodeURIComponent(bundle) + '.json?lang=' + encodeURIComponent(lang || 'id'),
      { cache: 'no-store' });
    const texts = response.ok ? await response.json() : {};
    const t = function (key, ...args) {
      const text = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
      return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] !== undefined ? String(args[i]) : m));
    };
    t.lang = lang || 'id';
    t.texts = texts;
    return t;
  }

  window.AntreanI18n = { load };
})();
