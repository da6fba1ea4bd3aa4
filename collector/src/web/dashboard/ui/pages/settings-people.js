// People, their roles and the schools they cover: add, change, disable. Passwords are set on the
// collector's command line (`person password set`), never through a page.
import { useState } from 'preact/hooks';
import { call } from '../api.js';
import { ErrorNote, Field, Loaded, useApi } from '../components.js';
import { ROLE_NAMES } from '../format.js';
import { html } from '../html.js';

const EMPTY = { email: '', name: '', roles: [], schools: [], allSchools: false };

/** Roles and schools as checkboxes; "every school" for a trust-wide role. */
const RightsFields = ({ idPrefix, value, schools, onChange }) => {
  const toggle = (list, item) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  return html`
    <fieldset class="field"><legend>Roles</legend><div class="row">
      ${Object.entries(ROLE_NAMES).map(([role, label]) => html`<label class="row"><input type="checkbox" id=${`${idPrefix}-role-${role}`}
        checked=${value.roles.includes(role)} onChange=${() => onChange({ ...value, roles: toggle(value.roles, role) })} />${label}</label>`)}</div></fieldset>
    <fieldset class="field"><legend>Schools</legend><div class="row">
      <label class="row"><input type="checkbox" id=${`${idPrefix}-all`} checked=${value.allSchools}
        onChange=${() => onChange({ ...value, allSchools: !value.allSchools })} />Every school</label>
      ${value.allSchools ? null : schools.map((school) => html`<label class="row"><input type="checkbox" id=${`${idPrefix}-school-${school.id}`}
        checked=${value.schools.includes(school.id)} onChange=${() => onChange({ ...value, schools: toggle(value.schools, school.id) })} />${school.name}</label>`)}
    </div></fieldset>`;
};

const rightsBody = (value) => ({ roles: value.roles, schools: value.allSchools ? 'all' : value.schools });

const PersonRow = ({ person, schools, onChanged }) => {
  const [editing, setEditing] = useState(null);
  const [error, setError] = useState(null);
  const patch = async (body) => {
    try { await call(`/api/v1/people/${encodeURIComponent(person.id)}`, { method: 'PATCH', body }); setEditing(null); setError(null); onChanged(); } catch (failure) { setError(failure); }
  };
  const schoolText = person.schools === 'all' ? 'every school' : person.schools.map((id) => schools.find((s) => s.id === id)?.name ?? id).join(', ');
  return html`<tr>
    <th scope="row">${person.name}<div class="reason">${person.email}</div></th>
    <td>${person.roles.map((role) => ROLE_NAMES[role] ?? role).join(', ')}</td>
    <td>${schoolText}</td>
    <td>${person.disabledAt ? html`<span class="badge">Disabled</span>` : html`<span class="badge pass">Active</span>`}</td>
    <td>${editing
      ? html`<form onSubmit=${(e) => { e.preventDefault(); patch(rightsBody(editing)); }}>
          <${RightsFields} idPrefix=${`edit-${person.id}`} value=${editing} schools=${schools} onChange=${setEditing} />
          <div class="row"><button type="submit" class="primary">Save</button><button type="button" onClick=${() => setEditing(null)}>Cancel</button></div></form>`
      : html`<div class="row">
          <button type="button" onClick=${() => setEditing({ roles: person.roles, schools: person.schools === 'all' ? [] : person.schools, allSchools: person.schools === 'all' })}>
            Change roles<span class="visually-hidden"> of ${person.name}</span></button>
          <button type="button" class=${person.disabledAt ? '' : 'danger'} onClick=${() => patch({ disabled: !person.disabledAt })}>
            ${person.disabledAt ? 'Enable' : 'Disable'}<span class="visually-hidden"> ${person.name}</span></button></div>`}
      <${ErrorNote} error=${error} /></td>
  </tr>`;
};

export const PeopleTab = () => {
  const people = useApi('/api/v1/people');
  const schools = useApi('/api/v1/schools');
  const [form, setForm] = useState(EMPTY);
  const [state, setState] = useState({});
  const add = async (event) => {
    event.preventDefault();
    try {
      const { person } = await call('/api/v1/people', { method: 'POST', body: { email: form.email, name: form.name, ...rightsBody(form) } });
      setState({ added: `Added ${person.name}. They sign in with their school account, or set a password with invigilator-collector person password set.` });
      setForm(EMPTY); people.reload();
    } catch (error) { setState({ error }); }
  };
  const schoolList = schools.data?.schools ?? [];
  return html`<section class="card"><h2>People</h2>
      <${Loaded} state=${people}>${(data) => html`<div class="table-wrap"><table id="people">
        <thead><tr><th scope="col">Person</th><th scope="col">Roles</th><th scope="col">Schools</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${data.people.map((person) => html`<${PersonRow} key=${person.id} person=${person} schools=${schoolList} onChanged=${people.reload} />`)}</tbody>
      </table></div>`}<//></section>
    <section class="card"><h2>Add a person</h2>
      <form onSubmit=${add}>
        <${Field} id="person-email" label="Email address" type="email" required value=${form.email} onInput=${(email) => setForm({ ...form, email })} />
        <${Field} id="person-name" label="Name" required value=${form.name} onInput=${(name) => setForm({ ...form, name })} />
        <${RightsFields} idPrefix="new" value=${form} schools=${schoolList} onChange=${setForm} />
        <button type="submit" class="primary">Add person</button>
        ${state.added ? html`<p class="ok" role="status">${state.added}</p>` : null}
        <${ErrorNote} error=${state.error} />
      </form></section>`;
};
