import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_SETTINGS } from '../../src/agent-config.ts';
import { InvigilatorError } from '../../src/errors.ts';
import { DEFAULT_POLICY_PACK } from '../../src/policy/default-pack.ts';
import { agentSettingsFor, loadPolicyPackFile, validatePolicyPack } from '../../src/policy/validate.ts';
import { REMOVE, defaultPackWith } from './pack-edits.ts';

const EXAMPLE_PATH = path.resolve(import.meta.dirname, '../../../docs/examples/policy-pack.example.json');

const problemsOf = (input: unknown, source?: string): InvigilatorError => {
  try {
    validatePolicyPack(input, source);
  } catch (error) {
    return error as InvigilatorError;
  }
  throw new Error('expected the pack to be refused');
};

describe('validatePolicyPack refuses a bad field, naming its path', () => {
  it.each([
    ['bad type', ['checks', 'antivirus', 'maxSignatureAgeHours'], 'abc',
      'checks.antivirus.maxSignatureAgeHours must be a positive number (got "abc")'],
    ['number as text', ['availability', 'silentAfterHours'], '72', 'availability.silentAfterHours must be a positive number (got "72")'],
    ['zero hours', ['checks', 'antivirus', 'maxSignatureAgeHours'], 0, 'checks.antivirus.maxSignatureAgeHours must be a positive number (got 0)'],
    ['boolean as text', ['checks', 'encryption', 'required'], 'yes', 'checks.encryption.required must be true or false (got "yes")'],
    ['fractional length', ['checks', 'passwordPolicy', 'minLength'], 7.5,
      'checks.passwordPolicy.minLength must be a whole number from 1 to 256 (got 7.5)'],
    ['too many classes', ['checks', 'passwordPolicy', 'minCharacterClasses'], 5,
      'checks.passwordPolicy.minCharacterClasses must be a whole number from 1 to 4 (got 5)'],
    ['expiry of 0 days', ['checks', 'passwordPolicy', 'maxAgeDays'], 0,
      'checks.passwordPolicy.maxAgeDays must be a whole number from 1 to 3650, or null for no forced expiry (got 0)'],
    ['maximum below minimum', ['checks', 'passwordPolicy', 'maxLength'], 6,
      'checks.passwordPolicy.maxLength (6) must not be below checks.passwordPolicy.minLength (8)'],
    ['unknown key in a check', ['checks', 'antivirus', 'maxAgeHours'], 24,
      'checks.antivirus.maxAgeHours is not a known setting (known here: required, maxSignatureAgeHours, maxSignatureAgeHoursByProduct, requireRealtimeProtection, chromeosMaxVersionsBehind, clause)'],
    ['unknown top-level key', ['routing'], {}, 'routing is not a known setting'],
    ['unknown check', ['checks', 'webcamCover'], { required: true }, 'checks.webcamCover is not a known setting'],
    ['screen-lock wait of zero', ['checks', 'screenLock', 'maxIdleMinutes'], 0, 'checks.screenLock.maxIdleMinutes must be a whole number from 1 to 1440 (got 0)'],
    ['unknown clause', ['checks', 'firewall', 'clause'], '9.9', 'checks.firewall.clause names clause "9.9", which is not in clauses (known: '],
    ['bad cron', ['agent', 'checkSchedules', 'firewall'], 'every 15 minutes',
      'agent.checkSchedules.firewall must be a node-cron expression such as "*/15 * * * *" (got "every 15 minutes")'],
    ['cron out of range', ['agent', 'checkSchedules', 'encryption'], '61 * * * *', 'agent.checkSchedules.encryption must be a node-cron expression'],
    ['cron with seconds', ['agent', 'checkSchedules', 'firewall'], '0 */15 * * * *',
      'agent.checkSchedules.firewall must have five fields (minute hour day-of-month month day-of-week), not 6 (got "0 */15 * * * *")'],
    ['cron every second', ['agent', 'checkSchedules', 'removable-media'], '* * * * * *',
      'agent.checkSchedules.removable-media must have five fields (minute hour day-of-month month day-of-week), not 6'],
    ['schedule missing', ['agent', 'checkSchedules', 'antivirus'], REMOVE, 'agent.checkSchedules.antivirus is missing: it must be a non-empty text'],
    ['schedule for an unknown check', ['agent', 'checkSchedules', 'webcam-cover'], '* * * * *', 'agent.checkSchedules.webcam-cover is not a known setting'],
    ['relative mount root', ['agent', 'removableMountRoots'], ['media'],
      'agent.removableMountRoots[0] must be made of an absolute folder path such as "/media" (got "media")'],
    ['root of the file system as mount root', ['agent', 'removableMountRoots'], ['/media', '/'],
      'agent.removableMountRoots[1] must be a folder below "/", such as "/media" (got "/")'],
    ['mount root that comes back to the root', ['agent', 'removableMountRoots'], ['/media/..'],
      'agent.removableMountRoots[0] must be a folder below "/", such as "/media" (got "/media/..")'],
    ['mount root of slashes', ['agent', 'removableMountRoots'], ['//'], 'agent.removableMountRoots[0] must be a folder below "/"'],
    ['mount roots not a list', ['agent', 'removableMountRoots'], '/media', 'agent.removableMountRoots must be a list of texts'],
    ['heartbeat too fast', ['agent', 'heartbeatSeconds'], 1, 'agent.heartbeatSeconds must be a whole number from 5 to 3600 (got 1)'],
    ['silent alert within two heartbeats', ['availability', 'silentAfterHours'], 0.01,
      'availability.silentAfterHours (0.01 hours) must be longer than two heartbeats (agent.heartbeatSeconds is 30, so more than 60 seconds)'],
    ['section missing', ['availability'], REMOVE, 'availability is missing: it must be an object'],
    ['section of wrong type', ['checks'], [], 'checks must be an object ({ ... }) (got [])'],
    ['no clauses', ['clauses'], {}, 'clauses must name at least one clause'],
    ['empty clause text', ['clauses', 'firewall'], '  ', 'clauses.firewall must be a non-empty text (got "  ")'],
    ['clause id with spaces', ['clauses', 'clause 1'], 'Words.', 'clauses["clause 1"] is not a usable clause id'],
    ['pack id with spaces', ['id'], 'oak field', 'id must be made of letters, digits'],
    ['empty name', ['name'], '', 'name must be a non-empty text (got "")'],
    ['retention days as text', ['retention', 'observationDays'], '90', 'retention.observationDays must be a whole number of at least 1 (got "90")'],
    ['zero retention days', ['retention', 'misuseDays'], 0, 'retention.misuseDays must be a whole number of at least 1 (got 0)'],
    ['negative retention days', ['retention', 'resolvedAlertDays'], -30, 'retention.resolvedAlertDays must be a whole number of at least 1 (got -30)'],
    ['part of a day', ['retention', 'auditDays'], 1.5, 'retention.auditDays must be a whole number of at least 1 (got 1.5)'],
    ['retention days missing', ['retention', 'auditDays'], REMOVE, 'retention.auditDays is missing: it must be a whole number of at least 1'],
    ['unknown retention key', ['retention', 'eventDays'], 30,
      'retention.eventDays is not a known setting (known here: observationDays, misuseDays, resolvedAlertDays, auditDays)'],
    ['audit kept less long than misuse', ['retention', 'auditDays'], 364,
      'retention.auditDays (364) must be at least retention.misuseDays and retention.resolvedAlertDays (365)'],
    ['resolved alerts kept longer than the audit', ['retention', 'resolvedAlertDays'], 1000,
      'retention.auditDays (730) must be at least retention.misuseDays and retention.resolvedAlertDays (1000)'],
    ['retention missing', ['retention'], REMOVE, 'retention is missing: it must be an object ({ ... })'],
  ])('%s', (_case, fieldPathParts, value, expected) => {
    const error = problemsOf(defaultPackWith(fieldPathParts as string[], value), 'packs/oak.json');
    expect(error).toBeInstanceOf(InvigilatorError);
    expect(error.code).toBe('POLICY_INVALID');
    expect(error.detail).toContain(expected);
    expect(error.detail?.startsWith('packs/oak.json: ')).toBe(true);
  });

  it.each([null, [], 'pack', 42])('refuses %j as a whole', (input) => {
    expect(problemsOf(input).detail).toMatch(/^policy pack: the pack must be an object \(\{ \.\.\. \}\) \(got .+\)$/);
  });

  it('compares heartbeat and silence in seconds: exactly two heartbeats is refused, a little more accepted', () => {
    const input = defaultPackWith(['agent', 'heartbeatSeconds'], 3600);
    (input.availability as { silentAfterHours: number }).silentAfterHours = 2;
    expect(problemsOf(input).detail).toContain('availability.silentAfterHours (2 hours) must be longer than two heartbeats');
    (input.availability as { silentAfterHours: number }).silentAfterHours = 2.01;
    expect(validatePolicyPack(input).availability.silentAfterHours).toBe(2.01);
  });

  it.each([
    ['retention', 'auditDays', 1.5], ['retention', 'misuseDays', 'lots'], ['availability', 'silentAfterHours', -1],
    ['agent', 'heartbeatSeconds', 1],
  ])('names a bad %s.%s once, not again in a rule between fields', (section, key, value) => {
    expect(problemsOf(defaultPackWith([section, key], value)).detail?.split('; ')).toHaveLength(1);
  });

  it('lists every problem at once, and not the children of a missing section', () => {
    const broken = defaultPackWith(['checks', 'antivirus', 'maxSignatureAgeHours'], -1);
    delete (broken as { agent?: unknown }).agent;
    const { detail } = problemsOf(broken);
    expect(detail?.split('; ')).toEqual([
      'policy pack: agent is missing: it must be an object ({ ... })',
      'checks.antivirus.maxSignatureAgeHours must be a positive number (got -1)',
    ]);
  });
});

describe('validatePolicyPack accepts a good pack', () => {
  it('accepts the default pack again and returns an equal, deep-frozen copy', () => {
    const input = structuredClone(DEFAULT_POLICY_PACK);
    const pack = validatePolicyPack(input);
    expect(pack).toEqual(DEFAULT_POLICY_PACK);
    expect(pack).not.toBe(input);
    expect(Object.isFrozen(input)).toBe(false);
    for (const part of [pack, pack.clauses, pack.checks, pack.checks.antivirus, pack.agent.checkSchedules, pack.agent.removableMountRoots]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(() => { (pack.checks.antivirus as { maxSignatureAgeHours: number }).maxSignatureAgeHours = 1; }).toThrow(TypeError);
    expect(() => { (pack.agent.removableMountRoots as string[]).push('/mnt'); }).toThrow(TypeError);
  });

  it('accepts null for no maximum length and no forced expiry, and an every-minute schedule', () => {
    const input = defaultPackWith(['checks', 'passwordPolicy', 'maxLength'], null);
    (input.agent as { checkSchedules: Record<string, string> }).checkSchedules.firewall = '* * * * *';
    const pack = validatePolicyPack(input);
    expect(pack.checks.passwordPolicy.maxLength).toBeNull();
    expect(pack.checks.passwordPolicy.maxAgeDays).toBeNull();
    expect(pack.agent.checkSchedules.firewall).toBe('* * * * *');
  });

  it('accepts an audit log kept exactly as long as misuse data, and mount roots one folder deep', () => {
    const input = defaultPackWith(['retention', 'auditDays'], 365);
    (input.agent as { removableMountRoots: string[] }).removableMountRoots = ['/media', '/mnt/usb/'];
    const pack = validatePolicyPack(input);
    expect(pack.retention.auditDays).toBe(365);
    expect(pack.agent.removableMountRoots).toEqual(['/media', '/mnt/usb/']);
  });
});

describe('the example pack in docs/examples', () => {
  it('validates, with 90-day expiry, hashed file names and its own retention', () => {
    const pack = loadPolicyPackFile(EXAMPLE_PATH);
    expect(pack.checks.passwordPolicy.maxAgeDays).toBe(90);
    expect(pack.retention).toEqual({ observationDays: 120, misuseDays: 365, resolvedAlertDays: 365, auditDays: 730 });
    expect(pack.checks.removableMedia.hashFileNames).toBe(true);
    expect(agentSettingsFor(pack)).toMatchObject({ policyVersion: 'oakfield-academy@2026.2', hashFileNames: true, heartbeatSeconds: 60 });
  });
});

describe('loadPolicyPackFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'policy-pack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fileWith = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('says the file is not JSON, with the path', () => {
    const file = fileWith('truncated.json', JSON.stringify(DEFAULT_POLICY_PACK).slice(0, 200));
    expect(() => loadPolicyPackFile(file)).toThrow(new RegExp(`${file}: the file is not valid JSON \\(`));
  });

  it('says a missing file cannot be read', () => {
    const file = path.join(dir, 'absent.json');
    expect(() => loadPolicyPackFile(file)).toThrow(`${file}: the file cannot be read (ENOENT).`);
  });

  it('names the file in field errors', () => {
    const file = fileWith('bad-field.json', JSON.stringify(defaultPackWith(['checks', 'firewall', 'required'], 1)));
    expect(() => loadPolicyPackFile(file)).toThrow(`${file}: checks.firewall.required must be true or false (got 1)`);
  });

  // Derived variant: what Notepad on Windows saves (byte-order mark, CRLF line ends).
  it('reads a file saved with a byte-order mark and CRLF line ends', () => {
    const file = fileWith('notepad.json', `\uFEFF${JSON.stringify(DEFAULT_POLICY_PACK, null, 2).replaceAll('\n', '\r\n')}`);
    expect(loadPolicyPackFile(file)).toEqual(DEFAULT_POLICY_PACK);
  });
});

describe('agentSettingsFor', () => {
  it('turns the default pack into the default agent settings, versioned and with macOS mount roots', () => {
    expect(agentSettingsFor(DEFAULT_POLICY_PACK)).toEqual({
      ...DEFAULT_AGENT_SETTINGS,
      policyVersion: 'default@1.0.0',
      removableMountRoots: ['/media', '/run/media', '/Volumes'],
    });
  });

  it('takes hashFileNames from the removable-media check and returns a frozen copy', () => {
    const pack = validatePolicyPack(defaultPackWith(['checks', 'removableMedia', 'hashFileNames'], true));
    const settings = agentSettingsFor(pack);
    expect(settings.hashFileNames).toBe(true);
    expect(Object.isFrozen(settings.checkSchedules)).toBe(true);
    expect(settings.checkSchedules).not.toBe(pack.agent.checkSchedules);
  });
});

describe('the misuse sections', () => {
  it.each([
    ['a tool name with a folder', ['misuse', 'bypassTools', 'names'], ['C:\\tools\\tor.exe'],
      'misuse.bypassTools.names[0] must be made of a program name without a folder, such as "psiphon3" (got "C:\\\\tools\\\\tor.exe")'],
    ['an extension without its dot', ['misuse', 'downloads', 'extensions'], ['.exe', 'msi'],
      'misuse.downloads.extensions[1] must be made of a file ending with its dot, such as ".exe" (got "msi")'],
    ['a school address with a space in it', ['misuse', 'bypassTools', 'schoolAddresses'], ['proxy school:8080'],
      'misuse.bypassTools.schoolAddresses[0] must be made of a proxy (host or host:port) or a PAC or DNS-over-HTTPS address, such as "proxy.school.example:8080" (got "proxy school:8080")'],
    ['an SSID longer than 32 characters', ['misuse', 'publicWifi', 'schoolNetworks'], ['x'.repeat(33)],
      `misuse.publicWifi.schoolNetworks[0] must be made of a Wi-Fi network name of 1 to 32 characters (got "${'x'.repeat(33)}")`],
    ['a switch as text', ['misuse', 'safeguards', 'enabled'], 'on', 'misuse.safeguards.enabled must be true or false (got "on")'],
    ['an unknown clause', ['misuse', 'downloads', 'clause'], 'no-such-clause', 'misuse.downloads.clause names clause "no-such-clause"'],
    ['an unknown setting', ['misuse', 'publicWifi', 'ssids'], ['School'], 'misuse.publicWifi.ssids is not a known setting'],
  ])('%s', (_case, fieldPath, value, message) => {
    const error = problemsOf(defaultPackWith(fieldPath, value));
    expect(error.code).toBe('POLICY_INVALID');
    expect(error.detail).toContain(message);
  });

  it('takes the default settings for a section a pack leaves out, quoting misuse.clause', () => {
    const pack = validatePolicyPack(defaultPackWith(['misuse'], { clause: 'safeguards' }));
    expect(pack.misuse.bypassTools).toEqual(DEFAULT_POLICY_PACK.misuse.bypassTools);
    expect(pack.misuse.downloads).toMatchObject({ enabled: true, clause: 'safeguards' });
    expect(pack.misuse.publicWifi).toEqual({ enabled: true, schoolNetworks: [], clause: 'safeguards' });
  });

  it('lets a school switch a watcher off, tune its lists, and sends that to its agents', () => {
    const copy = structuredClone(DEFAULT_POLICY_PACK) as unknown as { misuse: Record<string, unknown> };
    copy.misuse.bypassTools = { enabled: true, names: ['psiphon3', 'Tor Browser'], approved: ['openvpn'] };
    copy.misuse.downloads = { enabled: false, extensions: ['.EXE'] };
    copy.misuse.publicWifi = { enabled: true, schoolNetworks: ['StMarys-Staff', 'StMarys-Pupils'], clause: 'public-wifi' };
    const settings = agentSettingsFor(validatePolicyPack(copy));
    expect(validatePolicyPack(copy).misuse.bypassTools.schoolAddresses).toEqual([]);
    expect(settings.misuse).toEqual({
      safeguards: true, bypassTools: true, bypassToolNames: ['psiphon3', 'Tor Browser'], approvedTools: ['openvpn'],
      downloads: false, downloadExtensions: ['.exe'], publicWifi: true, schoolSsids: ['StMarys-Staff', 'StMarys-Pupils'],
    });
  });
});

describe('per-product signature age limits', () => {
  const withProducts = (value: unknown): unknown => {
    const pack = structuredClone(DEFAULT_POLICY_PACK) as unknown as { checks: { antivirus: Record<string, unknown> } };
    if (value === undefined) delete pack.checks.antivirus.maxSignatureAgeHoursByProduct;
    else pack.checks.antivirus.maxSignatureAgeHoursByProduct = value;
    return pack;
  };

  it('gives a pack that leaves them out the built-in limits (XProtect 8 days), and keeps a pack\'s own', () => {
    expect(validatePolicyPack(withProducts(undefined), 'a.json').checks.antivirus.maxSignatureAgeHoursByProduct).toEqual({ XProtect: 192 });
    expect(validatePolicyPack(withProducts({}), 'a.json').checks.antivirus.maxSignatureAgeHoursByProduct).toEqual({});
    expect(validatePolicyPack(withProducts({ XProtect: 240, 'Sophos Anti-Virus': 24 }), 'a.json').checks.antivirus.maxSignatureAgeHoursByProduct)
      .toEqual({ XProtect: 240, 'Sophos Anti-Virus': 24 });
  });

  it.each([
    ['a list', [192], 'checks.antivirus.maxSignatureAgeHoursByProduct must be an object'],
    ['hours that are not a positive number', { XProtect: 0 }, 'checks.antivirus.maxSignatureAgeHoursByProduct.XProtect must be a positive number (got 0)'],
    ['hours given as text', { XProtect: '192' }, 'checks.antivirus.maxSignatureAgeHoursByProduct.XProtect must be a positive number (got "192")'],
  ])('refuses %s with the field named', (_name, value, message) => {
    expect(() => validatePolicyPack(withProducts(value), 'a.json')).toThrow(message);
  });
});
