// Term dates (what "this term" means in reports and schedules) and each school's policy pack: its
// current pack to read or save, and a new pack to upload; a rejected pack says which field is wrong.
import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../api.js';
import { ErrorNote, Field, Loaded, Select, useApi } from '../components.js';
import { day } from '../format.js';
import { html } from '../html.js';

const useSchoolChoice = () => {
  const schools = useApi('/api/v1/schools');
  const [school, setSchool] = useState('');
  useEffect(() => { if (!school && schools.data?.schools.length) setSchool(schools.data.schools[0].id); }, [schools.data]);
  const picker = html`<${Select} id="settings-school" label="School" value=${school} any=${null}
    options=${(schools.data?.schools ?? []).map((s) => [s.id, s.name])} onChange=${setSchool} />`;
  return { school, picker };
};

export const TermsTab = () => {
  const { school, picker } = useSchoolChoice();
  const terms = useApi(school ? `/api/v1/terms?school=${encodeURIComponent(school)}` : null);
  const [form, setForm] = useState({ name: '', start: '', end: '', holidays: '' });
  const [state, setState] = useState({});
  const save = async (event) => {
    event.preventDefault();
    const holidays = form.holidays.split(/[\s,]+/).filter(Boolean);
    try {
      await call('/api/v1/terms', { method: 'PUT', body: { school, name: form.name, start: form.start, end: form.end, holidays } });
      setState({ saved: `Saved ${form.name}.` }); terms.reload();
    } catch (error) { setState({ error }); }
  };
  return html`<section class="card"><h2>Term dates</h2><form class="filters" onSubmit=${(e) => e.preventDefault()}>${picker}</form>
      <${Loaded} state=${terms}>${(data) => html`<div class="table-wrap"><table id="terms">
        <thead><tr><th scope="col">Term</th><th scope="col">Starts</th><th scope="col">Ends</th><th scope="col">Days without school</th><th scope="col">Set by</th></tr></thead>
        <tbody>${data.terms.map((term) => html`<tr><th scope="row">${term.name}</th><td>${day(term.start)}</td><td>${day(term.end)}</td>
          <td>${term.holidays.map((h) => (h.from === h.to ? day(h.from) : `${day(h.from)} to ${day(h.to)}`)).join('; ') || 'none'}</td>
          <td>${term.source === 'assumed' ? 'assumed (no dates set)' : term.source}</td></tr>`)}</tbody></table></div>`}<//></section>
    <section class="card"><h2>Set a term</h2><p class="note">A term of the same name is replaced.</p>
      <form onSubmit=${save}>
        <${Field} id="term-name" label="Name" required value=${form.name} hint="For example Autumn 2026" onInput=${(name) => setForm({ ...form, name })} />
        <div class="row"><${Field} id="term-start" label="First day" type="date" required value=${form.start} onInput=${(start) => setForm({ ...form, start })} />
          <${Field} id="term-end" label="Last day" type="date" required value=${form.end} onInput=${(end) => setForm({ ...form, end })} /></div>
        <${Field} id="term-holidays" label="Days without school (optional)" value=${form.holidays} hint="Dates or ranges, comma-separated: 2026-10-26..2026-10-30, 2026-11-20"
          onInput=${(holidays) => setForm({ ...form, holidays })} />
        <button type="submit" class="primary">Save term</button>
        ${state.saved ? html`<p class="ok" role="status">${state.saved}</p>` : null}<${ErrorNote} error=${state.error} />
      </form></section>`;
};

/**
 * Where a field sits in the pack's text: each name of its dotted path found in turn after the one before
 * ("checks.antivirus.maxSignatureAgeHours"), so the cursor can be put on it. -1 when it cannot be found.
 */
export const fieldOffset = (text, field) => {
  let at = 0;
  let found = -1;
  for (const name of field.split(/[.[\]]+/).filter((part) => part && !/^\d+$/.test(part))) {
    found = text.indexOf(`"${name}"`, at);
    if (found < 0) return -1;
    at = found + name.length + 2;
  }
  return found;
};

export const PolicyTab = () => {
  const { school, picker } = useSchoolChoice();
  const policy = useApi(school ? `/api/v1/schools/${encodeURIComponent(school)}/policy` : null);
  const [text, setText] = useState('');
  const [state, setState] = useState({});
  const editor = useRef(null);
  useEffect(() => { if (policy.data) setText(JSON.stringify(policy.data.pack, null, 2)); }, [policy.data]);
  /** Puts the cursor on the first field the collector refused, in the text itself. */
  const pointAt = (field) => {
    const offset = fieldOffset(text, field);
    if (offset < 0 || !editor.current) return;
    const box = editor.current;
    box.focus();
    box.setSelectionRange(offset, text.indexOf('"', offset + 1) + 1);
    // Browsers do not always scroll a text box to its selection: bring the field's line near the top.
    const line = text.slice(0, offset).split('\n').length - 1;
    box.scrollTop = Math.max(0, (line - 3) * (parseFloat(getComputedStyle(box).lineHeight) || 20));
  };
  const readFile = async (event) => {
    const file = event.currentTarget.files?.[0];
    if (file) setText(await file.text());
  };
  const upload = async (event) => {
    event.preventDefault();
    let pack;
    try { pack = JSON.parse(text); } catch (error) {
      setState({ error: { message: `The pack is not valid JSON: ${error.message}` } });
      return;
    }
    try {
      const answer = await call(`/api/v1/schools/${encodeURIComponent(school)}/policy`, { method: 'PUT', body: pack });
      setState({ saved: `Saved. ${answer.rejudged ? `Judged ${answer.rejudged.devices} devices again; ${answer.rejudged.changed} changed verdict.` : ''}` });
      policy.reload();
    } catch (error) {
      setState({ error });
      const first = error.fields?.find((entry) => entry.field);
      if (first) pointAt(first.field);
    }
  };
  const fields = state.error?.fields ?? [];
  return html`<section class="card"><h2>Policy pack</h2>
    <p class="note">A school's thresholds, routing and the words of its policy. Saving one judges every device of the school again.</p>
    <form class="filters" onSubmit=${(e) => e.preventDefault()}>${picker}</form>
    <${Loaded} state=${policy}>${(data) => html`<p>${data.default ? 'This school follows the default pack.' : 'This school has its own pack.'}</p>`}<//>
    <form onSubmit=${upload} aria-describedby="pack-error">
      <div class="field"><label for="pack-file">Upload a pack (JSON)</label><input id="pack-file" type="file" accept=".json,application/json" onChange=${readFile} /></div>
      <div class="field"><label for="pack-text">The pack</label>
        <textarea id="pack-text" ref=${editor} class=${fields.length ? 'field-error' : ''} aria-invalid=${fields.length ? 'true' : undefined} rows="18" spellcheck="false"
          value=${text} onInput=${(e) => setText(e.currentTarget.value)}></textarea></div>
      <button type="submit" class="primary">Check and save</button>
      <div id="pack-error">
        ${state.error ? html`<div class="error" role="alert"><p>${state.error.message}</p>
          ${fields.length ? html`<ul class="pack-errors">${fields.map((entry) => html`<li>
            ${entry.field ? html`<button type="button" class="link" onClick=${() => pointAt(entry.field)}><code class="pack-error-field">${entry.field}</code></button>` : 'The pack as a whole'}: ${entry.problem}</li>`)}</ul>` : null}
          </div>` : null}
        ${state.saved ? html`<p class="ok" role="status">${state.saved}</p>` : null}
      </div>
    </form></section>`;
};
