// The extension and the connector join on the directory device id over a real collector: one Chromebook, one device.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CHECK_NAMES } from '@invigilator/shared/checks.ts';
import { MisuseKind, Platform, type Frame } from '@invigilator/shared/wire.ts';
import { readChromebookRecord } from '../../../src/connectors/chromeos/chromebook-record.ts';
import { recordChromebook } from '../../../src/connectors/chromeos/chromebook-devices.ts';
import { addSchool } from '../../../src/schools.ts';
import { connectAgent } from '../../helpers/agent-client.ts';
import { startTestCollector, type TestCollector } from '../../helpers/collector.ts';
import { chromeosFixture } from '../../helpers/google-admin-server.ts';

let collector: TestCollector;
let secret: string;
const resource = chromeosFixture('directory-chromeosdevice.2-active-verified.json');
const chromebook = readChromebookRecord(resource);
const DIRECTORY_ID = 'a7f3c2e1-9b4d-4e8a-b1c6-2d5f8e9a0b13';

const extensionFacts = { hostname: 'NP-CB-0142', platform: Platform.PLATFORM_CHROMEOS, osName: 'ChromeOS', osVersion: '130.0.6723.126',
  agentVersion: '0.1.0-extension', hardwareSerial: '5CD1234XYZ', directoryDeviceId: DIRECTORY_ID, assetId: 'NP-CB-0142' };

const connectorReads = async (): Promise<string> => {
  if (!chromebook) throw new Error('fixture without deviceId');
  const now = Date.now();
  await collector.store.upsertChromeosDevices([{ schoolId: 'north', directoryDeviceId: DIRECTORY_ID, record: { ...chromebook }, readAt: now }]);
  return (await collector.store.transaction((tx) => recordChromebook(tx, 'north', chromebook, now))).id;
};

const extensionEnrols = async (): Promise<{ deviceId: string; deviceCredential: string }> => {
  const agent = await connectAgent(collector.agentUrl);
  agent.send({ enrolRequest: { enrolmentSecret: secret, facts: extensionFacts } });
  const { deviceId, deviceCredential } = (await agent.next()).enrolResponse ?? {};
  await agent.closed;
  if (!deviceId || !deviceCredential) throw new Error('no credential');
  return { deviceId, deviceCredential };
};

const extensionReportsStick = async (device: { deviceId: string; deviceCredential: string }): Promise<void> => {
  const agent = await connectAgent(collector.agentUrl);
  agent.send({ hello: { deviceId: device.deviceId, deviceCredential: device.deviceCredential, facts: extensionFacts } });
  expect(Number((await agent.next()).welcome?.committedSeq)).toBe(0); // the connector's series is not the extension's
  const batch: Frame = { batch: { events: [{ seq: 1, occurredAtMs: Date.now(),
    misuse: { kind: MisuseKind.MEDIA_ATTACHED, device: { label: 'KINGSTON', bus: 'usb', sizeBytes: 15_500_000_000 } } }] } };
  agent.send(batch);
  const reply = await agent.next();
  expect(reply.error, JSON.stringify(reply)).toBeFalsy();
  expect(Number(reply.ack?.upToSeq)).toBe(1);
  agent.socket.close();
  await agent.closed;
};

beforeEach(async () => {
  collector = await startTestCollector();
  secret = await addSchool(collector.store, { id: 'north', name: 'North Primary' }, Date.now());
});
afterEach(async () => {
  await collector.cleanUp();
});

it('the extension enrolling on a Chromebook the connector knows takes over that device, and its stick alerts on it', async () => {
  const connectorDeviceId = await connectorReads();
  const enrolled = await extensionEnrols();
  expect(enrolled.deviceId).toBe(connectorDeviceId);
  await extensionReportsStick(enrolled);
  const devices = await collector.store.listDevices({ schoolId: 'north' });
  expect(devices).toHaveLength(1);
  expect(devices[0]?.facts).toMatchObject({ directoryDeviceId: DIRECTORY_ID, agentVersion: '0.1.0-extension', chromeos: { bootMode: 'verified' } });
  const [alert] = await collector.store.listAlerts({ schoolId: 'north', categories: ['misuse'], limit: 10 });
  expect(alert).toMatchObject({ deviceId: connectorDeviceId, status: 'open' });
  // Its verdicts are still the connector's, one per check.
  expect(await collector.store.listVerdicts(connectorDeviceId)).toHaveLength(CHECK_NAMES.length);
});

it('the connector reading a Chromebook whose extension enrolled first joins the extension\'s device', async () => {
  const enrolled = await extensionEnrols();
  expect((await collector.store.getChromeosConnection('north'))).toBeUndefined();
  const connectorDeviceId = await connectorReads();
  expect(connectorDeviceId).toBe(enrolled.deviceId);
  expect(await collector.store.listDevices({ schoolId: 'north' })).toHaveLength(1);
  // The extension still holds a good credential after the connector's refresh.
  await extensionReportsStick(enrolled);
});

it('a Chromebook re-enrolled after a Powerwash keeps its device; the old credential stops working', async () => {
  const first = await extensionEnrols();
  const second = await extensionEnrols();
  expect(second.deviceId).toBe(first.deviceId);
  const agent = await connectAgent(collector.agentUrl);
  agent.send({ hello: { deviceId: first.deviceId, deviceCredential: first.deviceCredential } });
  expect((await agent.closed).reason).toMatch(/AUTH_FAILED/);
});
