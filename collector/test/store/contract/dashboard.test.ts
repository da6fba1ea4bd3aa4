// The dashboard's storage on each engine: the paged device list (filters, sorts without case, cursors), a
// device's backlog and history, the overview's counts, the events behind an incident, case notes, what a
// person was shown, and the filtered audit log. Both engines must answer alike, order and cursors included.
import { expect, it } from 'vitest';
import type { DeviceListQuery } from '../../../src/store/dashboard-types.ts';
import type { AlertRow, JsonObject, Store, VerdictStatus } from '../../../src/store/types.ts';
import { addAudit } from '../../helpers/store-rows.ts';
import { describeEachEngine } from './engines.ts';

const addDevice = (store: Store, id: string, hostname: string, platform: string, lastSeenAt: number | null, schoolId = 'north') =>
  store.createDevice({
    id, schoolId, hostname, facts: { platform, osName: 'test' }, credentialHash: 'cd'.repeat(32), enrolledAt: 10, lastSeenAt, revokedAt: null,
  });

const verdict = (store: Store, deviceId: string, check: string, status: VerdictStatus) =>
  store.putVerdict({ deviceId, check, status, reasonCode: 'R', reason: 'r', clauseId: check, clauseText: 'c', since: 1, evaluatedAt: 1, seq: 1 });

const alert = (id: string, fields: Partial<AlertRow>): AlertRow => ({
  id, schoolId: 'north', deviceId: 'north-dev', category: 'misuse', severity: 'critical', severityRank: 4, dedupKey: `key:${id}`,
  status: 'open', title: 'Files copied', summary: 's', check: null, clauseId: 'media', clauseText: 'No sticks.', detail: {},
  occurrences: 1, openedAt: 100, lastSeenAt: 100, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null,
  escalatedAt: null, firstEvent: null, lastEvent: null, ...fields,
});

const event = (store: Store, deviceId: string, seq: number, occurredAt: number, payload: JsonObject, checkName: string | null = null) =>
  store.insertEvent({ deviceId, seq, occurredAt, receivedAt: occurredAt, kind: checkName ? 'observation' : 'misuse', checkName, payload });

describeEachEngine('dashboard storage', ['north', 'south'], (engine) => {
  const store = () => engine.store();
  const hostnames = async (query: Partial<DeviceListQuery>) =>
    (await store().listDevicePage({ sort: 'hostname', descending: false, limit: 50, ...query })).rows.map((row) => row.device.hostname);

  /** north: five more devices besides north-lab-01; one failing two checks, one silent. */
  const addNorthDevices = async () => {
    await addDevice(store(), 'd-beta', 'Beta', 'PLATFORM_LINUX', 300);
    await addDevice(store(), 'd-alpha', 'Alpha', 'PLATFORM_WINDOWS', 500);
    await addDevice(store(), 'd-alpha2', 'alpha2', 'PLATFORM_WINDOWS', null);
    await addDevice(store(), 'd-lab_1', 'lab_1', 'PLATFORM_MACOS', 200);
    await addDevice(store(), 'd-labx1', 'labx1', 'PLATFORM_MACOS', 400);
    await verdict(store(), 'd-beta', 'firewall', 'fail');
    await verdict(store(), 'd-beta', 'screenLock', 'fail');
    await verdict(store(), 'd-alpha', 'firewall', 'fail');
    await verdict(store(), 'd-alpha', 'screenLock', 'pass');
    await store().insertAlert(alert('silent-1', { deviceId: 'd-labx1', category: 'availability', severity: 'warning', severityRank: 2 }));
  };

  it('lists devices by host name without case, pages by cursor, and counts the whole match', async () => {
    await addNorthDevices();
    const first = await store().listDevicePage({ schoolIds: ['north'], sort: 'hostname', descending: false, limit: 4 });
    expect(first.total).toBe(6);
    expect(first.rows.map((row) => row.device.hostname)).toEqual(['Alpha', 'alpha2', 'Beta', 'lab_1']);
    expect(first.rows[0]).toEqual({ device: await store().getDevice('d-alpha'), failingCount: 1, silent: false });
    const last = first.rows.at(-1)!;
    const second = await store().listDevicePage({
      schoolIds: ['north'], sort: 'hostname', descending: false, limit: 4, after: { key: last.device.hostname, id: last.device.id },
    });
    expect(second.rows.map((row) => [row.device.hostname, row.silent])).toEqual([['labx1', true], ['north-lab-01', false]]);
    expect(second.total).toBe(6);
    // The cursor compares without case too: after "ALPHA" comes alpha2.
    expect(await hostnames({ schoolId: 'north', limit: 1, after: { key: 'ALPHA', id: 'd-alpha' } })).toEqual(['alpha2']);
    expect(await hostnames({ schoolId: 'north', descending: true, limit: 3 })).toEqual(['north-lab-01', 'labx1', 'lab_1']);
  });

  it('filters by host name (the % and _ typed taken literally), platform, failing checks, silence and last seen', async () => {
    await addNorthDevices();
    expect(await hostnames({ hostnameContains: 'ALP' })).toEqual(['Alpha', 'alpha2']);
    expect(await hostnames({ hostnameContains: 'b_1' })).toEqual(['lab_1']);
    expect(await hostnames({ hostnameContains: '%' })).toEqual([]);
    expect(await hostnames({ platforms: ['PLATFORM_MACOS', 'PLATFORM_LINUX'] })).toEqual(['Beta', 'lab_1', 'labx1']);
    expect(await hostnames({ failing: 'any' })).toEqual(['Alpha', 'Beta']);
    expect(await hostnames({ failing: ['screenLock'] })).toEqual(['Beta']);
    expect(await hostnames({ failing: ['encryption'] })).toEqual([]);
    expect(await hostnames({ silent: true })).toEqual(['labx1']);
    expect(await hostnames({ silent: false, schoolId: 'north' })).toEqual(['Alpha', 'alpha2', 'Beta', 'lab_1', 'north-lab-01']);
    expect(await hostnames({ seenAfter: 300, seenBefore: 500 })).toEqual(['Beta', 'labx1']);
    expect(await hostnames({ schoolIds: [] })).toEqual([]);
    expect((await store().listDevicePage({ schoolIds: [], sort: 'hostname', descending: false, limit: 5 })).total).toBe(0);
  });

  it('sorts by last seen (never seen as oldest) and by failing count, newest and worst first, with cursors', async () => {
    await addNorthDevices();
    const bySeen = await hostnames({ schoolId: 'north', sort: 'lastSeen', descending: true });
    expect(bySeen).toEqual(['Alpha', 'labx1', 'Beta', 'lab_1', 'alpha2', 'north-lab-01']);
    expect(await hostnames({ schoolId: 'north', sort: 'lastSeen', descending: true, after: { key: 300, id: 'd-beta' } }))
      .toEqual(['lab_1', 'alpha2', 'north-lab-01']);
    expect(await hostnames({ schoolId: 'north', sort: 'lastSeen', descending: true, after: { key: 0, id: 'd-alpha2' } }))
      .toEqual(['north-lab-01']);
    expect(await hostnames({ schoolId: 'north', sort: 'failing', descending: true, limit: 3 })).toEqual(['Beta', 'Alpha', 'alpha2']);
    expect(await hostnames({ schoolId: 'north', sort: 'failing', descending: true, after: { key: 1, id: 'd-alpha' } }))
      .toEqual(['alpha2', 'lab_1', 'labx1', 'north-lab-01']);
  });

  it('tells whether a device is silent, keeps the newest outbox backlog, its latest observations and its history by page', async () => {
    expect(await store().isDeviceSilent('north-dev')).toBe(false);
    await store().insertAlert(alert('gone', { category: 'availability', severity: 'warning', severityRank: 2 }));
    expect(await store().isDeviceSilent('north-dev')).toBe(true);
    await store().updateAlert('gone', 'unresolved', { status: 'resolved', resolvedAt: 200 });
    expect(await store().isDeviceSilent('north-dev')).toBe(false);

    expect(await store().getOutboxBacklog('north-dev')).toBeNull();
    await store().setOutboxBacklog('north-dev', { depth: 40, reportedAt: 1_000 });
    await store().setOutboxBacklog('north-dev', { depth: 90, reportedAt: 900 });
    expect(await store().getOutboxBacklog('north-dev')).toEqual({ depth: 40, reportedAt: 1_000 });
    await store().setOutboxBacklog('north-dev', { depth: 0, reportedAt: 1_100 });
    expect(await store().getOutboxBacklog('north-dev')).toEqual({ depth: 0, reportedAt: 1_100 });
    expect(await store().getOutboxBacklog('nobody')).toBeNull();

    await event(store(), 'north-dev', 1, 10, { enabled: false }, 'firewall');
    await event(store(), 'north-dev', 2, 20, { locked: true }, 'screenLock');
    await event(store(), 'north-dev', 3, 30, { enabled: true }, 'firewall');
    await event(store(), 'north-dev', 4, 40, { kind: 'MEDIA_ATTACHED' });
    expect((await store().latestObservationsOfDevice('north-dev')).map((e) => [e.checkName, e.seq, e.payload]))
      .toEqual([['firewall', 3, { enabled: true }], ['screenLock', 2, { locked: true }]]);

    for (const [seq, check, to] of [[1, 'firewall', 'fail'], [2, 'screenLock', 'pass'], [3, 'firewall', 'pass']] as const) {
      await store().recordVerdictChange({
        deviceId: 'north-dev', check, fromStatus: null, toStatus: to, reasonCode: 'R', reason: 'r', clauseId: check, changedAt: seq * 10, seq,
      });
    }
    const newest = await store().listVerdictChangePage('north-dev', { limit: 2 });
    expect(newest.map((c) => [c.check, c.toStatus, c.changedAt])).toEqual([['firewall', 'pass', 30], ['screenLock', 'pass', 20]]);
    expect(newest[0]).toEqual({
      id: newest[0]!.id, deviceId: 'north-dev', check: 'firewall', fromStatus: null, toStatus: 'pass', reasonCode: 'R', reason: 'r',
      clauseId: 'firewall', changedAt: 30, seq: 3,
    });
    expect((await store().listVerdictChangePage('north-dev', { beforeId: newest[1]!.id, limit: 5 })).map((c) => c.changedAt)).toEqual([10]);
    expect((await store().listVerdictChangePage('north-dev', { check: 'firewall', limit: 5 })).map((c) => c.changedAt)).toEqual([30, 10]);
  });

  it('counts the overview per school, leaving revoked devices out and another school\'s rows unseen', async () => {
    await addNorthDevices();
    await addDevice(store(), 'd-gone', 'gone', 'PLATFORM_LINUX', 100);
    await verdict(store(), 'd-gone', 'firewall', 'fail');
    await store().revokeDevice('d-gone', 150);
    await verdict(store(), 'south-dev', 'firewall', 'pass');
    await store().insertAlert(alert('s1', { schoolId: 'south', deviceId: 'south-dev' }));
    await store().insertAlert(alert('n-closed', { status: 'resolved', resolvedAt: 5 }));

    expect(await store().deviceCountsBySchool({})).toEqual([
      { schoolId: 'north', devices: 6, failing: 2, silent: 1 }, { schoolId: 'south', devices: 1, failing: 0, silent: 0 },
    ]);
    expect(await store().deviceCountsBySchool({ schoolIds: [] })).toEqual([]);
    expect(await store().unresolvedAlertCountsBySchool({})).toEqual([
      { schoolId: 'north', category: 'availability', count: 1 }, { schoolId: 'south', category: 'misuse', count: 1 },
    ]);
    expect(await store().verdictCountsBySchool({ schoolId: 'north' })).toEqual([
      { schoolId: 'north', check: 'firewall', status: 'fail', count: 2 },
      { schoolId: 'north', check: 'screenLock', status: 'fail', count: 1 },
      { schoolId: 'north', check: 'screenLock', status: 'pass', count: 1 },
    ]);
    expect(await store().failingDevices({ schoolIds: ['north', 'south'] })).toEqual([
      { schoolId: 'north', deviceId: 'd-alpha', failing: 1 }, { schoolId: 'north', deviceId: 'd-beta', failing: 2 },
    ]);
    for (const [deviceId, at] of [['d-beta', 30], ['d-gone', 40], ['south-dev', 20], ['d-alpha', 10]] as const) {
      await store().recordVerdictChange({
        deviceId, check: 'firewall', fromStatus: 'pass', toStatus: 'fail', reasonCode: 'R', reason: 'r', clauseId: 'fw', changedAt: at, seq: 1,
      });
    }
    expect(await store().verdictChangesSince({ schoolId: 'north' }, 10)).toEqual([
      { schoolId: 'north', deviceId: 'd-beta', check: 'firewall', fromStatus: 'pass', toStatus: 'fail', changedAt: 30 },
    ]);
    expect((await store().verdictChangesSince({}, 0)).map((c) => c.deviceId)).toEqual(['d-alpha', 'south-dev', 'd-beta']);
    expect(await store().enrolmentTimes({ schoolId: 'south' })).toEqual([{ deviceId: 'south-dev', schoolId: 'south', enrolledAt: 1, firstJudgedAt: 20 }]);
    expect((await store().enrolmentTimes({})).map((e) => e.enrolledAt)).toEqual([1, 10, 10, 10, 10, 10, 1]);
  });

  it('links an incident to its events once, reads them back, finds incidents by their events\' text, and pages them', async () => {
    const stick = { kind: 'MEDIA_ATTACHED', user: 'Pupil-X7K2', device: { label: 'KEYS_7Q' } };
    await event(store(), 'north-dev', 5, 500, stick);
    await event(store(), 'north-dev', 6, 600, { kind: 'FILE_COPIED', file: { name: 'Essay-Draft.docx' } });
    await event(store(), 'north-dev', 7, 700, { kind: 'MEDIA_REMOVED' });
    await event(store(), 'north-dev', 8, 800, { kind: 'MEDIA_ATTACHED', user: 'other' });
    await store().insertAlert(alert('copy', { openedAt: 500, lastSeenAt: 700 }));
    await store().insertAlert(alert('later', { openedAt: 800, lastSeenAt: 800, severity: 'warning', severityRank: 2 }));
    await store().insertAlert(alert('same-rank', { openedAt: 300, lastSeenAt: 700 }));
    await store().insertAlert(alert('south-one', { schoolId: 'south', deviceId: 'south-dev', title: 'Pupil-x7k2 copied' }));
    for (const seq of [6, 5, 7, 6]) await store().linkAlertEvent('copy', 'north-dev', seq);
    await store().linkAlertEvent('later', 'north-dev', 8);

    expect((await store().listAlertEvents('copy', 10)).map((e) => e.seq)).toEqual([5, 6, 7]);
    expect((await store().listAlertEvents('copy', 2)).map((e) => e.seq)).toEqual([5, 6]);
    const ends = await store().alertEventEnds(['copy', 'later', 'same-rank']);
    expect([...ends.keys()].sort()).toEqual(['copy', 'later']);
    expect(ends.get('copy')).toEqual({
      count: 3, first: (await store().listAlertEvents('copy', 1))[0], last: (await store().listAlertEvents('copy', 3))[2],
    });
    expect(ends.get('later')?.first.seq).toBe(8);
    expect(ends.get('later')?.last.seq).toBe(8);
    expect((await store().alertEventEnds([])).size).toBe(0);
    expect((await store().listDeviceEventsBetween('north-dev', 'misuse', 600, 800, 2)).map((e) => e.seq)).toEqual([6, 7]);

    const ids = async (query: Partial<Parameters<Store['listIncidents']>[0]>) =>
      (await store().listIncidents({ limit: 10, ...query })).map((a) => a.id);
    expect(await ids({ schoolId: 'north' })).toEqual(['copy', 'same-rank', 'later']);
    expect(await ids({ schoolIds: ['north'], text: 'pupil-x7k' })).toEqual(['copy']);
    expect(await ids({ text: 'essay-draft' })).toEqual(['copy']);
    expect(await ids({ text: 'keys_7q' })).toEqual(['copy']);
    expect(await ids({ text: 'x7k2' })).toEqual(['copy', 'south-one']);
    expect(await ids({ text: 'keys%7q' })).toEqual([]);
    expect(await ids({ schoolId: 'north', severities: ['warning'] })).toEqual(['later']);
    expect(await ids({ schoolId: 'north', openedFrom: 400, openedUntil: 800 })).toEqual(['copy', 'later']);
    expect(await ids({ schoolId: 'north', after: { severityRank: 4, lastSeenAt: 700, id: 'copy' } })).toEqual(['same-rank', 'later']);
    expect(await ids({ statuses: [] })).toEqual([]);
    expect((await store().listIncidents({ limit: 1, deviceId: 'south-dev' }))[0]).toEqual(await store().getAlert('south-one'));
  });

  it('keeps case notes in order and counts them per incident', async () => {
    await store().insertAlert(alert('a', {}));
    await store().insertAlert(alert('b', {}));
    const first = await store().addAlertNote({ alertId: 'a', at: 10, by: 'dsl@north', text: 'Spoke to the pupil.' });
    const second = await store().addAlertNote({ alertId: 'a', at: 20, by: 'dsl@north', text: 'Parents told.' });
    expect(second.id).toBeGreaterThan(first.id);
    expect(await store().listAlertNotes('a')).toEqual([first, second]);
    expect(first).toEqual({ id: first.id, alertId: 'a', at: 10, by: 'dsl@north', text: 'Spoke to the pupil.' });
    expect([...(await store().countAlertNotes(['a', 'b']))]).toEqual([['a', 2]]);
    expect((await store().countAlertNotes([])).size).toBe(0);
  });

  it('records what a person was shown, telling only what is new to them, and retention forgets it with the audit log', async () => {
    const seen = [{ item: 'incident:a', version: 'open', schoolId: 'north' }, { item: 'incident:b', version: 'open', schoolId: 'north' }];
    expect(await store().recordSafeguardingViews('dsl@north', seen, 100)).toEqual(seen);
    expect(await store().recordSafeguardingViews('dsl@north', seen, 110)).toEqual([]);
    const changed = { item: 'incident:b', version: 'resolved', schoolId: 'north' };
    expect(await store().recordSafeguardingViews('dsl@north', [seen[0]!, changed], 120)).toEqual([changed]);
    expect(await store().recordSafeguardingViews('head@north', [seen[0]!], 120)).toEqual([seen[0]]);
    // Retention: views shown before 115 go with the audit rows of that age, so they count as new again.
    await store().deleteAuditBefore('north', 115);
    expect(await store().recordSafeguardingViews('dsl@north', [seen[0]!, changed], 130)).toEqual([seen[0]]);
  });

  it('pages the audit log newest first, filtered by person, action, school and time', async () => {
    for (const [school, at, target] of [['north', 1, 'n1'], ['south', 2, 's1'], ['north', 3, 'n2'], [null, 4, 'trust'], ['north', 5, 'n3']] as const) {
      await addAudit(store(), school, at, target);
    }
    await store().appendAudit({
      at: 6, personEmail: 'tech@north', tokenId: null, sessionId: 's', roles: ['technician'], label: 'Tech', action: 'device.view', target: 'n4', schoolId: 'north',
    });
    const targets = async (query: Partial<Parameters<Store['listAuditPage']>[0]>) =>
      (await store().listAuditPage({ limit: 10, ...query })).map((entry) => entry.target);
    expect(await targets({})).toEqual(['n4', 'n3', 'trust', 'n2', 's1', 'n1']);
    expect(await targets({ schoolIds: ['north'], action: 'view' })).toEqual(['n3', 'n2', 'n1']);
    expect(await targets({ onlySchool: 'south', schoolIds: ['north'] })).toEqual([]);
    expect(await targets({ personEmail: 'tech@north' })).toEqual(['n4']);
    expect(await targets({ from: 2, until: 4 })).toEqual(['trust', 'n2', 's1']);
    expect(await targets({ schoolIds: [] })).toEqual([]);
    const page = await store().listAuditPage({ limit: 2 });
    expect(await targets({ beforeId: page[1]!.id })).toEqual(['trust', 'n2', 's1', 'n1']);
    expect(page[0]).toEqual({
      id: page[0]!.id, at: 6, personEmail: 'tech@north', tokenId: null, sessionId: 's', roles: ['technician'], label: 'Tech',
      action: 'device.view', target: 'n4', schoolId: 'north',
    });
  });
});
