// Every area's operations round-trip alike on each engine: schools and packs, people, tokens, sign-in,
// delivery, enrolment guards and the Google Admin connector's rows.
import { expect, it } from 'vitest';
import type { NotificationRow } from '../../../src/store/delivery-types.ts';
import { describeEachEngine } from './engines.ts';

const person = (id: string, email: string, fields: Record<string, unknown> = {}) => ({
  id, email, name: `Name ${id}`, roles: ['technician' as const], schools: ['north'] as string[] | 'all', createdAt: 1, disabledAt: null, ...fields,
});
const notification = (id: string, fields: Partial<NotificationRow> = {}): NotificationRow => ({
  id, schoolId: 'north', alertId: 'alert-1', channelId: 'ch-1', personId: null, recipient: 'it@north.sch.uk', reason: 'opened',
  category: 'posture', about: null, status: 'pending', attempts: 0, nextAttemptAt: 100, lastError: null, createdAt: 10, sentAt: null,
  claimedBy: null, claimUntil: null, ...fields,
});

describeEachEngine('every area', ['north', 'south'], (engine) => {
  const store = () => engine.store();

  it('schools, their secrets and their policy packs with the pack history', async () => {
    expect(await store().ping()).toBeUndefined();
    expect((await store().listSchools()).map((s) => s.id)).toEqual(['north', 'south']);
    await store().setEnrolmentSecretHash('north', 'ef'.repeat(32));
    expect(await store().getSchool('north')).toEqual({ id: 'north', name: 'north school', enrolmentSecretHash: 'ef'.repeat(32), createdAt: 1 });
    expect(await store().lockSchool('north')).toEqual(await store().getSchool('north'));
    expect(await store().getSchool('nowhere')).toBeUndefined();
    expect(await store().getPolicyPack('north')).toBeUndefined();
    await store().putPolicyPack('north', { id: 'p', version: '1', name: 'Pack', nested: { list: [1, 'two'] } }, 5);
    await store().putPolicyPack('north', { id: 'p', version: '2', name: 'Pack' }, 6);
    expect(await store().getPolicyPack('north')).toEqual({ id: 'p', version: '2', name: 'Pack' });
    expect((await store().listPolicyPackChanges('north')).map((c) => c.version)).toEqual(['1', '2']);
  });

  it('people: email unique whatever its case, access replaced, listed by school and role, disabled and enabled', async () => {
    await store().createPerson(person('p1', 'Tech@North.sch.uk'));
    await store().createPerson(person('p2', 'nm@trust.org.uk', { roles: ['network-manager', 'admin'], schools: 'all', name: 'Ann' }));
    await expect(store().createPerson(person('p3', 'tech@north.SCH.uk'))).rejects.toMatchObject({ code: 'STORE_FAILED' });
    expect(await store().getPersonByEmail('tech@north.sch.uk')).toEqual(person('p1', 'Tech@North.sch.uk'));
    expect((await store().getPerson('p2'))?.roles).toEqual(['admin', 'network-manager']);
    expect((await store().listPeople({ schoolId: 'south' })).map((p) => p.id)).toEqual(['p2']);
    expect((await store().listPeople({ role: 'technician' })).map((p) => p.id)).toEqual(['p1']);
    await store().setPersonAccess('p1', { roles: ['dsl', 'dsl'], schools: ['south', 'north'] });
    expect(await store().getPerson('p1')).toMatchObject({ roles: ['dsl'], schools: ['north', 'south'] });
    await Promise.all([
      store().setPersonAccess('p1', { roles: ['technician'], schools: ['north'] }),
      store().setPersonAccess('p1', { roles: ['technician'], schools: ['north'] }),
    ]);
    expect(await store().getPerson('p1')).toMatchObject({ roles: ['technician'], schools: ['north'] });
    expect(await store().disablePerson('p1', 9)).toBe(true);
    expect(await store().disablePerson('p1', 10)).toBe(false);
    expect((await store().listPeople({})).map((p) => p.id)).toEqual(['p2']);
    expect((await store().listPeople({ includeDisabled: true })).map((p) => p.id)).toEqual(['p2', 'p1']);
    expect(await store().enablePerson('p1')).toBe(true);
    expect(await store().enablePerson('p1')).toBe(false);
  });

  it('tokens and sign-in: passwords, sessions, failures and locks', async () => {
    await store().createPerson(person('p1', 'a@north.sch.uk'));
    const token = { id: 't1', secretHash: 'h', personId: 'p1', roles: ['technician' as const], schools: ['north'], label: 'laptop', createdAt: 5, revokedAt: null };
    await store().createApiToken(token);
    await store().createApiToken({ ...token, id: 't2', personId: null, schools: 'all', createdAt: 6 });
    expect(await store().getApiToken('t1')).toEqual(token);
    expect((await store().listApiTokens()).map((t) => [t.id, t.schools])).toEqual([['t2', 'all'], ['t1', ['north']]]);
    expect(await store().revokeApiToken('t1', 7)).toBe(true);
    expect(await store().revokeApiToken('t1', 8)).toBe(false);

    await store().setPasswordHash('p1', 'scrypt$1', 1);
    await store().setPasswordHash('p1', 'scrypt$2', 2);
    expect(await store().getPasswordHash('p1')).toBe('scrypt$2');
    const session = { idHash: 'ih', handle: 'hd', personId: 'p1', csrfToken: 'c', method: 'password' as const, address: '10.0.0.1',
      createdAt: 1, lastSeenAt: 1, expiresAt: 100, endedAt: null };
    await store().createSession(session);
    await store().touchSession('ih', 50);
    await store().touchSession('ih', 40);
    expect(await store().getSession('ih')).toEqual({ ...session, lastSeenAt: 50 });
    expect(await store().endSession('ih', 60)).toBe(true);
    expect(await store().endSession('ih', 61)).toBe(false);
    expect(await store().deleteSessionsExpiredBefore(101)).toBe(1);

    for (const at of [1, 2, 3]) await store().recordSignInFailure('account:a', at);
    expect(await store().countSignInFailures('account:a', 2)).toBe(2);
    expect(await store().deleteSignInFailuresBefore(2)).toBe(1);
    await store().clearSignInFailures('account:a');
    expect(await store().countSignInFailures('account:a', 0)).toBe(0);
    await store().lockSignIn('address:x', 500);
    await store().lockSignIn('address:x', 400); // a later lock holds
    expect(await store().signInLockedUntil('address:x', 450)).toBe(500);
    expect(await store().signInLockedUntil('address:x', 500)).toBeUndefined();
  });

  it('delivery: channels, routes, settings, the outbox claimed once each, digests', async () => {
    const channel = { id: 'ch-1', schoolId: 'north', kind: 'email' as const, settings: { host: 'smtp' }, secret: { pass: 'x' }, audience: null, createdAt: 1, disabledAt: null };
    await store().createChannel(channel);
    expect(await store().getChannel('ch-1')).toEqual(channel);
    expect(await store().listChannels({ schoolId: 'south' })).toEqual([]);
    expect(await store().listChannels({})).toEqual([channel]);
    expect(await store().disableChannel('ch-1', 2)).toBe(true);
    expect(await store().disableChannel('ch-1', 3)).toBe(false);

    const route = { id: 'r1', schoolId: 'north', category: 'misuse' as const, role: 'dsl' as const, minSeverity: 'warning', step: 1 as const, createdAt: 1 };
    await store().createRoute(route);
    expect(await store().listRoutes('north')).toEqual([route]);
    expect(await store().deleteRoute('r1')).toBe(true);
    expect(await store().deleteRoute('r1')).toBe(false);

    const settings = { schoolId: 'north', escalateAfterMinutes: 15, floodLimit: 5, floodWindowMinutes: 10 };
    await store().putSchoolAlertSettings(settings);
    await store().putSchoolAlertSettings({ ...settings, floodLimit: 6 });
    expect(await store().getSchoolAlertSettings('north')).toEqual({ ...settings, floodLimit: 6 });

    for (const [id, due] of [['n1', 100], ['n2', 50], ['n3', 500]] as const) await store().enqueueNotification(notification(id, { nextAttemptAt: due }));
    expect(await store().getNotification('n1')).toEqual(notification('n1'));
    const other = await engine.openAnother();
    // Two dispatchers claiming at once never take the same notification.
    const claims = await Promise.all([
      store().claimDueNotifications({ claimant: 'a', now: 200, leaseMs: 60, limit: 10 }),
      other.claimDueNotifications({ claimant: 'b', now: 200, leaseMs: 60, limit: 10 }),
    ]);
    expect(claims.flat().map((n) => n.id).sort()).toEqual(['n1', 'n2']);
    expect(claims.flat().every((n) => n.status === 'sending' && n.attempts === 1 && n.claimUntil === 260)).toBe(true);
    const owner = (id: string): string => (claims[0].some((n) => n.id === id) ? 'a' : 'b');
    expect(await store().markNotificationSent('n1', owner('n1'), 300)).toBe(true);
    expect(await store().markNotificationFailed('n2', owner('n2'), 'relay down', 400)).toBe(true);
    expect(await store().getNotification('n2')).toMatchObject({ status: 'pending', lastError: 'relay down', nextAttemptAt: 400, claimedBy: null, claimUntil: null });
    expect(await store().getNotification('n1')).toMatchObject({ status: 'sent', sentAt: 300, claimedBy: null, claimUntil: null });
    await store().claimDueNotifications({ claimant: 'a', now: 500, leaseMs: 60, limit: 10 });
    expect(await store().markNotificationFailed('n3', 'a', 'gone', null)).toBe(true);
    expect((await store().listNotifications({ statuses: ['sent', 'failed'], limit: 10 })).map((n) => n.id)).toEqual(['n3', 'n1']);
    expect((await store().listNotifications({ limit: 2, before: { createdAt: 10, id: 'n3' } })).map((n) => n.id)).toEqual(['n2', 'n1']);
    expect(await store().listNotifications({ schoolIds: ['south'], limit: 10 })).toEqual([]);
    expect(await store().deleteNotificationsBefore('north', 11)).toBe(2);

    await store().createPerson(person('p1', 'a@north.sch.uk'));
    await store().setDigestSubscription('p1', { atTime: '07:30', timeZone: 'Europe/London' });
    expect(await store().markDigestSent('p1', '2026-12-01')).toBe(true);
    expect(await store().markDigestSent('p1', '2026-12-01')).toBe(false);
    expect(await store().listDigestSubscriptions()).toEqual([{ personId: 'p1', atTime: '07:30', timeZone: 'Europe/London', lastSentOn: '2026-12-01' }]);
    await expect(store().setDigestSubscription('p1', { atTime: '7:30pm', timeZone: 'Europe/London' })).rejects.toMatchObject({ code: 'STORE_FAILED' });
    await store().setDigestSubscription('p1', null);
    expect(await store().listDigestSubscriptions()).toEqual([]);
  });

  it('enrolment guards: limits, counts, identities, holds, flags', async () => {
    expect(await store().getEnrolmentLimits('north')).toEqual({ perHour: 100, total: 3000 });
    await store().setEnrolmentLimits('north', { perHour: 2, total: 10 });
    expect(await store().getEnrolmentLimits('north')).toEqual({ perHour: 2, total: 10 });
    const device = { schoolId: 'north', facts: { hardwareSerial: 'SN-9' }, credentialHash: 'c', lastSeenAt: null, revokedAt: null };
    await store().createDevice({ ...device, id: 'd2', hostname: 'LAB-02', enrolledAt: 50 });
    await store().createDevice({ ...device, id: 'd3', hostname: 'lab-03', enrolledAt: 60, facts: {} });
    expect(await store().countEnrolments('north', 50)).toEqual({ since: 50, sinceCount: 2, total: 3 });
    expect((await store().findDevicesByIdentity('north', 'lab-02', '')).map((d) => d.id)).toEqual(['d2']);
    expect((await store().findDevicesByIdentity('north', '', 'SN-9')).map((d) => d.id)).toEqual(['d2']);
    expect(await store().findDevicesByIdentity('north', '', '')).toEqual([]);
    expect(await store().findDevicesByIdentity('south', 'lab-02', 'SN-9')).toEqual([]);
    await store().flagDuplicate('d3', 'd2', 'gave the host name');
    expect(await store().getDevice('d3')).toMatchObject({ duplicateOf: 'd2', duplicateReason: 'gave the host name' });
    expect(await store().confirmDevice('d3')).toBe(true);
    expect(await store().confirmDevice('d3')).toBe(false);
    await store().setHoldNewDevices('north', true);
    await store().setHoldNewDevices('north', true);
    expect(await store().getHoldNewDevices('north')).toBe(true);
    await store().createDevice({ ...device, id: 'd4', hostname: 'lab-04', enrolledAt: 70, heldSince: 70 });
    expect(await store().approveDevice('d4')).toBe(true);
    expect(await store().approveDevice('d4')).toBe(false);
    await store().setHoldNewDevices('north', false);
    expect(await store().getHoldNewDevices('north')).toBe(false);
  });

  it('the Google Admin connector: settings, sync state, devices, links and its own numbers', async () => {
    const settings = { schoolId: 'north', customerId: 'C0', serviceAccountFile: '/etc/sa.json', adminEmail: 'admin@north', orgUnitPath: null, apiBase: null, connectedAt: 1 };
    await store().putChromeosSettings(settings);
    await store().recordChromeosSyncFailed('north', 5, 'CHROMEOS_ACCESS_REFUSED', 'Refused.');
    expect(await store().getChromeosConnection('north')).toEqual({
      ...settings, lastSyncAt: null, lastFullSyncAt: null, lastErrorCode: 'CHROMEOS_ACCESS_REFUSED', lastError: 'Refused.', lastErrorAt: 5,
      telemetryReadUntil: null, deviceCount: 0,
    });
    await store().recordChromeosTelemetryRead('north', 50);
    await store().recordChromeosTelemetryRead('north', 40); // never moves back
    expect((await store().getChromeosConnection('north'))?.telemetryReadUntil).toBe(50);
    await store().recordChromeosSyncDone('north', 6, true);
    await store().recordChromeosSyncDone('north', 7, false);
    expect(await store().getChromeosConnection('north')).toMatchObject({ lastSyncAt: 7, lastFullSyncAt: 6, lastErrorCode: null });
    await store().upsertChromeosDevices([
      { schoolId: 'north', directoryDeviceId: 'dir-1', record: { serial: 'A' }, readAt: 8 },
      { schoolId: 'north', directoryDeviceId: 'dir-2', record: { serial: 'B' }, readAt: 8 },
    ]);
    await store().upsertChromeosDevices([{ schoolId: 'north', directoryDeviceId: 'dir-1', record: { serial: 'A2' }, readAt: 9 }]);
    await store().linkChromeosDevice('north', 'dir-1', 'north-dev', 10);
    await store().linkChromeosDevice('north', 'dir-3', 'south-dev', 10); // the extension enrolled first
    await store().linkChromeosDevice('north', 'dir-1', 'south-dev', 11); // a joined Chromebook keeps its device
    expect(await store().getChromeosDevice('north', 'dir-1')).toEqual({
      schoolId: 'north', directoryDeviceId: 'dir-1', record: { serial: 'A2' }, readAt: 9, deviceId: 'north-dev', connectorSeq: 0,
    });
    expect((await store().listChromeosDevices('north')).map((d) => [d.directoryDeviceId, d.deviceId])).toEqual([
      ['dir-1', 'north-dev'], ['dir-2', null], ['dir-3', 'south-dev'],
    ]);
    expect((await store().listChromeosConnections()).map((c) => c.deviceCount)).toEqual([2]);
    const base = 2 ** 40;
    const taken = await Promise.all([store().takeConnectorSeqs('north', 'dir-1', 5, base), store().takeConnectorSeqs('north', 'dir-1', 5, base)]);
    expect(taken.sort()).toEqual([base + 1, base + 6]);
    await store().setChromebookCredential('north-dev', 'new-hash', { hostname: 'CB-1', facts: { hostname: 'CB-1' } }, 20);
    expect(await store().getDevice('north-dev')).toMatchObject({ credentialHash: 'new-hash', hostname: 'CB-1', lastSeenAt: 20 });
    await store().putChromeosSettings({ ...settings, customerId: 'C1', connectedAt: 30 });
    expect(await store().getChromeosConnection('north')).toMatchObject({ customerId: 'C1', lastSyncAt: null, lastFullSyncAt: null, telemetryReadUntil: null });
  });
});
