// From a device to a person: the real collector and this machine's real agent as
// processes, a real ext4 image loop-mounted under /media as a memory stick.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, waitFor } from '../support/processes.ts';
import { misuseEvents, startLine, type Line, type PresentedAlert, type PresentedDevice } from '../support/line.ts';
import { mountUsbStick, type UsbStick } from '../support/usb-stick.ts';

const CHECKS = ['encryption', 'antivirus', 'firewall', 'password-policy', 'removable-media', 'screen-lock'];
const VERDICTS = ['pass', 'fail', 'unknown', 'not_applicable'];
const suffix = randomBytes(3).toString('hex');
const label = `STICK${suffix}`.toUpperCase();
const user = `pupil-${suffix}`;

describe('the whole line, from this machine to the people who act', () => {
  let line: Line;
  let stick: UsbStick | undefined;

  beforeAll(async () => { line = await startLine('full-line'); });
  afterAll(async () => {
    stick?.destroy();
    await line?.stop();
  });

  it('shows this machine with a verdict for each of the six checks', async () => {
    const device = await waitFor('six verdicts', async () => {
      const { body } = await api<{ devices: PresentedDevice[] }>(line.collector, line.tokens.technician, '/api/v1/devices');
      const found = body.devices[0];
      return found && Object.keys(found.checks).length === 6 ? found : undefined;
    }, 60_000);
    expect(Object.keys(device.checks).sort()).toEqual([...CHECKS].sort());
    for (const check of CHECKS) {
      expect(VERDICTS, check).toContain(device.checks[check]!.status);
      expect(device.checks[check]!.clause.text.length, `${check} quotes its clause`).toBeGreaterThan(0);
    }
    // This machine's root is /dev/vda, unencrypted, and it has no anti-virus: facts the policy fails.
    expect(device.checks.encryption).toMatchObject({ status: 'fail' });
    expect(device.checks.encryption!.reason).toContain('/');
    expect(device.checks.antivirus).toMatchObject({ status: 'fail' });
    // No desktop sign-in is installed here: nothing to lock.
    expect(device.checks['screen-lock']).toMatchObject({ status: 'not_applicable', reasonCode: 'NO_DESKTOP' });
  });

  it('raises a misuse alert for the DSL within seconds of a stick being mounted', async () => {
    stick = mountUsbStick({ mountRoot: line.mediaRoot, user, label });
    const alert = await waitFor('a misuse alert naming the stick', async () => {
      const { body } = await api<{ alerts: PresentedAlert[] }>(line.collector, line.tokens.dsl, '/api/v1/alerts?category=misuse');
      return body.alerts.find((candidate) => JSON.stringify(candidate.detail).includes(label));
    }, 30_000);
    expect(alert).toMatchObject({ category: 'misuse', status: 'open' });
    expect(JSON.stringify(alert.detail)).toContain(user);

    const events = await line.allEvents('dsl');
    const attached = misuseEvents(events, 'MEDIA_ATTACHED').find((event) => JSON.stringify(event.payload).includes(label));
    expect(attached?.payload).toMatchObject({ device: { label, filesystem: 'ext4', device: stick.device } });
  });

  it('shows misuse to the DSL and network manager only, and audits every view', async () => {
    const technician = await api(line.collector, line.tokens.technician, '/api/v1/alerts?category=misuse');
    expect(technician.status).toBe(403);
    expect(technician.body).toMatchObject({ error: { code: 'API_FORBIDDEN' } });
    const technicianAll = await api<{ alerts: PresentedAlert[] }>(line.collector, line.tokens.technician, '/api/v1/alerts');
    expect(technicianAll.body.alerts.filter((alert) => alert.category === 'misuse')).toEqual([]);
    const technicianEvents = await line.allEvents('technician');
    expect(technicianEvents.filter((event) => event.kind === 'misuse')).toEqual([]);
    // What a technician reads about this device (verdicts, posture alerts, observations) names neither the stick nor the pupil.
    const technicianDevices = await api(line.collector, line.tokens.technician, '/api/v1/devices');
    const technicianSees = JSON.stringify([technicianDevices.body, technicianAll.body, technicianEvents]);
    for (const secret of [label, user, stick!.mountPoint]) expect(technicianSees).not.toContain(secret);
    expect((await api(line.collector, line.tokens.governor, '/api/v1/alerts')).status).toBe(403);
    const manager = await api<{ alerts: PresentedAlert[] }>(line.collector, line.tokens['network-manager'], '/api/v1/alerts?category=misuse');
    expect(manager.body.alerts.length).toBeGreaterThan(0);
    const dslDevices = await api(line.collector, line.tokens.dsl, '/api/v1/devices');
    expect(dslDevices.status).toBe(403);

    const audit = await api<{ entries: Array<{ roles: string[]; action: string }> }>(line.collector, line.tokens.admin, '/api/v1/audit');
    expect(audit.body.entries.some((entry) => entry.roles.includes('dsl') && /misuse/.test(entry.action))).toBe(true);
    expect(audit.body.entries.some((entry) => entry.roles.includes('network-manager'))).toBe(true);
  });

  it('reports a file copied onto the stick', async () => {
    stick!.writeFile('coursework.txt', 4096);
    const written = await waitFor('a FILE_WRITTEN event', async () =>
      misuseEvents(await line.allEvents('dsl'), 'FILE_WRITTEN').find((event) => JSON.stringify(event.payload).includes('coursework.txt')));
    expect(written.payload).toMatchObject({ file: { name: 'coursework.txt', sizeBytes: 4096 } });
  });

  it('reports the stick removed', async () => {
    stick!.unmount();
    const detached = await waitFor('a MEDIA_DETACHED event', async () =>
      misuseEvents(await line.allEvents('dsl'), 'MEDIA_DETACHED').find((event) => JSON.stringify(event.payload).includes(label)));
    expect(detached.payload).toMatchObject({ device: { label } });
  });
});
