// The termly reports a governor files: the firewall review and the evidence pack, for a school and a
// term, read on the page and downloaded as PDF (to file) or CSV (to check the figures).
import { useEffect, useState } from 'preact/hooks';
import { download, query } from '../api.js';
import { ErrorNote, Loaded, PageHead, Select, useApi } from '../components.js';
import { day, percent } from '../format.js';
import { html } from '../html.js';

const Downloads = ({ kind, school, term }) => {
  const [state, setState] = useState({});
  const get = async (format) => {
    try { setState({ saved: await download(`/api/v1/reports/${kind}${query({ school, term, format })}`) }); } catch (error) { setState({ error }); }
  };
  return html`<div class="row">
    <button type="button" class="primary" onClick=${() => get('pdf')}>Download PDF</button>
    <button type="button" onClick=${() => get('csv')}>Download CSV</button>
    ${state.saved ? html`<span class="ok" role="status">Saved ${state.saved}</span>` : null}
    <${ErrorNote} error=${state.error} /></div>`;
};

const termText = (window) => (window ? `${window.term.name}, ${day(window.term.start)} to ${day(window.term.end)}${window.running ? ' (so far)' : ''}` : '');

const FirewallSummary = ({ report }) => {
  const h = report.headline;
  return html`<dl class="facts">
    <dt>Term</dt><dd>${termText(report.context?.current)}</dd>
    <dt>Firewall on, in school time</dt><dd><strong>${percent(h.onShare)}</strong>${report.previousHeadline ? ` (last term ${percent(report.previousHeadline.onShare)})` : ''}</dd>
    <dt>Devices covered</dt><dd>${h.devicesCovered} (${h.devicesReporting} reporting, ${h.neverReported} never reported)</dd>
    <dt>Devices with the firewall ever off</dt><dd>${h.everOff}</dd>
    <dt>Inbound exceptions</dt><dd>${report.exceptions.length} (${report.exceptions.filter((row) => !row.reason).length} without a recorded reason)</dd>
  </dl>`;
};

const STATUS_CLASS = { met: 'pass', attention: 'fail', 'no data': 'unknown', 'not required': '' };

/** A control's figure: a share, or for removable media a count of times a stick was attached. */
const figure = (control, figures) => {
  if (!figures || figures.headline === null || figures.headline === undefined) return '–';
  return control.info.check === 'removable-media' ? figures.headline.toLocaleString('en-GB') : percent(figures.headline);
};

const EvidenceSummary = ({ report }) => html`<div class="table-wrap"><table>
  <thead><tr><th scope="col">Control</th><th scope="col">Status</th><th scope="col" class="num">This term</th><th scope="col" class="num">Last term</th></tr></thead>
  <tbody>${report.controls.map((control) => html`<tr>
    <th scope="row">${control.info.title}<div class="reason">${control.info.measure}</div></th>
    <td><span class=${`badge ${STATUS_CLASS[control.status] ?? ''}`}>${control.status}</span></td>
    <td class="num">${figure(control, control.current)}</td>
    <td class="num">${figure(control, control.previous)}</td></tr>`)}</tbody></table></div>`;

const Report = ({ kind, title, school, term, Summary }) => {
  const report = useApi(school ? `/api/v1/reports/${kind}${query({ school, term })}` : null);
  return html`<section class="card" id=${`report-${kind}`}>
    <div class="page-head"><h2>${title}</h2><div class="actions"><${Downloads} kind=${kind} school=${school} term=${term} /></div></div>
    <${Loaded} state=${report}>${(data) => html`<${Summary} report=${data} />`}<//>
  </section>`;
};

export const ReportsPage = () => {
  const schools = useApi('/api/v1/schools');
  const [school, setSchool] = useState('');
  const [term, setTerm] = useState('current');
  useEffect(() => { if (!school && schools.data?.schools.length) setSchool(schools.data.schools[0].id); }, [schools.data]);
  const terms = useApi(school ? `/api/v1/terms?school=${encodeURIComponent(school)}` : null);
  return html`
    <${PageHead} title="Termly reports" />
    <p class="note">Each report covers one school's term: what the policy asks, what the devices did in school time, and what changed since last term.</p>
    <form class="filters card" onSubmit=${(e) => e.preventDefault()}>
      <${Select} id="report-school" label="School" value=${school} any=${null} options=${(schools.data?.schools ?? []).map((s) => [s.id, s.name])} onChange=${setSchool} />
      <${Select} id="report-term" label="Term" value=${term} any=${null}
        options=${[['current', 'The current or latest term'], ...(terms.data?.terms ?? []).map((t) => [t.name, `${t.name} (${day(t.start)} to ${day(t.end)})`])]} onChange=${setTerm} />
    </form>
    <${ErrorNote} error=${schools.error} />
    ${school ? html`
      <${Report} kind="firewall-review" title="Firewall review" school=${school} term=${term} Summary=${FirewallSummary} />
      <${Report} kind="evidence-pack" title="Evidence pack" school=${school} term=${term} Summary=${EvidenceSummary} />` : null}`;
};
