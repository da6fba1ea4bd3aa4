// macOS: Gatekeeper and XProtect's automatic updates switched off, and the Wi-Fi network
// from wdutil (whose name macOS may hide), on captured output.
import { describe, expect, it } from 'vitest';
import { MisuseKind, type MisuseEvent } from '@invigilator/shared/wire.ts';
import type { SourceProvider } from '../../../src/checks/types.ts';
import { macosSafeguardProbes, parseConfigDataInstall, parseSpctlStatus } from '../../../src/watchers/misuse/macos-safeguards.ts';
import { parseWdutilWifi } from '../../../src/watchers/misuse/parse-wdutil-wifi.ts';
import { createSafeguardWatch } from '../../../src/watchers/misuse/safeguard-watch.ts';
import { wifiBreaksPolicy } from '../../../src/watchers/misuse/wifi-watch.ts';
import { captureLogger } from '../../helpers/capture-logger.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

describe('Gatekeeper and XProtect updates', () => {
  it('spctl --status, and another language is not known', () => {
    expect(parseSpctlStatus(macosFixture('spctl-status.2-enabled.txt'))).toBe(true);
    expect(parseSpctlStatus(macosFixture('spctl-status.1-disabled.txt'))).toBe(false);
    expect(parseSpctlStatus('évaluations désactivées\n')).toBeUndefined();
  });

  it('ConfigDataInstall: 0 is off, not set is macOS\'s default (on)', () => {
    expect(parseConfigDataInstall('0\n', 0)).toBe(false);
    expect(parseConfigDataInstall('1\n', 0)).toBe(true);
    expect(parseConfigDataInstall('', 1)).toBe(true);
    expect(parseConfigDataInstall('', null)).toBeUndefined();
  });

  it('Gatekeeper switched off while the agent runs is a safeguard switched off', async () => {
    let gatekeeper = macosFixture('spctl-status.2-enabled.txt');
    const provider: SourceProvider = { read: (spec) => Promise.resolve({
      id: spec.id, exitCode: spec.id === 'macos.spctl-status' ? 0 : 1, stdout: spec.id === 'macos.spctl-status' ? gatekeeper : '', stderr: '', durationMs: 0,
    }) };
    const events: MisuseEvent[] = [];
    const probes = macosSafeguardProbes(provider).map((probe) => ({ ...probe, pollMs: 50 }));
    const watch = createSafeguardWatch({ probes, emit: (event) => events.push(event), currentUser: () => Promise.resolve('pupil7'), logger: captureLogger().logger });
    await watch.start();
    try {
      gatekeeper = macosFixture('spctl-status.1-disabled.txt');
      for (let tries = 0; events.length === 0 && tries < 100; tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await watch.stop();
    }
    expect(events).toEqual([expect.objectContaining({
      kind: MisuseKind.SAFEGUARD_DISABLED, user: 'pupil7', subject: 'Gatekeeper',
      detail: 'Gatekeeper was switched off: spctl reports "assessments disabled": apps from anywhere can now be opened',
    })]);
  });
});

describe('wdutil info', () => {
  it('a secured network whose name macOS hides is not reported, even where the school lists its networks', () => {
    const parsed = parseWdutilWifi(macosFixture('wdutil-info.1-wpa2-redacted.txt'));
    expect(parsed).toEqual({ ok: true, value: { ssid: '(name hidden by macOS)', nameHidden: true, open: false } });
    if (parsed.ok) expect(wifiBreaksPolicy(parsed.value, ['Oakfield-Pupils'])).toBeUndefined();
  });

  it('an open network is reported with or without its name (derived from the capture: Security None)', () => {
    const open = parseWdutilWifi(macosFixture('wdutil-info.1-wpa2-redacted.txt').replace('WPA2 Personal', 'None'));
    expect(open.ok && wifiBreaksPolicy(open.value, [])).toEqual({ open: true });
    const named = parseWdutilWifi(macosFixture('wdutil-info.1-wpa2-redacted.txt').replace('SSID                 : <redacted>', 'SSID                 : Cafe Free WiFi'));
    expect(named).toEqual({ ok: true, value: { ssid: 'Cafe Free WiFi', open: false } });
    expect(parseWdutilWifi('wdutil: must be run as root\n')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});
