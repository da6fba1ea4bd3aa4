// Alert lists and one alert. Every list comes from the collector ordered by severity, then time, so a
// critical never sits below a warning; each row shows its category so device health and safeguarding
// never blur into one another.
import { useEffect } from 'preact/hooks';
import { query } from '../api.js';
import { AlertActions, Category, Loaded, PageHead, Pager, Select, Severity, State, useApi, useCursorPages } from '../components.js';
import { CATEGORIES, holds, SEVERITIES, STATES, when } from '../format.js';
import { html } from '../html.js';
import { useLive } from '../live.js';
import { href, navigate } from '../router.js';

/** Where an alert is read in full: a misuse alert in the safeguarding lead's inbox. */
export const alertHref = (me, alert) =>
  (alert.category === 'misuse' && holds(me, 'dsl') ? href(`/inbox/${alert.id}`) : href(`/alerts/${alert.id}`));

export const AlertTable = ({ alerts, me, onChanged, hideDevice = false }) => (alerts.length === 0
  ? html`<p class="empty">No alerts.</p>`
  : html`<div class="table-wrap"><table class="alerts">
    <thead><tr><th scope="col">Severity</th><th scope="col">Category</th><th scope="col">What</th>
      ${hideDevice ? null : html`<th scope="col">Device</th>`}<th scope="col">Opened</th><th scope="col">Last seen</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
    <tbody>${alerts.map((alert) => html`<tr data-alert=${alert.id}>
      <td><${Severity} severity=${alert.severity} /></td>
      <td><${Category} category=${alert.category} /></td>
      <td class="what"><a href=${alertHref(me, alert)}>${alert.title}</a><div class="reason">${alert.summary}</div></td>
      ${hideDevice ? null : html`<td class="when">${alert.deviceId && holds(me, 'admin', 'network-manager', 'technician')
        ? html`<a href=${href(`/devices/${alert.deviceId}`)}>${alert.hostname ?? alert.deviceId}</a>` : (alert.hostname ?? '')}</td>`}
      <td class="when">${when(alert.openedAt)}</td>
      <td class="when">${when(alert.lastSeenAt)}${alert.occurrences > 1 ? html`<div class="reason">${alert.occurrences} times</div>` : null}</td>
      <td><${State} status=${alert.status} /></td>
      <td><${AlertActions} alert=${alert} onChanged=${onChanged} /></td>
    </tr>`)}</tbody></table></div>`);

export const AlertsPage = ({ me, route }) => {
  const status = route.params.get('status') ?? 'open,acknowledged';
  const category = route.params.get('category') ?? '';
  const severity = route.params.get('severity') ?? '';
  const pages = useCursorPages(`${status}|${category}|${severity}`);
  const alerts = useApi(`/api/v1/alerts${query({ status, category, severity, limit: 50, cursor: pages.cursor })}`);
  useLive(['alert'], () => alerts.reload(), 1500);
  const set = (name, value) => navigate('/alerts', { status, category, severity, [name]: value });
  const categories = (me.sees?.alertCategories ?? []).filter((c) => c !== 'misuse' || holds(me, 'dsl'));
  return html`
    <${PageHead} title="Alerts" />
    <form class="filters card" aria-label="Filter alerts" onSubmit=${(e) => e.preventDefault()}>
      <${Select} id="alert-status" label="State" value=${status} any=${null}
        options=${[['open,acknowledged', 'Open or acknowledged'], ...Object.entries(STATES), ['open,acknowledged,resolved', 'Any state']]} onChange=${(v) => set('status', v)} />
      <${Select} id="alert-category" label="Category" value=${category} any="Every category I see"
        options=${categories.map((c) => [c, CATEGORIES[c]])} onChange=${(v) => set('category', v)} />
      <${Select} id="alert-severity" label="Severity" value=${severity} options=${Object.entries(SEVERITIES)} onChange=${(v) => set('severity', v)} />
    </form>
    <section class="card"><${Loaded} state=${alerts}>${(data) => html`
      <${AlertTable} alerts=${data.alerts} me=${me} onChanged=${alerts.reload} />
      <${Pager} pages=${pages} loading=${alerts.stale} nextCursor=${data.nextCursor} shown=${data.alerts.length} />`}<//></section>`;
};

export const AlertPage = ({ me, route }) => {
  const id = route.parts[1];
  const state = useApi(`/api/v1/alerts/${encodeURIComponent(id)}`);
  useLive(['alert'], (events) => { if (events.some((event) => event.data.alert?.id === id)) state.reload(); });
  const alert = state.data?.alert;
  // A misuse alert is read in the safeguarding inbox, with its stick, files and timeline.
  useEffect(() => {
    if (alert?.category === 'misuse' && holds(me, 'dsl')) navigate(`/inbox/${alert.id}`, {}, { replace: true });
  }, [alert?.id]);
  return html`<${Loaded} state=${state}>${({ alert: a }) => html`
    <${PageHead} title=${a.title} />
    <section class="card">
      <p class="row"><${Severity} severity=${a.severity} /> <${Category} category=${a.category} /> <${State} status=${a.status} /></p>
      <p>${a.summary}</p>
      <dl class="facts">
        ${a.deviceId ? html`<dt>Device</dt><dd>${holds(me, 'admin', 'network-manager', 'technician') ? html`<a href=${href(`/devices/${a.deviceId}`)}>${a.hostname ?? a.deviceId}</a>` : a.hostname}</dd>` : null}
        <dt>Opened</dt><dd>${when(a.openedAt)}</dd>
        <dt>Last seen</dt><dd>${when(a.lastSeenAt)} (${a.occurrences} time${a.occurrences === 1 ? '' : 's'})</dd>
        ${a.acknowledgedAt ? html`<dt>Acknowledged</dt><dd>${when(a.acknowledgedAt)} by ${a.acknowledgedBy}</dd>` : null}
        ${a.resolvedAt ? html`<dt>Resolved</dt><dd>${when(a.resolvedAt)} by ${a.resolvedBy}</dd>` : null}
        ${a.clause ? html`<dt>The school's policy</dt><dd>${a.clause.text}</dd>` : null}
      </dl>
      <h2>Act on it</h2>
      <${AlertActions} alert=${a} onChanged=${state.reload} />
    </section>
    ${a.history?.length ? html`<section class="card"><h2>History</h2><ol class="timeline">${a.history.map((entry) => html`<li>
      <time datetime=${entry.at}>${when(entry.at)}</time><strong>${entry.action}</strong>${entry.by ? ` by ${entry.by}` : ''}
      ${entry.note ? html`<div>${entry.note}</div>` : null}</li>`)}</ol></section>` : null}`}<//>`;
};
