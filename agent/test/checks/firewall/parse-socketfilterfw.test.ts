import { describe, expect, it } from 'vitest';
import { parseSocketfilterfwApps, parseSocketfilterfwState } from '../../../src/checks/firewall/parse-socketfilterfw.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

describe('parseSocketfilterfwState', () => {
  it.each([
    // State = 2 here comes with stealth on; block-all is its own line and is off.
    ['socketfilterfw-combined.1.txt', { enabled: true, stateNumber: 2, blockAll: false, stealth: true }],
    // Two commands without --getstealthmode: stealth is not known.
    ['socketfilterfw-state.2-off.txt', { enabled: false, stateNumber: 0, blockAll: false, stealth: undefined }],
  ])('reads the real capture %s', (name, expected) => {
    expect(parseSocketfilterfwState(macosFixture(name))).toEqual({ ok: true, value: expected });
  });

  const on = macosFixture('socketfilterfw-combined.1.txt');
  it.each([
    ['State = 1, newer stealth wording', on.replace('State = 2', 'State = 1').replace('Stealth mode enabled', 'Firewall stealth mode is off'), { enabled: true, stateNumber: 1, blockAll: false, stealth: false }],
    ['block all on', on.replace('set to disabled', 'set to enabled'), { enabled: true, stateNumber: 2, blockAll: true, stealth: true }],
    ['CRLF line ends', on.replace(/\n/g, '\r\n'), { enabled: true, stateNumber: 2, blockAll: false, stealth: true }],
  ])('reads a variant derived from the real capture: %s', (_name, text, expected) => {
    expect(parseSocketfilterfwState(text)).toEqual({ ok: true, value: expected });
  });

  const macos13Off = macosFixture('socketfilterfw-getblockall.3-macos13-disabled.txt');
  const blockAllOn = macosFixture('socketfilterfw-getblockall.4-on-no-state-word.txt');
  it.each([
    ['macOS 13 "Block all DISABLED! " with stealth in the 13 wording', `Firewall is enabled. (State = 1)\n${macos13Off}Stealth mode disabled\n`, { enabled: true, stateNumber: 1, blockAll: false, stealth: false }],
    ['"Block all ENABLED!"', `Firewall is enabled. (State = 1)\n${macos13Off.replace('DISABLED', 'ENABLED')}`, { enabled: true, stateNumber: 1, blockAll: true, stealth: undefined }],
    ['block-all on with no state word', `Firewall is enabled. (State = 1)\n${blockAllOn}Firewall stealth mode is on\n`, { enabled: true, stateNumber: 1, blockAll: true, stealth: true }],
    ['allow-signed lines without a full stop', `${on.replace(/ENABLED\./g, 'ENABLED')}`, { enabled: true, stateNumber: 2, blockAll: false, stealth: true }],
  ])('reads the per-release forms of --getblockall (real lines, see their source notes): %s', (_name, text, expected) => {
    expect(parseSocketfilterfwState(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['empty', '', 'OUTPUT_UNRECOGNISED'],
    ['cut after the first line', on.split('\n')[0] ?? '', 'OUTPUT_TRUNCATED'],
    ['localised', 'Le coupe-feu est activé. (État = 1)\n', 'OUTPUT_UNRECOGNISED'],
    ['an unknown line', `${on}Firewall has a new switch.\n`, 'OUTPUT_UNRECOGNISED'],
  ])('refuses %s', (_name, text, code) => {
    expect(parseSocketfilterfwState(text)).toMatchObject({ ok: false, code });
  });
});

describe('parseSocketfilterfwApps', () => {
  it('reads the real full listing: allowed and blocked apps', () => {
    const result = parseSocketfilterfwApps(macosFixture('socketfilterfw-listapps.3-full.txt'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toHaveLength(9);
    expect(result.value[0]).toEqual({ path: '/usr/libexec/sshd-session', allowIncoming: false });
    expect(result.value.filter((app) => app.allowIncoming).map((app) => app.path)).toContain('/usr/sbin/smbd');
  });

  it('reads the spaced "( Allow incoming connections )" form and an empty list (derived)', () => {
    const spaced = macosFixture('socketfilterfw-listapps.3-full.txt').replace(/\((Allow|Block) incoming connections\)/g, '( $1 incoming connections )');
    expect(parseSocketfilterfwApps(spaced)).toMatchObject({ ok: true, value: { length: 9 } });
    expect(parseSocketfilterfwApps('Total number of apps = 0\n')).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['the real listing cut by head -2', macosFixture('socketfilterfw-listapps.2-head.txt'), 'OUTPUT_TRUNCATED'],
    ['the condensed "(state: N)" form of another tool', macosFixture('socketfilterfw-listapps.1.txt'), 'OUTPUT_UNRECOGNISED'],
    ['the full listing without its last line (derived)', macosFixture('socketfilterfw-listapps.3-full.txt').trimEnd().split('\n').slice(0, -1).join('\n'), 'OUTPUT_TRUNCATED'],
    ['empty', '', 'OUTPUT_UNRECOGNISED'],
  ])('refuses %s', (_name, text, code) => {
    expect(parseSocketfilterfwApps(text)).toMatchObject({ ok: false, code });
  });
});
