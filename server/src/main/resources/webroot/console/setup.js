/*
 * The first setup (/console/setup): step 1 spends the one-time setup code printed at the server's first start to
 * create the first operator (POST /api/v1/setup); step 2 logs that operator in and creates the first facility
 * (POST /api/v1/facilities). When the setup is done already, it starts at step 2. Texts from the console bundle.
 */
import { lang, setLang, loadTexts, applyTexts, api, errorText, saveSession } from './common.js';

const $ = (id) => document.getElementById(id);
let t = null;

function show(step) {
  ['step-operator', 'step-login', 'step-facility', 'step-done'].forEach((id) => { $(id).hidden = id !== step; });
  const first = $(step).querySelector('input');
  if (first) first.focus();
}

function fail(box, error) {
  box.textContent = error.status === 429 && error.retryAfter
    ? t('console.login.error.rateLimited', error.retryAfter) : errorText(error, t);
  box.hidden = false;
}

/** Runs a form's request with its button disabled and its error box cleared first. */
async function submitting(form, errorBox, work) {
  const button = form.querySelector('button[type="submit"]');
  errorBox.hidden = true;
  button.disabled = true;
  try {
    await work();
  } catch (error) {
    fail(errorBox, error);
  } finally {
    button.disabled = false;
  }
}

async function createOperator(event) {
  event.preventDefault();
  await submitting($('step-operator'), $('operator-error'), async () => {
    const created = await api('/api/v1/setup', {
      method: 'POST',
      noAuthRedirect: true,
      body: {
        setupCode: $('setup-code').value.trim(),
        operator: {
          username: $('op-username').value.trim().toLowerCase(),
          name: $('op-name').value.trim(),
          password: $('op-password').value,
        },
      },
    });
    $('login-username').value = created.operator.username;
    $('op-password').value = '';
    notice(t('console.setup.operatorCreated', created.operator.username));
    show('step-login');
  });
}

async function logIn(event) {
  event.preventDefault();
  await submitting($('step-login'), $('login-error'), async () => {
    const login = await api('/api/v1/auth/token', {
      method: 'POST',
      noAuthRedirect: true,
      body: { username: $('login-username').value.trim(), password: $('login-password').value },
    });
    $('login-password').value = '';
    if (login.kind !== 'OPERATOR') {
      $('login-error').textContent = t('console.setup.notOperator');
      $('login-error').hidden = false;
      return;
    }
    const me = Object.assign({}, login);
    delete me.token;
    saveSession(login.token, me);
    show('step-facility');
  });
}

async function createFacility(event) {
  event.preventDefault();
  await submitting($('step-facility'), $('facility-error'), async () => {
    const facility = await api('/api/v1/facilities', {
      method: 'POST',
      body: {
        code: $('fac-code').value.trim().toLowerCase(),
        name: $('fac-name').value.trim(),
        timeZone: $('fac-zone').value,
      },
    });
    $('done-text').textContent = t('console.setup.done', facility.name, facility.code);
    $('to-settings').href = 'settings.html?facility=' + encodeURIComponent(facility.code);
    $('setup-notice').hidden = true;
    show('step-done');
  });
}

function notice(text) {
  $('setup-notice').textContent = text;
  $('setup-notice').hidden = !text;
}

async function setLanguage(value) {
  setLang(value);
  t = await loadTexts(value);
  applyTexts(document, t);
}

async function boot() {
  await setLanguage(lang());
  document.querySelectorAll('.lang-btn').forEach((button) => {
    button.addEventListener('click', () => setLanguage(button.dataset.lang));
  });
  $('step-operator').addEventListener('submit', createOperator);
  $('step-login').addEventListener('submit', logIn);
  $('step-facility').addEventListener('submit', createFacility);
  $('another-facility').addEventListener('click', () => {
    $('step-facility').reset();
    show('step-facility');
  });
  let open = true;
  try {
    open = (await api('/api/v1/setup', { noAuthRedirect: true })).open;
  } catch (error) {
    notice(errorText(error, t));
  }
  if (!open) notice(t('console.setup.alreadyDone'));
  document.body.classList.remove('booting');
  show(open ? 'step-operator' : 'step-login');
}

boot();
