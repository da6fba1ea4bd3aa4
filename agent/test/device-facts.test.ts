import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { Platform } from '@invigilator/shared/wire.ts';
import { AGENT_VERSION } from '../src/agent-version.ts';
import type { SourceProvider } from '../src/checks/types.ts';
import { gatherDeviceFacts } from '../src/device-facts.ts';
import { DMI_MODEL, DMI_SERIAL, linuxFacts, OS_RELEASE } from '../src/device-facts/linux.ts';
import { IOREG_PLATFORM, macosFacts, SW_VERS } from '../src/device-facts/macos.ts';
import { absent, collectedFrom, linuxFixture, ran } from './checks/collected-from.ts';
import { captureLogger } from './helpers/capture-logger.ts';
import { macosFixture } from './helpers/macos-fixture.ts';

describe('device facts', () => {
  it('names this device from the system, with the agent version, and no warning for a firmware table that is not there', async () => {
    const capture = captureLogger();
    const facts = await gatherDeviceFacts('linux', capture.logger);
    // Containers and some VMs have no /sys/class/dmi: normal, not worth a warning on every start.
    expect(capture.withCode('COMMAND_NOT_FOUND')).toEqual([]);
    expect(facts).toMatchObject({ hostname: os.hostname(), platform: Platform.PLATFORM_LINUX, agentVersion: AGENT_VERSION });
    expect(facts.osName).not.toBe('');
    expect(facts.hardwareSerial).not.toBe('-');
  });

  it('returns partial facts instead of waiting when a source is slow', async () => {
    const capture = captureLogger();
    const never: SourceProvider = { read: () => new Promise(() => undefined) };
    const started = Date.now();
    const facts = await gatherDeviceFacts('macos', capture.logger, 50, never);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(facts).toMatchObject({ hostname: os.hostname(), platform: Platform.PLATFORM_MACOS, osName: os.type(), osVersion: os.release(), hardwareSerial: '' });
    expect(capture.lines().some((line) => /not available in time/.test(String(line.msg)))).toBe(true);
  });
});

describe('linux device facts', () => {
  it('reads the distribution from os-release; no DMI table (a container) leaves model and serial empty', () => {
    const facts = linuxFacts.interpret(collectedFrom({
      [OS_RELEASE.id]: ran(linuxFixture('os-release.devmachine-debian12.txt')), [DMI_SERIAL.id]: absent(), [DMI_MODEL.id]: absent(),
    }));
    expect(facts).toEqual({ osName: 'Debian GNU/Linux', osVersion: '12', hardwareSerial: '', hardwareModel: '' });
  });

  it('takes model and serial from the firmware, and ignores a manufacturer\'s placeholder', () => {
    const facts = linuxFacts.interpret(collectedFrom({
      [OS_RELEASE.id]: ran(linuxFixture('os-release.devmachine-debian12.txt')),
      [DMI_SERIAL.id]: ran('To Be Filled By O.E.M.\n'), [DMI_MODEL.id]: ran('Latitude 5420\n'),
    }));
    expect(facts).toMatchObject({ hardwareSerial: '', hardwareModel: 'Latitude 5420' });
  });
});

describe('macos device facts', () => {
  it.each([
    ['sw_vers.1-rapid-security-response.txt', 'ioreg-platform-expert.1-apple-silicon.txt',
      { osName: 'macOS', osVersion: '14.4.1 (a)', hardwareSerial: 'HDWLIF2LM7', hardwareModel: 'MacBookPro18,1' }],
    ['sw_vers.2-plain.txt', 'ioreg-platform-expert.2-intel.txt',
      { osName: 'macOS', osVersion: '14.6.1', hardwareSerial: 'C020000MFF00', hardwareModel: 'MacBookPro10,1' }],
  ])('%s with %s', (swVers, ioreg, expected) => {
    expect(macosFacts.interpret(collectedFrom({ [SW_VERS.id]: ran(macosFixture(swVers)), [IOREG_PLATFORM.id]: ran(macosFixture(ioreg)) }))).toEqual(expected);
  });

  it('leaves out what a tool that failed would have said', () => {
    expect(macosFacts.interpret(collectedFrom({ [SW_VERS.id]: absent(), [IOREG_PLATFORM.id]: ran('', { exitCode: 1 }) })))
      .toEqual({ osName: '', osVersion: '', hardwareSerial: '', hardwareModel: '' });
  });
});
