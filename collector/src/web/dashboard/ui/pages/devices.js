// The technician's device list: paged by the collector, searched by host name, filtered by school,
// OS, failing check, silence and last contact, sorted. Filters live in the address, so a view can be shared.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { query } from '../api.js';
import { Loaded, PageHead, Pager, Select, useApi, useCursorPages, Verdict } from '../components.js';
import { ago, CHECKS, checkName, PLATFORMS, when } from '../format.js';
import { html } from '../html.js';
import { useLive } from '../live.js';
import { href, navigate } from '../router.js';

const PAGE_SIZE = 50;
const DAY_MS = 86_400_000;
const FILTERS = ['q', 'school', 'platform', 'failing', 'silent', 'seen', 'sort', 'order'];

/** "Last seen" choices, as the collector's seenAfter / seenBefore. */
const SEEN = {
  day: ['Within the last day', (now) => ({ seenAfter: new Date(now - DAY_MS).toISOString() })],
  week: ['Within the last week', (now) => ({ seenAfter: new Date(now - 7 * DAY_MS).toISOString() })],
  stale1: ['Not for over a day', (now) => ({ seenBefore: new Date(now - DAY_MS).toISOString() })],
  stale7: ['Not for over a week', (now) => ({ seenBefore: new Date(now - 7 * DAY_MS).toISOString() })],
  stale30: ['Not for over 30 days', (now) => ({ seenBefore: new Date(now - 30 * DAY_MS).toISOString() })],
};
const SORTS = [['hostname', 'Host name'], ['lastSeen', 'Last seen'], ['failing', 'Failing checks']];

const osText = (device) => `${device.osName ?? PLATFORMS[device.platform] ?? device.platform ?? ''} ${device.osVersion ?? ''}`.trim();

export const filtersOf = (params) => Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));

const apiPath = (filters, cursor, now) => `/api/v1/devices${query({
  q: filters.q, school: filters.school, platform: filters.platform, failing: filters.failing, silent: filters.silent,
  ...(SEEN[filters.seen]?.[1](now) ?? {}), sort: filters.sort, order: filters.order, limit: PAGE_SIZE, cursor,
})}`;

export const DevicesPage = ({ route }) => {
  const filters = filtersOf(route.params);
  const key = JSON.stringify(filters);
  const pages = useCursorPages(key);
  // "Last seen" is relative to when the filter was chosen, not to each refresh.
  const now = useMemo(() => Date.now(), [filters.seen]);
  const devices = useApi(apiPath(filters, pages.cursor, now));
  const schools = useApi('/api/v1/schools');
  const [search, setSearch] = useState(filters.q);
  useEffect(() => setSearch(filters.q), [filters.q]);
  useLive(['verdict'], () => devices.reload(), 3000);

  const setFilter = (name, value) => navigate('/devices', { ...filters, [name]: value });
  const schoolNames = new Map((schools.data?.schools ?? []).map((school) => [school.id, school.name]));
  return html`
    <${PageHead} title="Devices" />
    <form class="filters card" role="search" aria-label="Find devices" onSubmit=${(e) => { e.preventDefault(); setFilter('q', search.trim()); }}>
      <div><label for="device-search">Host name contains</label>
        <span class="row"><input id="device-search" type="search" maxlength="64" value=${search} onInput=${(e) => setSearch(e.currentTarget.value)} />
        <button type="submit">Search</button></span></div>
      <${Select} id="filter-school" label="School" value=${filters.school} any="All schools"
        options=${(schools.data?.schools ?? []).map((school) => [school.id, school.name])} onChange=${(v) => setFilter('school', v)} />
      <${Select} id="filter-platform" label="Operating system" value=${filters.platform} options=${Object.entries(PLATFORMS)} onChange=${(v) => setFilter('platform', v)} />
      <${Select} id="filter-failing" label="Failing" value=${filters.failing} any="Any or none"
        options=${[['any', 'Any check'], ...CHECKS.map((check) => [check, checkName(check)])]} onChange=${(v) => setFilter('failing', v)} />
      <${Select} id="filter-silent" label="Silent" value=${filters.silent} options=${[['true', 'Silent only'], ['false', 'Reporting only']]} onChange=${(v) => setFilter('silent', v)} />
      <${Select} id="filter-seen" label="Last seen" value=${filters.seen} any="Any time"
        options=${Object.entries(SEEN).map(([value, [text]]) => [value, text])} onChange=${(v) => setFilter('seen', v)} />
      <${Select} id="sort" label="Sort by" value=${filters.sort || 'hostname'} any=${null} options=${SORTS} onChange=${(v) => setFilter('sort', v)} />
      <${Select} id="order" label="Order" value=${filters.order} any="Usual" options=${[['asc', 'Ascending'], ['desc', 'Descending']]} onChange=${(v) => setFilter('order', v)} />
      ${FILTERS.some((name) => filters[name]) ? html`<a href=${href('/devices')}>Clear filters</a>` : null}
    </form>
    <section class="card">
      <${Loaded} state=${devices}>${(data) => html`
        <div class="table-wrap"><table id="devices">
          <caption class="visually-hidden">Devices and their latest verdicts</caption>
          <thead><tr><th scope="col">Host name</th><th scope="col" class="wide-only">School</th><th scope="col" class="wide-only">Operating system</th><th scope="col">Last seen</th>
            ${CHECKS.map((check) => html`<th scope="col" class="check">${checkName(check)}</th>`)}</tr></thead>
          <tbody>${data.devices.map((device) => html`<tr>
            <th scope="row" class="host"><a href=${href(`/devices/${device.id}`)}>${device.hostname}</a>
              <div class="reason narrow-only">${schoolNames.get(device.schoolId) ?? device.schoolId} · ${osText(device)}</div>
              ${device.silent ? html` <span class="badge unknown">Silent</span>` : null}
              ${device.revokedAt ? html` <span class="badge">Revoked</span>` : null}
              ${device.suspectDuplicate ? html`<div class="reason">Unconfirmed: ${device.suspectDuplicate.reason}, already enrolled</div>` : null}</th>
            <td class="wide-only">${schoolNames.get(device.schoolId) ?? device.schoolId}</td>
            <td class="wide-only">${osText(device)}</td>
            <td class="when"><span title=${when(device.lastSeenAt)}>${ago(device.lastSeenAt)}</span></td>
            ${CHECKS.map((check) => html`<td><${Verdict} status=${device.checks?.[check]?.status} /></td>`)}
          </tr>`)}</tbody>
        </table></div>
        ${data.devices.length === 0 ? html`<p class="empty">No devices match these filters.</p>` : null}
        <${Pager} pages=${pages} loading=${devices.stale} nextCursor=${data.nextCursor} shown=${data.devices.length} total=${data.total} noun="device" />`}<//>
    </section>`;
};
