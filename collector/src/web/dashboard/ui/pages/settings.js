// The administrator's settings, one tab each: schools and their enrolment secrets, people and roles,
// alert channels, term dates, policy packs, and API tokens.
import { useState } from 'preact/hooks';
import { call } from '../api.js';
import { ActionButton, ErrorNote, Field, Loaded, OnceSecret, PageHead, useApi } from '../components.js';
import { ROLE_NAMES, when } from '../format.js';
import { html } from '../html.js';
import { href } from '../router.js';
import { ChannelsTab } from './settings-channels.js';
import { PeopleTab } from './settings-people.js';
import { PolicyTab, TermsTab } from './settings-policy.js';

const SchoolsTab = ({ me }) => {
  const schools = useApi('/api/v1/schools');
  const [secret, setSecret] = useState(null);
  const [form, setForm] = useState({ id: '', name: '' });
  const [error, setError] = useState(null);
  const add = async (event) => {
    event.preventDefault();
    try {
      const answer = await call('/api/v1/schools', { method: 'POST', body: form });
      setSecret({ value: answer.enrolmentSecret, what: `The enrolment secret of ${answer.school.name}.` });
      setForm({ id: '', name: '' }); setError(null); schools.reload();
    } catch (failure) { setError(failure); }
  };
  return html`
    <${OnceSecret} secret=${secret?.value} what=${secret?.what} />
    <section class="card"><h2>Schools</h2>
      <p class="note">Agents enrol with their school's secret. Rotating it stops the old one at once; enrolled devices keep working.</p>
      <${Loaded} state=${schools}>${(data) => html`<div class="table-wrap"><table id="schools">
        <thead><tr><th scope="col">School</th><th scope="col">Id</th><th scope="col">Enrolment secret</th></tr></thead>
        <tbody>${data.schools.map((school) => html`<tr><th scope="row">${school.name}</th><td><code>${school.id}</code></td>
          <td><${ActionButton} label=${`Rotate the secret of ${school.name}`} confirm=${`Rotate the enrolment secret of ${school.name}? The old secret stops working at once.`}
            onAct=${async () => {
              const answer = await call(`/api/v1/schools/${encodeURIComponent(school.id)}/enrolment-secret/rotate`, { method: 'POST' });
              setSecret({ value: answer.enrolmentSecret, what: `The new enrolment secret of ${school.name}.` });
              return true;
            }} /></td></tr>`)}</tbody></table></div>`}<//>
    </section>
    ${me.schools === 'all' ? html`<section class="card"><h2>Add a school</h2>
      <form onSubmit=${add}>
        <${Field} id="school-id" label="Id (short, for commands and links)" value=${form.id} required pattern="[a-z0-9-]+" hint="Lower-case letters, digits and dashes, e.g. north-primary."
          onInput=${(id) => setForm({ ...form, id })} />
        <${Field} id="school-name" label="Name" value=${form.name} required onInput=${(name) => setForm({ ...form, name })} />
        <button type="submit" class="primary">Add school</button> <${ErrorNote} error=${error} />
      </form></section>` : null}`;
};

const TokensTab = () => {
  const tokens = useApi('/api/v1/tokens');
  return html`<section class="card"><h2>API tokens</h2>
    <p class="note">Tokens let scripts and services call the API. Revoking one stops it at once. Create them with <code>invigilator-collector token create</code>.</p>
    <${Loaded} state=${tokens}>${(data) => html`<div class="table-wrap"><table id="tokens">
      <thead><tr><th scope="col">Label</th><th scope="col">Whose</th><th scope="col">Roles</th><th scope="col">Schools</th><th scope="col">Created</th><th scope="col">State</th></tr></thead>
      <tbody>${data.tokens.map((token) => html`<tr>
        <th scope="row">${token.label}</th><td>${token.service ? 'a service' : token.person}</td>
        <td>${token.roles.map((role) => ROLE_NAMES[role] ?? role).join(', ')}</td><td>${token.schools === 'all' ? 'all' : token.schools.join(', ')}</td>
        <td>${when(token.createdAt)}</td>
        <td>${token.revokedAt ? html`<span class="badge">Revoked ${when(token.revokedAt)}</span>`
          : html`<${ActionButton} label=${`Revoke ${token.label}`} className="danger" confirm=${`Revoke the token "${token.label}"? Whatever uses it stops working.`}
            onAct=${async () => { await call(`/api/v1/tokens/${encodeURIComponent(token.id)}/revoke`, { method: 'POST' }); tokens.reload(); return true; }} />`}</td>
      </tr>`)}</tbody></table></div>`}<//>
    <p class="note small">To revoke a lost device, open it from <a href=${href('/devices')}>Devices</a> and choose "Revoke this device".</p>
  </section>`;
};

const TABS = [
  ['schools', 'Schools', SchoolsTab], ['people', 'People and roles', PeopleTab], ['channels', 'Alert channels', ChannelsTab],
  ['terms', 'Term dates', TermsTab], ['policy', 'Policy packs', PolicyTab], ['tokens', 'Tokens', TokensTab],
];

export const SettingsPage = ({ me, route }) => {
  const tab = route.params.get('tab') ?? 'schools';
  const [, title, Tab] = TABS.find(([name]) => name === tab) ?? TABS[0];
  return html`
    <${PageHead} title=${`Settings: ${title}`} />
    <nav class="tabs" aria-label="Settings">${TABS.map(([name, label]) => html`
      <a href=${href('/settings', { tab: name })} aria-current=${name === tab ? 'page' : undefined}>${label}</a>`)}</nav>
    <${Tab} me=${me} />`;
};
