import { describe, expect, it } from 'vitest';
import { parseSipStatus } from '../../../src/checks/antivirus/parse-sip-status.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

// Real `csrutil status` outputs (see each .source.txt); the damaged cases are cut from them here.
const ENABLED = macosFixture('csrutil-status.1-enabled.txt');
const DISABLED = macosFixture('csrutil-status.2-disabled.txt');
const CUSTOM_NVRAM = macosFixture('csrutil-status.3-custom-nvram.txt');
const CUSTOM_DTRACE = macosFixture('csrutil-status.4-custom-dtrace-spaces.txt');

describe('parseSipStatus on real outputs', () => {
  it.each([
    ['fully on', ENABLED, { state: 'enabled' }],
    ['switched off', DISABLED, { state: 'disabled' }],
    ['custom configuration (Sonoma, tab-indented): NVRAM and boot-args off', CUSTOM_NVRAM, { state: 'custom', off: ['NVRAM Protections', 'Boot-arg Restrictions'] }],
    ['custom configuration (older release, space-indented): DTrace off', CUSTOM_DTRACE, { state: 'custom', off: ['DTrace Restrictions'] }],
  ])('%s', (_name, text, status) => {
    expect(parseSipStatus(text)).toEqual({ ok: true, value: status });
  });

  it('reads the older "enabled (Custom Configuration)" headline as a custom configuration too', () => {
    const older = CUSTOM_DTRACE.replace('unknown (Custom Configuration)', 'enabled (Custom Configuration)');
    expect(parseSipStatus(older)).toEqual({ ok: true, value: { state: 'custom', off: ['DTrace Restrictions'] } });
  });

  it('accepts Windows line endings and no final newline', () => {
    expect(parseSipStatus(ENABLED.trim())).toMatchObject({ ok: true, value: { state: 'enabled' } });
    expect(parseSipStatus(CUSTOM_NVRAM.replace(/\n/g, '\r\n'))).toMatchObject({ ok: true, value: { state: 'custom' } });
  });
});

describe('parseSipStatus refuses what it cannot vouch for', () => {
  it.each([
    ['another sentence', 'csrutil: This tool needs to be executed from Recovery OS.\n', 'OUTPUT_UNRECOGNISED'],
    ['the headline without its full stop', ENABLED.replace('.\n', '\n'), 'OUTPUT_UNRECOGNISED'],
    ['a plain "enabled" followed by more lines', `${ENABLED}Configuration:\n\tKext Signing: disabled\n`, 'OUTPUT_UNRECOGNISED'],
    ['"unknown" without a custom configuration', 'System Integrity Protection status: unknown.\n', 'OUTPUT_UNRECOGNISED'],
    ['a custom configuration cut before its list', CUSTOM_NVRAM.slice(0, CUSTOM_NVRAM.indexOf('Configuration:')), 'OUTPUT_TRUNCATED'],
    ['a protection line in another form', CUSTOM_NVRAM.replace('NVRAM Protections: disabled', 'NVRAM Protections: désactivé'), 'OUTPUT_UNRECOGNISED'],
  ])('%s', (_name, text, code) => {
    const result = parseSipStatus(text);
    expect(result).toMatchObject({ ok: false, code });
    expect(!result.ok && result.reason).toMatch(/macos\.csrutil-status/);
  });
});
