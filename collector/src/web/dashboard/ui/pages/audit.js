// The audit log: who saw or changed what, when, with which session or token; filterable and paged.
import { useEffect, useState } from 'preact/hooks';
import { query } from '../api.js';
import { Loaded, PageHead, Pager, Select, useApi, useCursorPages } from '../components.js';
import { ROLE_NAMES, when } from '../format.js';
import { html } from '../html.js';
import { navigate } from '../router.js';

const FILTERS = ['person', 'action', 'school', 'since', 'until'];
const ACTIONS = ['view misuse incident', 'view misuse alerts', 'view misuse alert', 'acknowledge misuse alert', 'resolve misuse alert', 'add case note',
  'export misuse incident', 'view misuse events', 'revoke device', 'revoke token', 'rotate enrolment secret', 'view firewall-review', 'view evidence-pack'];

/** A date field's day as the start (since) or end (until) of that day, in the browser's time. */
const dayBound = (date, end) => (date ? new Date(`${date}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString() : undefined);

export const AuditPage = ({ route }) => {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, route.params.get(name) ?? '']));
  const pages = useCursorPages(JSON.stringify(filters));
  const entries = useApi(`/api/v1/audit${query({
    person: filters.person, action: filters.action, school: filters.school,
    since: dayBound(filters.since, false), until: dayBound(filters.until, true), limit: 50, cursor: pages.cursor,
  })}`);
  const schools = useApi('/api/v1/schools');
  const [person, setPerson] = useState(filters.person);
  useEffect(() => setPerson(filters.person), [filters.person]);
  const set = (name, value) => navigate('/audit', { ...filters, [name]: value });
  return html`
    <${PageHead} title="Audit log" />
    <form class="filters card" role="search" aria-label="Filter the audit log" onSubmit=${(e) => { e.preventDefault(); set('person', person.trim()); }}>
      <div><label for="audit-person">Person (email)</label>
        <span class="row"><input id="audit-person" type="search" value=${person} onInput=${(e) => setPerson(e.currentTarget.value)} /><button type="submit">Filter</button></span></div>
      <${Select} id="audit-action" label="Action" value=${filters.action} options=${ACTIONS.map((action) => [action, action])} onChange=${(v) => set('action', v)} />
      <${Select} id="audit-school" label="School" value=${filters.school} any="All schools" options=${(schools.data?.schools ?? []).map((s) => [s.id, s.name])} onChange=${(v) => set('school', v)} />
      <div><label for="audit-since">From</label><input id="audit-since" type="date" value=${filters.since} onChange=${(e) => set('since', e.currentTarget.value)} /></div>
      <div><label for="audit-until">To</label><input id="audit-until" type="date" value=${filters.until} onChange=${(e) => set('until', e.currentTarget.value)} /></div>
    </form>
    <section class="card"><${Loaded} state=${entries}>${(data) => html`
      ${data.entries.length === 0 ? html`<p class="empty">No entries match.</p>` : html`<div class="table-wrap"><table id="audit">
        <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">What</th><th scope="col">School</th><th scope="col">Through</th></tr></thead>
        <tbody>${data.entries.map((entry) => html`<tr>
          <td class="when">${when(entry.at)}</td>
          <td>${entry.label}${entry.personEmail ? html`<div class="reason">${entry.personEmail}</div>` : null}
            <div class="reason">${(entry.roles ?? []).map((role) => ROLE_NAMES[role] ?? role).join(', ')}</div></td>
          <td>${entry.action}</td><td class="reason">${entry.target}</td><td>${entry.schoolId ?? 'trust'}</td>
          <td class="reason">${entry.sessionId ? 'signed-in session' : entry.tokenId ? `token ${entry.tokenId}` : ''}</td></tr>`)}</tbody></table></div>`}
      <${Pager} pages=${pages} loading=${entries.stale} nextCursor=${data.nextCursor} shown=${data.entries.length} noun="entry" nouns="entries" />`}<//></section>`;
};
