// The safeguarding lead's inbox: each misuse incident with the device, the user, the stick, every file
// copied, the school's clause and steps, the timeline, who acted and when, case notes, and exports to
// attach to the school's safeguarding record. Resolved incidents stay findable.
import { useEffect, useState } from 'preact/hooks';
import { call, download, query } from '../api.js';
import { AlertActions, ErrorNote, Loaded, PageHead, Pager, Select, Severity, State, useApi, useCursorPages } from '../components.js';
import { INCIDENT_KINDS, plural, SEVERITIES, when } from '../format.js';
import { html } from '../html.js';
import { useLive } from '../live.js';
import { href, navigate } from '../router.js';

const stickText = (stick) => (stick ? [stick.vendor, stick.model].filter(Boolean).join(' ') || 'Unnamed device' : '');

export const InboxPage = ({ route }) => {
  const state = route.params.get('state') ?? 'open,acknowledged';
  const q = route.params.get('q') ?? '';
  const severity = route.params.get('severity') ?? '';
  const pages = useCursorPages(`${state}|${q}|${severity}`);
  const incidents = useApi(`/api/v1/incidents${query({ state, q, severity, limit: 50, cursor: pages.cursor })}`);
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  useLive(['alert'], (events) => { if (events.some((event) => event.data.alert?.category === 'misuse')) incidents.reload(); }, 1500);
  const set = (name, value) => navigate('/inbox', { state, q, severity, [name]: value });
  return html`
    <${PageHead} title="Safeguarding inbox" />
    <form class="filters card" role="search" aria-label="Find incidents" onSubmit=${(e) => { e.preventDefault(); set('q', search.trim()); }}>
      <${Select} id="incident-state" label="Show" value=${state} any=${null}
        options=${[['open,acknowledged', 'Still to deal with'], ['open', 'New'], ['acknowledged', 'Acknowledged'], ['resolved', 'Resolved'], ['open,acknowledged,resolved', 'All']]}
        onChange=${(v) => set('state', v)} />
      <${Select} id="incident-severity" label="Severity" value=${severity} options=${Object.entries(SEVERITIES)} onChange=${(v) => set('severity', v)} />
      <div><label for="incident-search">Device, user, stick or file name</label>
        <span class="row"><input id="incident-search" type="search" maxlength="100" value=${search} onInput=${(e) => setSearch(e.currentTarget.value)} />
        <button type="submit">Search</button></span></div>
    </form>
    <section class="card"><${Loaded} state=${incidents}>${(data) => html`
      ${data.incidents.length === 0 ? html`<p class="empty">No incidents ${state === 'open,acknowledged' ? 'to deal with' : 'match'}.</p>` : html`
      <div class="table-wrap"><table id="incidents">
        <thead><tr><th scope="col">Severity</th><th scope="col">What happened</th><th scope="col">Device</th><th scope="col">User</th>
          <th scope="col">Stick</th><th scope="col" class="num">Files</th><th scope="col">Opened</th><th scope="col">State</th></tr></thead>
        <tbody>${data.incidents.map((incident) => html`<tr>
          <td><${Severity} severity=${incident.severity} /></td>
          <td><a href=${href(`/inbox/${incident.id}`)}>${INCIDENT_KINDS[incident.kind] ?? incident.title}</a>
            <div class="reason">${incident.title}</div></td>
          <td>${incident.hostname ?? ''}</td>
          <td>${incident.user ?? ''}</td>
          <td>${stickText(incident.stick)}${incident.stick?.label ? html`<div class="reason">Label ${incident.stick.label}</div>` : null}</td>
          <td class="num">${incident.fileCount ?? 0}</td>
          <td>${when(incident.openedAt)}</td>
          <td><${State} status=${incident.status} />${incident.notes ? html`<div class="reason">${plural(incident.notes, 'note')}</div>` : null}</td>
        </tr>`)}</tbody></table></div>`}
      <${Pager} pages=${pages} loading=${incidents.stale} nextCursor=${data.nextCursor} shown=${data.incidents.length} noun="incident" />`}<//></section>`;
};

const TIMELINE_WORDS = { plugged: 'Plugged in', file: 'File written', removed: 'Removed', safeguard: 'Safeguard switched off', bypass: 'Bypass tool', download: 'Download', wifi: 'Wi-Fi', other: 'Event' };
const fileName = (file) => file?.name ?? (file?.nameSha256 ? `(name hashed) ${file.nameSha256}` : '');

const CaseNotes = ({ incident, onAdded }) => {
  const [text, setText] = useState('');
  const [error, setError] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    try {
      await call(`/api/v1/incidents/${encodeURIComponent(incident.id)}/notes`, { method: 'POST', body: { text: text.trim() } });
      setText(''); setError(null); onAdded();
    } catch (failure) { setError(failure); }
  };
  return html`<section class="card" id="notes"><h2>Case notes</h2>
    ${incident.notes?.length ? html`<ol class="timeline">${incident.notes.map((note) => html`<li>
      <time datetime=${note.at}>${when(note.at)} · ${note.by}</time><div class="note-text">${note.text}</div></li>`)}</ol>`
      : html`<p class="empty">No notes yet.</p>`}
    <form class="stack" onSubmit=${submit}>
      <label for="case-note">Add a note</label>
      <textarea id="case-note" required maxlength="4000" value=${text} onInput=${(e) => setText(e.currentTarget.value)}></textarea>
      <div><button type="submit" class="primary">Add note</button></div>
      <${ErrorNote} error=${error} />
    </form></section>`;
};

const Exports = ({ incident }) => {
  const [state, setState] = useState({});
  const get = async (format) => {
    try { setState({ saved: await download(`/api/v1/incidents/${encodeURIComponent(incident.id)}/export?format=${format}`) }); } catch (error) { setState({ error }); }
  };
  return html`<div class="row">
    <button type="button" onClick=${() => get('pdf')}>Export PDF</button>
    <button type="button" onClick=${() => get('csv')}>Export CSV</button>
    ${state.saved ? html`<span class="ok" role="status">Saved ${state.saved}</span>` : null}
    <${ErrorNote} error=${state.error} /></div>`;
};

export const IncidentPage = ({ route }) => {
  const id = route.parts[1];
  const state = useApi(`/api/v1/incidents/${encodeURIComponent(id)}`);
  useLive(['alert'], (events) => { if (events.some((event) => event.data.alert?.id === id)) state.reload(); });
  return html`<${Loaded} state=${state}>${({ incident: i }) => html`
    <${PageHead} title=${i.title}><${Exports} incident=${i} /><//>
    <p class="row"><${Severity} severity=${i.severity} /> <${State} status=${i.status} /> <span class="badge misuse">${INCIDENT_KINDS[i.kind] ?? i.kind}</span>
      <a href=${href('/inbox')}>Back to the inbox</a></p>
    <div class="grid">
      <section class="card" id="incident-facts"><h2>What happened</h2><dl class="facts">
        ${i.what ? html`<dt>What</dt><dd>${i.what}</dd>` : null}
        <dt>Device</dt><dd>${i.hostname ?? 'unknown'}</dd>
        <dt>User</dt><dd>${i.user ?? 'not reported'}</dd>
        ${i.stick ? html`<dt>Stick</dt><dd>${stickText(i.stick)}</dd>
          <dt>Serial number</dt><dd>${i.stick.serial ?? 'not reported'}</dd>
          <dt>Label</dt><dd>${i.stick.label ?? 'none'}</dd>` : null}
        <dt>Opened</dt><dd>${when(i.openedAt)}</dd>
        <dt>Last activity</dt><dd>${when(i.lastSeenAt)}</dd>
        <dt>Acknowledged</dt><dd>${i.acknowledgedAt ? `${when(i.acknowledgedAt)} by ${i.acknowledgedBy}` : 'not yet'}</dd>
        <dt>Resolved</dt><dd>${i.resolvedAt ? `${when(i.resolvedAt)} by ${i.resolvedBy}` : 'not yet'}</dd>
      </dl>
      <h3>Act on it</h3><${AlertActions} alert=${i} onChanged=${state.reload} /></section>
      <section class="card" id="clause"><h2>The school's policy</h2>
        <p>${i.clause?.text ?? 'No clause recorded.'}</p>
        ${i.steps?.length ? html`<h3>Incident steps</h3><ol class="steps">${i.steps.map((step) => html`<li>${step}</li>`)}</ol>` : null}
      </section>
    </div>
    <div class="grid">
      <section class="card" id="incident-timeline"><h2>Timeline</h2>
        <ol class="timeline">${(i.timeline ?? []).map((entry) => html`<li class=${entry.kind}>
          <time datetime=${entry.at}>${when(entry.at)}</time>
          <strong>${TIMELINE_WORDS[entry.kind] ?? entry.kind}</strong>${entry.file ? html`: <span class="file-name">${fileName(entry.file)}</span>` : null}
          ${entry.text ? html`<div class="reason">${entry.text}</div>` : null}
          ${entry.user && !entry.text?.includes(entry.user) ? html`<div class="reason">User ${entry.user}</div>` : null}</li>`)}</ol></section>
      <section class="card" id="files"><h2>Files copied (${(i.files ?? []).length}${i.filesTruncated ? '+' : ''})</h2>
        ${i.files?.length ? html`<ul class="files">${i.files.map((file) => html`<li><span class="file-name">${fileName(file)}</span> <span class="reason">${when(file.at)}</span></li>`)}</ul>`
          : html`<p class="empty">No files were copied.</p>`}
        ${i.filesTruncated ? html`<p class="note small">Only the first files are listed here; the export holds them all.</p>` : null}
      </section>
    </div>
    <section class="card" id="history"><h2>Who did what</h2>
      <ol class="timeline">${(i.history ?? []).map((entry) => html`<li>
        <time datetime=${entry.at}>${when(entry.at)}</time><strong>${entry.action}</strong>${entry.by ? ` by ${entry.by}` : ''}
        ${entry.note ? html`<div>${entry.note}</div>` : null}</li>`)}</ol></section>
    <${CaseNotes} incident=${i} onAdded=${state.reload} />`}<//>`;
};
