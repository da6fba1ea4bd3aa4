// One device: each check's verdict with the facts and the school's clause behind it, the history of
// verdict changes, its alerts, what waits in its outbox, and how to take a diagnostic bundle from it.
import { useEffect, useState } from 'preact/hooks';
import { call, query } from '../api.js';
import { ActionButton, ErrorNote, Loaded, PageHead, Select, useApi, useSchoolNames, Verdict } from '../components.js';
import { ago, CHECKS, checkName, PLATFORMS, when } from '../format.js';
import { html } from '../html.js';
import { useLive } from '../live.js';
import { AlertTable } from './alerts.js';

const CheckRow = ({ check, verdict }) => html`<tr>
  <th scope="row">${checkName(check)}</th>
  <td><${Verdict} status=${verdict?.status} /></td>
  <td>${verdict?.reason ?? 'No verdict yet: the agent has not reported this check.'}
    ${verdict?.since ? html`<div class="reason">Since ${when(verdict.since)}</div>` : null}</td>
  <td class="reason">${verdict?.clause?.text ?? ''}</td>
  <td>${verdict?.facts
    ? html`<details><summary>Facts</summary><p class="reason">Observed ${when(verdict.facts.observedAt)}</p><pre>${JSON.stringify(verdict.facts.observation, null, 2)}</pre></details>`
    : html`<span class="reason">none stored</span>`}</td>
</tr>`;

/** Verdict changes, newest first, a page at a time ("Show older" appends). */
const Timeline = ({ deviceId }) => {
  const [check, setCheck] = useState('');
  const [state, setState] = useState({ changes: [], nextCursor: null, loading: true });
  const load = async (cursor, append) => {
    try {
      const page = await call(`/api/v1/devices/${encodeURIComponent(deviceId)}/timeline${query({ check, limit: 50, cursor })}`);
      setState((previous) => ({ changes: append ? [...previous.changes, ...page.changes] : page.changes, nextCursor: page.nextCursor, loading: false }));
    } catch (error) {
      setState((previous) => ({ ...previous, error, loading: false }));
    }
  };
  useEffect(() => { load(null, false); }, [deviceId, check]);
  useLive(['verdict'], (events) => { if (events.some((event) => event.data.deviceId === deviceId)) load(null, false); });
  return html`<section class="card" id="timeline">
    <div class="page-head"><h2>Verdict changes</h2><div class="actions">
      <${Select} id="timeline-check" label="Check" value=${check} any="All checks" options=${CHECKS.map((c) => [c, checkName(c)])} onChange=${setCheck} /></div></div>
    <${ErrorNote} error=${state.error} />
    ${state.changes.length === 0 && !state.loading && !state.error ? html`<p class="empty">No verdict changes recorded.</p>` : null}
    <ol class="timeline">${state.changes.map((change) => html`<li class=${change.to}>
      <time datetime=${change.at}>${when(change.at)}</time>
      <strong>${checkName(change.check)}</strong>: ${change.from ? html`<${Verdict} status=${change.from} /> → ` : 'first verdict '}<${Verdict} status=${change.to} />
      ${change.reason ? html`<div class="reason">${change.reason}</div>` : null}
    </li>`)}</ol>
    ${state.nextCursor ? html`<button type="button" onClick=${() => load(state.nextCursor, true)}>Show older changes</button>` : null}
  </section>`;
};

const Diagnostics = ({ diagnostics }) => (diagnostics ? html`<section class="card" id="diagnostics">
  <h2>Download a diagnostic bundle</h2>
  <p>When a device reports oddly, its agent can save what every check ran and saw, to judge again here.</p>
  <ol class="steps">${diagnostics.steps.map((step) => html`<li>${step}</li>`)}</ol>
  <p>On the device:</p><pre>${diagnostics.command}</pre>
  ${diagnostics.replay ? html`<p>Judge the bundle again on any machine:</p><pre>${diagnostics.replay}</pre>` : null}
  ${diagnostics.doc ? html`<p class="note small">More in ${diagnostics.doc}.</p>` : null}
</section>` : null);

export const DevicePage = ({ me, route }) => {
  const id = route.parts[1];
  const device = useApi(`/api/v1/devices/${encodeURIComponent(id)}`);
  const schoolNames = useSchoolNames();
  const alerts = useApi(`/api/v1/alerts${query({ device: id, limit: 100 })}`);
  useLive(['verdict', 'alert'], (events) => {
    if (events.some((event) => (event.data.deviceId ?? event.data.alert?.deviceId) === id)) { device.reload(); alerts.reload(); }
  });
  return html`<${Loaded} state=${device}>${({ device: d, diagnostics }) => html`
    <${PageHead} title=${d.hostname}>
      ${me.roles.includes('admin') && !d.revokedAt ? html`<${ActionButton} label="Revoke this device" className="danger"
        confirm=${`Revoke ${d.hostname}? Its agent is disconnected and can no longer send anything until enrolled again.`}
        onAct=${async () => { await call(`/api/v1/devices/${encodeURIComponent(d.id)}/revoke`, { method: 'POST' }); device.reload(); return true; }}
        done=${() => 'Revoked.'} />` : null}
    <//>
    <div class="grid">
      <section class="card"><h2>Device</h2><dl class="facts">
        <dt>School</dt><dd>${schoolNames.get(d.schoolId) ?? d.schoolId}</dd>
        <dt>Operating system</dt><dd>${d.facts?.osName ?? PLATFORMS[d.platform] ?? d.platform} ${d.facts?.osVersion ?? ''}</dd>
        <dt>Agent</dt><dd>${d.facts?.agentVersion ?? d.agentVersion ?? 'unknown'}</dd>
        ${d.facts?.hardwareSerial ? html`<dt>Serial number</dt><dd>${d.facts.hardwareSerial}</dd>` : null}
        <dt>Enrolled</dt><dd>${when(d.enrolledAt)}</dd>
        <dt>Last seen</dt><dd>${when(d.lastSeenAt)} (${ago(d.lastSeenAt)})${d.silent ? html` <span class="badge unknown">Silent</span>` : null}</dd>
        ${d.revokedAt ? html`<dt>Revoked</dt><dd><span class="badge fail">Revoked ${when(d.revokedAt)}</span></dd>` : null}
        ${d.suspectDuplicate ? html`<dt>Unconfirmed</dt><dd>${d.suspectDuplicate.reason}, already enrolled</dd>` : null}
      </dl></section>
      <section class="card" id="outbox"><h2>Outbox backlog</h2>
        ${d.outbox
          ? html`<p><span class="stat-inline"><strong>${d.outbox.depth.toLocaleString('en-GB')}</strong> event${d.outbox.depth === 1 ? '' : 's'}</span> waiting on the device to be sent (reported ${when(d.outbox.reportedAt)}).</p>
            <p class="note small">${d.outbox.depth === 0 ? 'Nothing waiting: everything the device saw has reached the collector.' : 'The device keeps these until the collector confirms them; they drain when it reconnects.'}</p>`
          : html`<p class="note">Not reported yet: the device sends its backlog with its next heartbeat.</p>`}
      </section>
    </div>
    <section class="card"><h2>Checks</h2><div class="table-wrap"><table id="checks">
      <thead><tr><th scope="col">Check</th><th scope="col">Verdict</th><th scope="col">Why</th><th scope="col">The school's policy</th><th scope="col">Facts</th></tr></thead>
      <tbody>${CHECKS.map((check) => html`<${CheckRow} check=${check} verdict=${d.checks?.[check]} />`)}</tbody>
    </table></div></section>
    <${Timeline} deviceId=${d.id} />
    <section class="card" id="device-alerts"><h2>Alerts</h2>
      <${Loaded} state=${alerts}>${(data) => html`<${AlertTable} alerts=${data.alerts} me=${me} onChanged=${alerts.reload} hideDevice />`}<//>
    </section>
    <${Diagnostics} diagnostics=${diagnostics} />`}<//>`;
};
