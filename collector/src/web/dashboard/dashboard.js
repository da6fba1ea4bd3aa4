// The dashboard's script, served from the collector itself (the page's policy allows no inline script).
// It signs in with the session cookie (from /sign-in) or with a pasted API token kept in this tab only.
const CHECKS = [['encryption', 'Encryption'], ['antivirus', 'Anti-virus'], ['firewall', 'Firewall'], ['password-policy', 'Password policy'], ['removable-media', 'Removable media'], ['screen-lock', 'Screen lock']];
const LABELS = { pass: 'Pass', fail: 'Fail', unknown: 'Unknown', not_applicable: 'Not applicable' };
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => { const node = Object.assign(document.createElement(tag), props); node.append(...children); return node; };
const when = (iso) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : 'never');
let token = sessionStorage.getItem('invigilator-token');
let hostnames = new Map();

// With the session cookie, a change carries the session's anti-forgery token (given by /api/v1/me).
let csrfToken = null;
const call = async (path, init = {}) => {
  const headers = token ? { authorization: `Bearer ${token}` } : (csrfToken && init.method === 'POST' ? { 'x-csrf-token': csrfToken } : {});
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(body.error?.message ?? `HTTP ${response.status}`), { status: response.status });
  return body;
};

const verdictCell = (verdict) => {
  if (!verdict) return el('td', { className: 'reason' }, 'not reported yet');
  return el('td', { title: verdict.clause?.text ?? '' },
    el('div', { className: `verdict ${verdict.status}` }, LABELS[verdict.status] ?? verdict.status),
    el('div', { className: 'reason' }, verdict.reason ?? ''));
};

const renderDevices = (devices) => {
  hostnames = new Map(devices.map((device) => [device.id, device.hostname]));
  $('devices').replaceChildren(...(devices.length === 0
    ? [el('tr', {}, el('td', { colSpan: 2 + CHECKS.length, className: 'empty' }, 'No devices yet: enrol one with invigilator-agent enroll.'))]
    : devices.map((device) => el('tr', {},
        el('td', {}, el('strong', {}, device.hostname), el('div', { className: 'reason' }, `${device.facts?.osName ?? ''} ${device.facts?.osVersion ?? ''}`),
          device.suspectDuplicate ? el('div', { className: 'suspect' }, `Unconfirmed: ${device.suspectDuplicate.reason}, already enrolled`) : ''),
        el('td', {}, when(device.lastSeenAt)),
        ...CHECKS.map(([check]) => verdictCell(device.checks?.[check]))))));
};

const renderAlerts = (alerts) => {
  $('alerts').replaceChildren(...(alerts.length === 0
    ? [el('tr', {}, el('td', { colSpan: 7, className: 'empty' }, 'No open alerts.'))]
    : alerts.map((alert) => {
        const actions = el('td', {});
        for (const action of alert.status === 'open' ? ['acknowledge', 'resolve'] : ['resolve']) {
          actions.append(el('button', { onclick: async () => { await call(`/api/v1/alerts/${alert.id}/${action}`, { method: 'POST' }); refresh(); } },
            action === 'acknowledge' ? 'Acknowledge' : 'Resolve'));
        }
        return el('tr', {},
          el('td', { className: `sev-${alert.severity}` }, alert.severity),
          el('td', {}, el('strong', {}, alert.title), el('div', { className: 'reason' }, alert.summary)),
          el('td', {}, hostnames.get(alert.deviceId) ?? alert.detail?.hostname ?? alert.detail?.computer ?? '',
            alert.deviceSuspectDuplicate ? el('div', { className: 'suspect' }, `Unconfirmed: this device ${alert.deviceSuspectDuplicate.reason}, already enrolled`) : ''),
          el('td', { className: 'reason' }, alert.clause?.text ?? ''),
          el('td', {}, when(alert.openedAt)),
          el('td', {}, `${alert.occurrences}×`),
          actions);
      })));
};

// Every view of misuse alerts is audited, so the page asks only for the ones still to deal with, and not too often.
const REFRESH_SECONDS = 30;
const UNRESOLVED_ALERTS = '/api/v1/alerts?status=open,acknowledged&limit=500';

let signedIn = false;
const refresh = async () => {
  try {
    const me = await call('/api/v1/me');
    signedIn = true;
    csrfToken = me.csrfToken ?? null;
    $('who').textContent = `${me.label} · ${me.roles.join(', ')} · ${me.schools === 'all' ? 'all schools' : me.schools.join(', ')}`;
    $('signin-section').hidden = true;
    $('signout').hidden = false;
    $('devices-section').hidden = !me.sees.devices;
    $('alerts-section').hidden = me.sees.alertCategories.length === 0;
    $('alerts-title').textContent = me.sees.alertCategories.includes('misuse') && !me.sees.devices ? 'Open misuse alerts' : 'Open alerts';
    if (me.sees.devices) renderDevices((await call('/api/v1/devices')).devices);
    if (me.sees.alertCategories.length > 0) renderAlerts((await call(UNRESOLVED_ALERTS)).alerts);
    $('status').textContent = me.sees.devices || me.sees.alertCategories.length > 0
      ? `Updated ${when(new Date().toISOString())}; refreshes every ${REFRESH_SECONDS} seconds.`
      : 'Your role has nothing to show here yet.';
  } catch (error) {
    if (error.status === 401) {
      const wasSignedIn = Boolean(token || csrfToken);
      sessionStorage.removeItem('invigilator-token'); token = null; csrfToken = null; signedIn = false;
      showSignIn(wasSignedIn ? error.message : ''); return;
    }
    $('status').textContent = `Could not load: ${error.message}`;
  }
};

const showSignIn = (message = '') => {
  $('signin-section').hidden = false;
  $('signout').hidden = true;
  $('devices-section').hidden = true;
  $('alerts-section').hidden = true;
  $('who').textContent = '';
  $('status').textContent = '';
  $('signin-error').textContent = message;
};

$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  token = $('token').value.trim();
  sessionStorage.setItem('invigilator-token', token);
  refresh();
});
$('signout').addEventListener('click', async () => {
  // A session ends on the collector too; a token only leaves this tab (revoke it with `token revoke`).
  if (!token && csrfToken) await call('/auth/sign-out', { method: 'POST' }).catch(() => undefined);
  sessionStorage.removeItem('invigilator-token'); token = null; csrfToken = null; signedIn = false;
  showSignIn();
});
// Without a pasted token, the session cookie (if any) signs the page in; a 401 shows the sign-in choices.
refresh();
setInterval(() => { if (signedIn) refresh(); }, REFRESH_SECONDS * 1000);
