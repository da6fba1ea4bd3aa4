// The dashboard: who is signed in decides which pages exist. The collector checks every call again;
// hiding a page here is for the person's sake, never the only guard.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { apiToken, call, onSignedOut, subscribeLive, useCsrfToken } from './api.js';
import { html } from './html.js';
import { publishLive } from './live.js';
import { holds, ROLE_NAMES } from './format.js';
import { href, navigate, useRoute } from './router.js';
import { AlertPage, AlertsPage } from './pages/alerts.js';
import { AuditPage } from './pages/audit.js';
import { DevicePage } from './pages/device.js';
import { DevicesPage } from './pages/devices.js';
import { IncidentPage, InboxPage } from './pages/inbox.js';
import { OverviewPage } from './pages/overview.js';
import { ReportsPage } from './pages/reports.js';
import { SettingsPage } from './pages/settings.js';

/** The pages a person's roles open, in the order of the navigation bar; the first is their home. */
const pagesFor = (me) => [
  holds(me, 'admin', 'network-manager') && { path: '/overview', label: 'Overview', view: OverviewPage },
  holds(me, 'admin', 'network-manager', 'technician') && { path: '/devices', label: 'Devices', view: DevicesPage },
  holds(me, 'dsl') && { path: '/inbox', label: 'Safeguarding inbox', view: InboxPage },
  holds(me, 'admin', 'network-manager', 'technician') && { path: '/alerts', label: 'Alerts', view: AlertsPage },
  holds(me, 'admin', 'network-manager', 'governor') && { path: '/reports', label: 'Termly reports', view: ReportsPage },
  holds(me, 'admin') && { path: '/settings', label: 'Settings', view: SettingsPage },
  holds(me, 'admin') && { path: '/audit', label: 'Audit log', view: AuditPage },
].filter(Boolean);

/** Pages reached from a list rather than the navigation bar: /devices/ID, /alerts/ID, /inbox/ID. */
const DETAIL_VIEWS = { '/devices': DevicePage, '/alerts': AlertPage, '/inbox': IncidentPage };

// A link in an email or chat message, <public address>/?alert=ID, opens that alert: a safeguarding lead's
// in their inbox, anyone else's on the alert page (which hands a misuse alert on to the inbox where allowed).
const openLinkedAlert = (me) => {
  const linked = new URLSearchParams(location.search).get('alert');
  if (!linked) return;
  const inboxOnly = holds(me, 'dsl') && !holds(me, 'admin', 'network-manager', 'technician');
  history.replaceState(null, '', `/${href(`/${inboxOnly ? 'inbox' : 'alerts'}/${encodeURIComponent(linked)}`)}`);
};

// The address someone opened before signing in (an alert link, a bookmark) is where they land after it.
const RETURN_KEY = 'invigilator-return-to';
const TOKEN_FORM = '#token';
const toSignIn = () => {
  if (location.search || (location.hash && location.hash !== TOKEN_FORM)) sessionStorage.setItem(RETURN_KEY, location.search + location.hash);
  location.assign('/sign-in');
};
const returnToOpenedAddress = () => {
  const saved = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  if (saved && !location.search && (!location.hash || location.hash === TOKEN_FORM)) history.replaceState(null, '', `/${saved}`);
};

const TokenSignIn = ({ message, onSignedIn }) => {
  const [token, setToken] = useState('');
  const submit = (event) => {
    event.preventDefault();
    apiToken.set(token.trim());
    onSignedIn();
  };
  return html`<header class="top signed-out"><span class="brand">Invigilator</span></header>
  <main class="narrow" id="main">
    <h1 tabindex="-1">Sign in with an API token</h1>
    ${message ? html`<p class="error" role="alert" id="signin-error">${message}</p>` : null}
    <section class="card" id="token">
      <form class="stack" onSubmit=${submit}>
        <label for="token-input">API token (from <code>npm start</code> or <code>invigilator-collector token create</code>)</label>
        <input id="token-input" type="password" autocomplete="off" required value=${token} onInput=${(e) => setToken(e.currentTarget.value)} />
        <button type="submit" class="primary">Sign in with the token</button>
      </form>
      <p class="note small">The token stays in this browser tab only.</p>
    </section>
    <p class="note">People sign in <a href="/sign-in">with their school account or email and password</a>.</p>
  </main>`;
};

const Toast = ({ toast, onClose }) => {
  useEffect(() => {
    if (!toast) return undefined;
    const timer = setTimeout(onClose, 12_000);
    return () => clearTimeout(timer);
  }, [toast]);
  return html`<div role="status" aria-live="polite">${toast ? html`<div class="toast">${toast.text} ${toast.link ? html`<a href=${toast.link}>Open</a>` : null}</div>` : null}</div>`;
};

const alertToast = (me, alert) => {
  const misuse = alert.category === 'misuse';
  const link = misuse && holds(me, 'dsl') ? href(`/inbox/${alert.id}`) : href(`/alerts/${alert.id}`);
  return { text: `${alert.status === 'open' ? 'Alert' : `Alert ${alert.status}`}: ${alert.title}`, link };
};

const Shell = ({ me, onSignOut }) => {
  const route = useRoute();
  const [liveState, setLiveState] = useState('off');
  const [toast, setToast] = useState(null);
  const pages = pagesFor(me);

  useEffect(() => {
    if (!holds(me, 'admin', 'network-manager', 'technician', 'dsl')) return undefined;
    return subscribeLive((event) => {
      publishLive(event);
      if (event.type === 'alert' && event.data.alert?.status === 'open') setToast(alertToast(me, event.data.alert));
    }, setLiveState);
  }, [me]);

  const home = pages[0];
  const section = `/${route.parts[0] ?? ''}`;
  const page = pages.find((candidate) => candidate.path === section);
  useEffect(() => {
    if (!page && home) navigate(home.path, {}, { replace: true });
  }, [page, home]);

  const Detail = route.parts.length > 1 ? DETAIL_VIEWS[section] : undefined;
  const View = Detail && page ? Detail : page?.view;
  const schools = me.schools === 'all' ? 'all schools' : me.schools.join(', ');
  return html`
    <a class="skip" href="#main" onClick=${(e) => { e.preventDefault(); document.querySelector('main h1')?.focus(); }}>Skip to the page</a>
    <header class="top">
      <div class="top-row">
        <a class="brand" href=${home ? href(home.path) : '#/'}>Invigilator</a>
        <div class="who">
          ${pages.some((p) => p.path !== '/reports') ? html`<span class=${`live ${liveState === 'on' ? 'on' : ''}`} title="Live updates">${liveState === 'on' ? 'Live' : 'Connecting…'}</span>` : null}
          <span id="who"><strong>${me.label}</strong> · ${me.roles.map((role) => ROLE_NAMES[role] ?? role).join(', ')} · ${schools}</span>
          <button type="button" id="signout" onClick=${onSignOut}>Sign out</button>
        </div>
      </div>
      <nav aria-label="Pages"><ul>
        ${pages.map((item) => html`<li><a href=${href(item.path)} aria-current=${item.path === section ? 'page' : undefined}>${item.label}</a></li>`)}
      </ul></nav>
    </header>
    <main id="main">
      ${View ? html`<${View} me=${me} route=${route} />` : html`<h1 tabindex="-1">Nothing to show</h1><p>Your role has no pages here. Ask your administrator.</p>`}
    </main>
    <${Toast} toast=${toast} onClose=${() => setToast(null)} />`;
};

const App = () => {
  const [state, setState] = useState({ loading: true });
  const load = async () => {
    try {
      const me = await call('/api/v1/me');
      useCsrfToken(me.csrfToken);
      returnToOpenedAddress();
      openLinkedAlert(me);
      setState({ me });
    } catch (error) {
      const hadToken = Boolean(apiToken.get());
      apiToken.clear();
      if (error.status === 401 && !hadToken && location.hash !== TOKEN_FORM) { toSignIn(); return; }
      setState({ message: error.status === 401 && !hadToken ? '' : error.message });
    }
  };
  useEffect(() => { load(); }, []);
  // A session that ends while the page is open (expired, signed out elsewhere) goes back to sign-in.
  useEffect(() => (state.me ? onSignedOut((error) => {
    const hadToken = Boolean(apiToken.get());
    apiToken.clear();
    useCsrfToken(null);
    if (hadToken) setState({ message: error.message });
    else toSignIn();
  }) : undefined), [state.me]);

  const signOut = async () => {
    // A session ends on the collector too; a token only leaves this tab (revoke it with `token revoke`).
    const hadToken = Boolean(apiToken.get());
    if (!hadToken) await call('/auth/sign-out', { method: 'POST' }).catch(() => undefined);
    apiToken.clear();
    useCsrfToken(null);
    if (hadToken) setState({ message: '' });
    else location.assign('/sign-in');
  };

  if (state.loading) return html`<p class="loading" role="status">Loading…</p>`;
  if (!state.me) return html`<${TokenSignIn} message=${state.message} onSignedIn=${() => { setState({ loading: true }); load(); }} />`;
  return html`<${Shell} me=${state.me} onSignOut=${signOut} />`;
};

render(html`<${App} />`, document.getElementById('app'));
