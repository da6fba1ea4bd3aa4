// Where alerts go: each school's email relay, webhooks and syslog, each with "send a test" that says
// whether the other end accepted it.
import { useState } from 'preact/hooks';
import { call } from '../api.js';
import { ActionButton, ErrorNote, Field, Loaded, Select, useApi } from '../components.js';
import { ROLE_NAMES, when } from '../format.js';
import { html } from '../html.js';

const KINDS = [['email', 'Email (the school\'s SMTP relay)'], ['webhook', 'Webhook (chat or ticketing)'], ['syslog', 'Syslog']];
const WEBHOOK_FORMATS = [['json', 'JSON (ticketing, scripts)'], ['teams', 'Microsoft Teams card'], ['slack', 'Slack message']];
const URL_HINTS = { email: 'smtp://relay.school.sch.uk:587', webhook: 'https://chat.example/hooks/…', syslog: 'tcp+tls://siem.trust.org.uk:6514' };

export const ChannelsTab = () => {
  const channels = useApi('/api/v1/channels');
  const schools = useApi('/api/v1/schools');
  const [form, setForm] = useState({ schoolId: '', kind: 'email', url: '', from: '', audience: '', format: 'json' });
  const [state, setState] = useState({});
  const add = async (event) => {
    event.preventDefault();
    const { schoolId, kind, url, from, audience, format } = form;
    try {
      await call('/api/v1/channels', { method: 'POST', body: {
        schoolId, kind, url, ...(kind === 'email' ? { from } : {}), ...(kind === 'webhook' ? { format } : {}), ...(audience && kind !== 'email' ? { audience } : {}),
      } });
      setState({ added: true }); channels.reload();
    } catch (error) { setState({ error }); }
  };
  const schoolList = schools.data?.schools ?? [];
  return html`<section class="card"><h2>Alert channels</h2>
      <${Loaded} state=${channels}>${(data) => (data.channels.length === 0 ? html`<p class="empty">No channels yet: alerts wait in the dashboard only.</p>` : html`
        <div class="table-wrap"><table id="channels">
        <thead><tr><th scope="col">School</th><th scope="col">Channel</th><th scope="col">Who it reaches</th><th scope="col">Added</th><th scope="col"><span class="visually-hidden">Test</span></th></tr></thead>
        <tbody>${data.channels.map((channel) => html`<tr>
          <td>${schoolList.find((s) => s.id === channel.schoolId)?.name ?? channel.schoolId}</td>
          <th scope="row">${channel.description ?? channel.kind}${channel.disabledAt ? html` <span class="badge">Disabled</span>` : null}</th>
          <td>${channel.kind === 'email' ? 'each routed person' : (ROLE_NAMES[channel.audience] ?? channel.audience ?? '')}</td>
          <td>${when(channel.createdAt)}</td>
          <td><${ActionButton} label="Send a test" onAct=${async () => (await call(`/api/v1/channels/${encodeURIComponent(channel.id)}/test`, { method: 'POST' })).result}
            done=${(result) => result} /></td></tr>`)}</tbody></table></div>`)}<//></section>
    <section class="card"><h2>Add a channel</h2><form onSubmit=${add}>
      <div class="row">
        <${Select} id="channel-school" label="School" value=${form.schoolId} any="Choose…" options=${schoolList.map((s) => [s.id, s.name])} onChange=${(schoolId) => setForm({ ...form, schoolId })} />
        <${Select} id="channel-kind" label="Kind" value=${form.kind} any=${null} options=${KINDS} onChange=${(kind) => setForm({ ...form, kind })} />
      </div>
      <${Field} id="channel-url" label="Address" required value=${form.url} hint=${`For example ${URL_HINTS[form.kind]}`} onInput=${(url) => setForm({ ...form, url })} />
      ${form.kind === 'webhook' ? html`<${Select} id="channel-format" label="Message format" value=${form.format} any=${null}
        options=${WEBHOOK_FORMATS} onChange=${(format) => setForm({ ...form, format })} />` : null}
      ${form.kind === 'email' ? html`<${Field} id="channel-from" label="Sent from" type="email" required value=${form.from} onInput=${(from) => setForm({ ...form, from })} />`
        : html`<${Select} id="channel-audience" label="Who reads it" value=${form.audience} any="The usual for this kind"
            options=${['network-manager', 'technician', 'dsl'].map((role) => [role, ROLE_NAMES[role]])} onChange=${(audience) => setForm({ ...form, audience })} />`}
      <p><button type="submit" class="primary">Add channel</button></p>
      ${state.added ? html`<p class="ok" role="status">Added. Send it a test above.</p>` : null}
      <${ErrorNote} error=${state.error} />
    </form></section>`;
};
