// Small pieces every page uses: loading data, badges, paging, errors, buttons that confirm.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { call } from './api.js';
import { html } from './html.js';
import { CATEGORIES, SEVERITIES, STATES, VERDICTS } from './format.js';

/** GETs `path` (none while it is null); keeps the last answer on screen while a reload runs. */
export const useApi = (path) => {
  const [state, setState] = useState({ loading: Boolean(path) });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!path) return undefined;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    call(path).then((data) => { if (current) setState({ data, loading: false, shownPath: path }); },
      (error) => { if (current) setState({ error, loading: false }); });
    return () => { current = false; };
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // `stale`: what is shown was asked for at another address (another page or filter) than the one now wanted,
  // from the very render that changed the address (before the request has even started); a refresh of the
  // same address is not stale.
  return { ...state, stale: state.shownPath !== undefined && state.shownPath !== path, reload };
};

let schoolsOnce = null;
/** The schools the person covers, id → name, asked once per page load (they change rarely). */
export const useSchoolNames = () => {
  const [names, setNames] = useState(new Map());
  useEffect(() => {
    schoolsOnce ??= call('/api/v1/schools').then((data) => new Map(data.schools.map((school) => [school.id, school.name])), () => new Map());
    schoolsOnce.then(setNames);
  }, []);
  return names;
};

let firstPage = true;
/**
 * Sets the document's title and, when the person moves to another page, keyboard focus to its heading (as a
 * page load would start them at the top). The first page keeps the browser's own start, the skip link first.
 */
export const usePageTitle = (title) => {
  useEffect(() => {
    document.title = `${title} · Invigilator`;
    if (firstPage) firstPage = false;
    else document.querySelector('main h1')?.focus({ preventScroll: true });
  }, [title]);
};

export const PageHead = ({ title, children }) => {
  usePageTitle(title);
  return html`<div class="page-head"><h1 tabindex="-1">${title}</h1>${children ? html`<div class="actions">${children}</div>` : null}</div>`;
};

export const Verdict = ({ status }) => html`<span class=${`badge ${status ?? ''}`}>${VERDICTS[status] ?? (status ? status : 'Not reported')}</span>`;
export const Severity = ({ severity }) => html`<span class=${`badge ${severity}`}>${SEVERITIES[severity] ?? severity}</span>`;
export const Category = ({ category }) => html`<span class=${`badge ${category === 'misuse' ? 'misuse' : ''}`}>${CATEGORIES[category] ?? category}</span>`;
export const State = ({ status }) => html`<span class=${`badge ${status}`}>${STATES[status] ?? status}</span>`;

export const ErrorNote = ({ error }) => (error ? html`<p class="error" role="alert">${error.message}</p>` : null);

/** Loading, failed or ready: the page's body only once there is data. */
export const Loaded = ({ state, children }) => {
  if (state.error && !state.data) return html`<${ErrorNote} error=${state.error} />`;
  if (!state.data) return html`<p class="loading" role="status">Loading…</p>`;
  return children(state.data);
};

/**
 * Cursor paging: the collector gives the next page's cursor; the pages before are remembered here so
 * "Previous" works. Resets whenever `key` (the filters) changes.
 */
export const useCursorPages = (key) => {
  const [stack, setStack] = useState([null]);
  const first = useRef(key);
  useEffect(() => { if (first.current !== key) { first.current = key; setStack([null]); } }, [key]);
  const cursor = first.current === key ? stack.at(-1) : null;
  return {
    cursor, page: first.current === key ? stack.length : 1,
    next: (nextCursor) => setStack((s) => [...s, nextCursor]),
    previous: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
  };
};

/** While the next page loads, the rows shown are still the last page's: the pager says so rather than a page number they do not match. */
export const Pager = ({ pages, nextCursor, shown, total, loading = false, noun = 'item', nouns = `${noun}s` }) => html`
  <nav class="pager" aria-label="Pagination">
    <button type="button" onClick=${pages.previous} disabled=${loading || pages.page <= 1}>Previous</button>
    <span role="status">${loading ? `Loading page ${pages.page}…`
      : `Page ${pages.page}${total !== undefined ? ` · ${total.toLocaleString('en-GB')} ${total === 1 ? noun : nouns} in all` : ''}${shown === 0 ? ' · none' : ''}`}</span>
    <button type="button" onClick=${() => pages.next(nextCursor)} disabled=${loading || !nextCursor}>Next</button>
  </nav>`;

/** A button that asks before it acts, then shows what came of it. */
export const ActionButton = ({ label, confirm, onAct, className = '', done }) => {
  const [state, setState] = useState({});
  const act = async () => {
    if (confirm && !window.confirm(confirm)) return;
    setState({ busy: true });
    try {
      const result = await onAct();
      setState({ result });
    } catch (error) {
      setState({ error });
    }
  };
  return html`<span class="row">
    <button type="button" class=${className} onClick=${act} disabled=${state.busy}>${label}</button>
    ${state.result !== undefined && done ? html`<span class="ok" role="status">${done(state.result)}</span>` : null}
    ${state.error ? html`<span class="error" role="alert">${state.error.message}</span>` : null}
  </span>`;
};

/** Acknowledge or resolve with an optional case note; the collector keeps who and when. */
export const AlertActions = ({ alert, onChanged, path = `/api/v1/alerts/${alert.id}` }) => {
  const [action, setAction] = useState(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState(null);
  if (alert.status === 'resolved') return null;
  const submit = async (event) => {
    event.preventDefault();
    try {
      await call(`${path}/${action}`, { method: 'POST', body: note.trim() ? { note: note.trim() } : {} });
      setAction(null); setNote(''); setError(null);
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  const verb = action === 'acknowledge' ? 'Acknowledge' : 'Resolve';
  if (action) {
    const id = `note-${alert.id}`;
    return html`<form class="stack" onSubmit=${submit}>
      <label for=${id}>Note (optional): what was done</label>
      <textarea id=${id} maxlength="2000" value=${note} onInput=${(e) => setNote(e.currentTarget.value)}></textarea>
      <div class="row"><button type="submit" class="primary">${verb}</button><button type="button" onClick=${() => setAction(null)}>Cancel</button></div>
      <${ErrorNote} error=${error} />
    </form>`;
  }
  return html`<div class="row">
    ${alert.status === 'open' ? html`<button type="button" onClick=${() => setAction('acknowledge')}>Acknowledge</button>` : null}
    <button type="button" onClick=${() => setAction('resolve')}>Resolve</button>
  </div>`;
};

/** A select bound to one filter value, with "any" as the empty choice. */
export const Select = ({ id, label, value, options, onChange, any = 'Any' }) => html`
  <div class="field"><label for=${id}>${label}</label>
    <select id=${id} value=${value ?? ''} onChange=${(e) => onChange(e.currentTarget.value)}>
      ${any !== null ? html`<option value="">${any}</option>` : null}
      ${options.map(([optionValue, text]) => html`<option value=${optionValue}>${text}</option>`)}
    </select></div>`;

/** A secret the collector shows once: kept on screen until the person moves on, never stored. */
export const OnceSecret = ({ secret, what }) => (secret ? html`<div class="card" role="status">
  <p><strong>${what}</strong> Copy it now: it is not shown again.</p>
  <p class="secret"><code id="shown-secret">${secret}</code></p></div>` : null);

/** Input bound to a field of a form object. */
export const Field = ({ id, label, value, onInput, type = 'text', required = false, hint, invalid = false, ...rest }) => html`<div class="field">
  <label for=${id}>${label}</label>
  <input id=${id} type=${type} required=${required} value=${value} class=${invalid ? 'field-error' : ''} aria-invalid=${invalid ? 'true' : undefined}
    aria-describedby=${hint ? `${id}-hint` : undefined} onInput=${(e) => onInput(e.currentTarget.value)} ...${rest} />
  ${hint ? html`<div class="note small" id=${`${id}-hint`}>${hint}</div>` : null}</div>`;
