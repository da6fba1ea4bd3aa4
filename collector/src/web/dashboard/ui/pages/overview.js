// The network manager's and administrator's overview: each school's devices, the share passing each
// check, failing and silent devices, open alerts by category, and how the trust has moved week by week.
import { useState } from 'preact/hooks';
import { LineChart } from '../chart.js';
import { Loaded, PageHead, Select, useApi } from '../components.js';
import { CHECKS, checkName, day, percent, shareClass, when } from '../format.js';
import { html } from '../html.js';
import { useLive } from '../live.js';
import { href } from '../router.js';

const Share = ({ share }) => html`<span class=${`share ${shareClass(share)}`}>${percent(share)}</span>`;

/** Each check's trust-wide pass share per week: the schools' shares weighted by their devices. */
const trustTrend = (schools, checks) => {
  const weeks = schools[0]?.trend.map((point) => point.weekEnding) ?? [];
  return {
    x: weeks.map((week) => Date.parse(week) / 1000),
    series: checks.map((check) => ({
      label: checkName(check),
      values: weeks.map((_week, index) => {
        let devices = 0;
        let passing = 0;
        for (const school of schools) {
          const point = school.trend[index];
          const share = point?.passShare?.[check];
          if (!point || share === null || share === undefined) continue;
          devices += point.devices;
          passing += share * point.devices;
        }
        return devices === 0 ? null : passing / devices;
      }),
    })),
  };
};

/** The trend from its first week with any data: weeks before the first enrolment are not drawn as a blank. */
const fromFirstData = (trend) => {
  const first = trend.x.findIndex((_week, index) => trend.series.some((line) => line.values[index] !== null));
  const start = first < 0 ? trend.x.length : first;
  return { x: trend.x.slice(start), series: trend.series.map((line) => ({ ...line, values: line.values.slice(start) })) };
};

const SchoolRow = ({ school, checks }) => html`<tr>
  <th scope="row"><a href=${href('/devices', { school: school.id })}>${school.name}</a></th>
  <td class="num">${school.devices.toLocaleString('en-GB')}</td>
  ${checks.map((check) => html`<td class="num"><${Share} share=${school.checks[check]?.passShare} /></td>`)}
  <td class="num"><a href=${href('/devices', { school: school.id, failing: 'any' })}>${school.failing.toLocaleString('en-GB')}</a></td>
  <td class="num"><a href=${href('/devices', { school: school.id, silent: 'true' })}>${school.silent.toLocaleString('en-GB')}</a></td>
  <td class="num">${school.openAlerts.posture ?? 0}</td>
  <td class="num">${school.openAlerts.availability ?? 0}</td>
  <td class="num">${school.openAlerts.misuse ?? 0}</td>
</tr>`;

const totalShare = (schools, check) => {
  const devices = schools.reduce((sum, school) => sum + school.devices, 0);
  if (devices === 0) return null;
  return schools.reduce((sum, school) => sum + (school.checks[check]?.passShare ?? 0) * school.devices, 0) / devices;
};

export const OverviewPage = () => {
  const [school, setSchool] = useState('');
  const overview = useApi(`/api/v1/overview?weeks=8`);
  // Counts only: a burst of changes across the trust refreshes the page once every few seconds.
  useLive(['alert', 'verdict'], () => overview.reload(), 5000);
  return html`
    <${PageHead} title="Overview" />
    <${Loaded} state=${overview}>${(data) => {
      const checks = data.checks ?? CHECKS;
      const shown = school ? data.schools.filter((s) => s.id === school) : data.schools;
      const trend = fromFirstData(trustTrend(shown, checks));
      const trendTitle = trend.x.length >= data.weeks || trend.x.length < 2
        ? `last ${data.weeks} weeks` : `since ${day(new Date(trend.x[0] * 1000).toISOString())}`;
      const totals = data.totals;
      return html`
        <div class="stats">
          <div class="stat"><span class="number">${totals.devices.toLocaleString('en-GB')}</span><span class="label">devices</span></div>
          <div class="stat"><span class="number">${totals.failing.toLocaleString('en-GB')}</span><span class="label">failing a check</span></div>
          <div class="stat"><span class="number">${totals.silent.toLocaleString('en-GB')}</span><span class="label">not seen lately</span></div>
          <div class="stat"><span class="number">${(totals.openAlerts.posture ?? 0) + (totals.openAlerts.availability ?? 0)}</span><span class="label">open device-health alerts</span></div>
          <div class="stat"><span class="number">${totals.openAlerts.misuse ?? 0}</span><span class="label">open safeguarding alerts</span></div>
        </div>
        <section class="card">
          <h2>Schools</h2>
          <div class="table-wrap"><table class="dense" id="schools-overview">
            <caption class="visually-hidden">Per school: devices, share passing each check, failing and silent devices, open alerts by category</caption>
            <thead>
              <tr><td colspan="2"></td><th scope="colgroup" colspan=${checks.length} class="group">Share passing</th>
                <th scope="colgroup" colspan="2" class="group">Devices</th><th scope="colgroup" colspan="3" class="group">Open alerts</th></tr>
              <tr><th scope="col">School</th><th scope="col" class="num">Devices</th>
                ${checks.map((check) => html`<th scope="col" class="num">${checkName(check)}</th>`)}
                <th scope="col" class="num">Failing</th><th scope="col" class="num">Silent</th>
                <th scope="col" class="num">Health</th><th scope="col" class="num">Not seen</th><th scope="col" class="num">Safeguarding</th></tr></thead>
            <tbody>
              ${data.schools.map((item) => html`<${SchoolRow} school=${item} checks=${checks} />`)}
              ${data.schools.length > 1 ? html`<tr class="total"><th scope="row">All schools</th><td class="num">${totals.devices.toLocaleString('en-GB')}</td>
                ${checks.map((check) => html`<td class="num"><${Share} share=${totalShare(data.schools, check)} /></td>`)}
                <td class="num">${totals.failing}</td><td class="num">${totals.silent}</td><td class="num">${totals.openAlerts.posture ?? 0}</td>
                <td class="num">${totals.openAlerts.availability ?? 0}</td><td class="num">${totals.openAlerts.misuse ?? 0}</td></tr>` : null}
            </tbody>
          </table></div>
          ${data.schools.length === 0 ? html`<p class="empty">No schools yet: add one under Settings.</p>` : null}
          <p class="note small">Share passing: of each school's devices, those whose latest verdict passes (or does not apply). Updated ${when(data.generatedAt)}.</p>
        </section>
        <section class="card">
          <div class="page-head"><h2>Share passing each check, ${trendTitle}</h2>
            <div class="actions"><${Select} id="trend-school" label="School" value=${school} any="All schools"
              options=${data.schools.map((s) => [s.id, s.name])} onChange=${setSchool} /></div></div>
          ${trend.x.length >= 2
            ? html`<${LineChart} x=${trend.x} series=${trend.series} label=${`Weekly share of devices passing each check, ${school ? shown[0]?.name : 'all schools'}`} />`
            : html`<p class="empty">No weekly history yet: the line starts at the first week's end after devices were enrolled, and grows a point a week. Today's shares are in the table above.</p>`}
        </section>`;
    }}<//>`;
};
