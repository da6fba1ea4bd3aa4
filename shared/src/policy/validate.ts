// Policy packs are checked once, at the door: unknown keys rejected, every
// problem named by its field path, every clause reference resolved, result frozen.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { validate as isValidCron } from 'node-cron';
import { CHECK_NAMES } from '../checks.ts';
import type { AgentSettings } from '../agent-config.ts';
import { InvigilatorError } from '../errors.ts';
import { DEFAULT_MISUSE_SETTINGS } from '../misuse-settings.ts';
import { deepFreeze } from './deep-freeze.ts';
import { FieldReader, fieldPath } from './field-reader.ts';
import { DEFAULT_CHROMEOS_MAX_VERSIONS_BEHIND, DEFAULT_PRODUCT_SIGNATURE_AGE_HOURS } from './product-signature-ages.ts';
import type { PolicyPack } from './types.ts';

type Fields = Readonly<Record<string, unknown>>;

const PACK_KEYS = ['id', 'version', 'name', 'clauses', 'checks', 'misuse', 'agent', 'availability', 'retention'];
const RETENTION_KEYS = ['observationDays', 'misuseDays', 'resolvedAlertDays', 'auditDays'] as const;
const RETENTION_DAYS_RULE = { integer: true, min: 1 };
const CHECK_KEYS = ['encryption', 'antivirus', 'firewall', 'passwordPolicy', 'removableMedia', 'screenLock'];
const ID_RULE = { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, patternMeaning: "letters, digits, '.', '_' or '-'" };
const VERSION_RULE = { pattern: /^[A-Za-z0-9][A-Za-z0-9.+_-]*$/, patternMeaning: "letters, digits, '.', '+', '_' or '-' (e.g. \"2026.1\")" };
const MOUNT_ROOT_RULE = { pattern: /^\//, patternMeaning: 'an absolute folder path such as "/media"' };

// Five fields (no seconds): a check may run at most once a minute, never every second.
const CRON_FIELDS = 5;

const safeCronCheck = (expression: string): boolean => {
  try {
    return isValidCron(expression);
  } catch {
    return false;
  }
};

const readClauses = (reader: FieldReader, root: Fields | undefined): Record<string, string> => {
  const section = reader.object(root, '', 'clauses', 'any');
  const clauses: Record<string, string> = {};
  if (!section) return clauses;
  if (Object.keys(section).length === 0) reader.problem('clauses', 'must name at least one clause');
  for (const [id, text] of Object.entries(section)) {
    const path = fieldPath('clauses', id);
    if (!ID_RULE.pattern.test(id)) reader.problem(path, `is not a usable clause id: use ${ID_RULE.patternMeaning}`);
    clauses[id] = reader.textAt(path, text);
  }
  return clauses;
};

/** Optional: absent means the built-in per-product limits (XProtect's weekly rhythm). */
const readProductAges = (reader: FieldReader, antivirus: Fields | undefined): Record<string, number> => {
  if (!antivirus || antivirus.maxSignatureAgeHoursByProduct === undefined) return { ...DEFAULT_PRODUCT_SIGNATURE_AGE_HOURS };
  const base = 'checks.antivirus.maxSignatureAgeHoursByProduct';
  const section = reader.objectAt(base, antivirus.maxSignatureAgeHoursByProduct, 'any');
  const ages: Record<string, number> = {};
  for (const product of Object.keys(section ?? {})) {
    if (product.trim() === '') reader.problem(base, 'names a product with an empty name');
    ages[product] = reader.number(section, base, product, { min: 0, exclusiveMin: true });
  }
  return ages;
};

const checkSchedule = (reader: FieldReader, path: string, expression: string): void => {
  const fields = expression.trim().split(/\s+/).length;
  if (fields > CRON_FIELDS) {
    reader.problem(path, `must have five fields (minute hour day-of-month month day-of-week), not ${fields} `
      + `(got ${JSON.stringify(expression)}): a seconds field could run the check every second, and a check runs at most once a minute`);
  } else if (!safeCronCheck(expression)) {
    reader.problem(path, `must be a node-cron expression such as "*/15 * * * *" (got ${JSON.stringify(expression)})`);
  }
};

const readCheckSchedules = (reader: FieldReader, agent: Fields | undefined): PolicyPack['agent']['checkSchedules'] => {
  const section = reader.object(agent, 'agent', 'checkSchedules', CHECK_NAMES);
  const schedules = {} as PolicyPack['agent']['checkSchedules'];
  for (const check of CHECK_NAMES) {
    const expression = reader.text(section, 'agent.checkSchedules', check);
    if (section && typeof expression === 'string' && expression.trim()) {
      checkSchedule(reader, fieldPath('agent.checkSchedules', check), expression);
    }
    schedules[check] = expression;
  }
  return schedules;
};

/** Mount roots must be folders below "/": with "/" itself every disk of the device would count as removable media. */
const readMountRoots = (reader: FieldReader, agent: Fields | undefined): string[] => {
  const roots = reader.textList(agent, 'agent', 'removableMountRoots', MOUNT_ROOT_RULE);
  if (!Array.isArray(roots)) return roots; // not a list: already reported
  roots.forEach((root, index) => {
    if (typeof root === 'string' && root.startsWith('/') && posix.normalize(root) === '/') {
      reader.problem(`agent.removableMountRoots[${index}]`, `must be a folder below "/", such as "/media" (got ${JSON.stringify(root)}): `
        + 'with the whole file system as a mount root every disk of the device would count as removable media');
    }
  });
  return roots;
};

/** Rules between fields, each checked only when the fields it compares are valid on their own. */
const checkAcrossFields = (reader: FieldReader, pack: PolicyPack): void => {
  const valid = (...fields: [string, unknown][]): boolean =>
    fields.every(([path, value]) => typeof value === 'number' && !reader.hasProblem(path));
  const { heartbeatSeconds } = pack.agent;
  const { silentAfterHours } = pack.availability;
  // A connected device is only heard from at each heartbeat: one late heartbeat is not an outage.
  if (valid(['agent.heartbeatSeconds', heartbeatSeconds], ['availability.silentAfterHours', silentAfterHours])
    && silentAfterHours * 3600 <= 2 * heartbeatSeconds) {
    reader.problem('availability.silentAfterHours', `(${silentAfterHours} hours) must be longer than two heartbeats `
      + `(agent.heartbeatSeconds is ${heartbeatSeconds}, so more than ${2 * heartbeatSeconds} seconds): `
      + 'otherwise a connected device is reported silent between two heartbeats');
  }
  const { auditDays, misuseDays, resolvedAlertDays } = pack.retention;
  const audited = Math.max(misuseDays, resolvedAlertDays);
  if (valid(['retention.auditDays', auditDays], ['retention.misuseDays', misuseDays], ['retention.resolvedAlertDays', resolvedAlertDays])
    && auditDays < audited) {
    reader.problem('retention.auditDays', `(${auditDays}) must be at least retention.misuseDays and retention.resolvedAlertDays `
      + `(${audited}): the record of who saw misuse data must be kept as long as that data`);
  }
};

const MISUSE_SECTIONS = ['safeguards', 'bypassTools', 'downloads', 'publicWifi'] as const;
const TOOL_NAME_RULE = { pattern: /^[^/\\]{1,80}$/, patternMeaning: 'a program name without a folder, such as "psiphon3"' };
const EXTENSION_RULE = { pattern: /^\.[A-Za-z0-9]{1,12}$/, patternMeaning: 'a file ending with its dot, such as ".exe"' };
const ADDRESS_RULE = {
  pattern: /^[^\s;,]{1,253}$/,
  patternMeaning: 'a proxy (host or host:port) or a PAC or DNS-over-HTTPS address, such as "proxy.school.example:8080"',
};
const SSID_RULE = { pattern: /^.{1,32}$/u, patternMeaning: 'a Wi-Fi network name of 1 to 32 characters' };

type ClauseRef = (parent: Fields | undefined, base: string) => string;

/**
 * The misuse sections came after the first packs: a pack without one gets the default's
 * settings (quoting misuse.clause), so packs stored before them stay valid.
 */
const readMisuse = (reader: FieldReader, misuse: Fields | undefined, clauseRef: ClauseRef): PolicyPack['misuse'] => {
  const clause = clauseRef(misuse, 'misuse');
  const section = (key: (typeof MISUSE_SECTIONS)[number], keys: readonly string[]): Fields | undefined =>
    misuse && misuse[key] !== undefined ? reader.object(misuse, 'misuse', key, keys) : undefined;
  const ownClause = (parent: Fields | undefined, base: string): string =>
    parent?.clause === undefined ? clause : clauseRef(parent, base);
  const safeguards = section('safeguards', ['enabled']);
  const bypass = section('bypassTools', ['enabled', 'names', 'approved', 'schoolAddresses']);
  const downloads = section('downloads', ['enabled', 'extensions', 'clause']);
  const wifi = section('publicWifi', ['enabled', 'schoolNetworks', 'clause']);
  const defaults = DEFAULT_MISUSE_SETTINGS;
  const lower = (list: string[]): string[] => (Array.isArray(list) ? list.map((item) => (typeof item === 'string' ? item.toLowerCase() : item)) : list);
  return {
    clause,
    safeguards: { enabled: safeguards ? reader.bool(safeguards, 'misuse.safeguards', 'enabled') : defaults.safeguards },
    bypassTools: bypass ? {
      enabled: reader.bool(bypass, 'misuse.bypassTools', 'enabled'),
      names: reader.textList(bypass, 'misuse.bypassTools', 'names', TOOL_NAME_RULE),
      approved: reader.textList(bypass, 'misuse.bypassTools', 'approved', TOOL_NAME_RULE),
      // Came after the first bypass sections: left out, the school names no proxy of its own.
      schoolAddresses: bypass.schoolAddresses === undefined ? [] : reader.textList(bypass, 'misuse.bypassTools', 'schoolAddresses', ADDRESS_RULE),
    } : { enabled: defaults.bypassTools, names: [...defaults.bypassToolNames], approved: [...defaults.approvedTools], schoolAddresses: [] },
    downloads: downloads ? {
      enabled: reader.bool(downloads, 'misuse.downloads', 'enabled'),
      extensions: lower(reader.textList(downloads, 'misuse.downloads', 'extensions', EXTENSION_RULE)),
      clause: ownClause(downloads, 'misuse.downloads'),
    } : { enabled: defaults.downloads, extensions: [...defaults.downloadExtensions], clause },
    publicWifi: wifi ? {
      enabled: reader.bool(wifi, 'misuse.publicWifi', 'enabled'),
      schoolNetworks: reader.textList(wifi, 'misuse.publicWifi', 'schoolNetworks', SSID_RULE),
      clause: ownClause(wifi, 'misuse.publicWifi'),
    } : { enabled: defaults.publicWifi, schoolNetworks: [...defaults.schoolSsids], clause },
  };
};

const readPack = (reader: FieldReader, input: unknown): PolicyPack => {
  const root = reader.objectAt('', input, PACK_KEYS);
  const clauses = readClauses(reader, root);
  const clauseRef = (parent: Fields | undefined, base: string): string => {
    const id = reader.text(parent, base, 'clause');
    if (parent && typeof id === 'string' && id.trim() && !Object.hasOwn(clauses, id)) {
      const known = Object.keys(clauses);
      reader.problem(`${base}.clause`, `names clause "${id}", which is not in clauses (known: ${known.join(', ') || 'none'})`);
    }
    return id;
  };

  const checks = reader.object(root, '', 'checks', CHECK_KEYS);
  const encryption = reader.object(checks, 'checks', 'encryption', ['required', 'clause']);
  const antivirus = reader.object(checks, 'checks', 'antivirus',
    ['required', 'maxSignatureAgeHours', 'maxSignatureAgeHoursByProduct', 'requireRealtimeProtection', 'chromeosMaxVersionsBehind', 'clause']);
  const firewall = reader.object(checks, 'checks', 'firewall', ['required', 'requireAllProfiles', 'clause']);
  const password = reader.object(checks, 'checks', 'passwordPolicy',
    ['minLength', 'maxLength', 'minCharacterClasses', 'maxAgeDays', 'requireDenyList', 'denyListInDirectory', 'clause']);
  const media = reader.object(checks, 'checks', 'removableMedia',
    ['banned', 'readOnlyIsEnough', 'alertOnFileWrites', 'hashFileNames', 'clause']);
  const screenLock = reader.object(checks, 'checks', 'screenLock', ['required', 'maxIdleMinutes', 'requirePasswordOnWake', 'clause']);
  const misuse = reader.object(root, '', 'misuse', ['clause', ...MISUSE_SECTIONS]);
  const agent = reader.object(root, '', 'agent', ['checkSchedules', 'removableMountRoots', 'heartbeatSeconds']);
  const availability = reader.object(root, '', 'availability', ['silentAfterHours', 'clause']);
  const retention = reader.object(root, '', 'retention', RETENTION_KEYS);

  const passwordBase = 'checks.passwordPolicy';
  const minLength = reader.number(password, passwordBase, 'minLength', { integer: true, min: 1, max: 256 });
  const maxLength = reader.numberOrNull(password, passwordBase, 'maxLength', { integer: true, min: 1, max: 1024 },
    'no maximum');
  if (typeof minLength === 'number' && typeof maxLength === 'number' && maxLength < minLength) {
    reader.problem(`${passwordBase}.maxLength`, `(${maxLength}) must not be below checks.passwordPolicy.minLength (${minLength})`);
  }

  return {
    id: reader.text(root, '', 'id', ID_RULE),
    version: reader.text(root, '', 'version', VERSION_RULE),
    name: reader.text(root, '', 'name'),
    clauses,
    checks: {
      encryption: { required: reader.bool(encryption, 'checks.encryption', 'required'), clause: clauseRef(encryption, 'checks.encryption') },
      antivirus: {
        required: reader.bool(antivirus, 'checks.antivirus', 'required'),
        maxSignatureAgeHours: reader.number(antivirus, 'checks.antivirus', 'maxSignatureAgeHours', { min: 0, exclusiveMin: true }),
        maxSignatureAgeHoursByProduct: readProductAges(reader, antivirus),
        requireRealtimeProtection: reader.bool(antivirus, 'checks.antivirus', 'requireRealtimeProtection'),
        // Optional: packs written before Chromebooks were judged by it get the default.
        chromeosMaxVersionsBehind: antivirus?.chromeosMaxVersionsBehind === undefined ? DEFAULT_CHROMEOS_MAX_VERSIONS_BEHIND
          : reader.number(antivirus, 'checks.antivirus', 'chromeosMaxVersionsBehind', { integer: true, min: 0, max: 100 }),
        clause: clauseRef(antivirus, 'checks.antivirus'),
      },
      firewall: {
        required: reader.bool(firewall, 'checks.firewall', 'required'),
        requireAllProfiles: reader.bool(firewall, 'checks.firewall', 'requireAllProfiles'),
        clause: clauseRef(firewall, 'checks.firewall'),
      },
      passwordPolicy: {
        minLength,
        maxLength,
        minCharacterClasses: reader.number(password, passwordBase, 'minCharacterClasses', { integer: true, min: 1, max: 4 }),
        maxAgeDays: reader.numberOrNull(password, passwordBase, 'maxAgeDays', { integer: true, min: 1, max: 3650 },
          'no forced expiry'),
        requireDenyList: reader.bool(password, passwordBase, 'requireDenyList'),
        denyListInDirectory: reader.bool(password, passwordBase, 'denyListInDirectory'),
        clause: clauseRef(password, passwordBase),
      },
      removableMedia: {
        banned: reader.bool(media, 'checks.removableMedia', 'banned'),
        readOnlyIsEnough: reader.bool(media, 'checks.removableMedia', 'readOnlyIsEnough'),
        alertOnFileWrites: reader.bool(media, 'checks.removableMedia', 'alertOnFileWrites'),
        hashFileNames: reader.bool(media, 'checks.removableMedia', 'hashFileNames'),
        clause: clauseRef(media, 'checks.removableMedia'),
      },
      screenLock: {
        required: reader.bool(screenLock, 'checks.screenLock', 'required'),
        // A day at most: a longer wait is no screen lock at all.
        maxIdleMinutes: reader.number(screenLock, 'checks.screenLock', 'maxIdleMinutes', { integer: true, min: 1, max: 1440 }),
        requirePasswordOnWake: reader.bool(screenLock, 'checks.screenLock', 'requirePasswordOnWake'),
        clause: clauseRef(screenLock, 'checks.screenLock'),
      },
    },
    misuse: readMisuse(reader, misuse, clauseRef),
    agent: {
      checkSchedules: readCheckSchedules(reader, agent),
      removableMountRoots: readMountRoots(reader, agent),
      heartbeatSeconds: reader.number(agent, 'agent', 'heartbeatSeconds', { integer: true, min: 5, max: 3600 }),
    },
    availability: {
      silentAfterHours: reader.number(availability, 'availability', 'silentAfterHours', { min: 0, exclusiveMin: true }),
      clause: clauseRef(availability, 'availability'),
    },
    retention: Object.fromEntries(RETENTION_KEYS.map((key) =>
      [key, reader.number(retention, 'retention', key, RETENTION_DAYS_RULE)])) as PolicyPack['retention'],
  };
};

/** Validates a pack read from JSON (or built in code); throws POLICY_INVALID naming every bad field. */
export const validatePolicyPack = (input: unknown, source = 'policy pack'): PolicyPack => {
  const reader = new FieldReader();
  const pack = readPack(reader, input);
  checkAcrossFields(reader, pack);
  if (reader.issues.length > 0) {
    throw new InvigilatorError('POLICY_INVALID', `${source}: ${reader.issues.join('; ')}`);
  }
  return deepFreeze(pack);
};

/** Reads and validates a pack file (UTF-8 JSON; a byte-order mark from Windows editors is accepted). */
export const loadPolicyPackFile = (path: string): PolicyPack => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InvigilatorError('POLICY_INVALID', `${path}: the file cannot be read (${code}).`, { cause: error });
  }
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InvigilatorError('POLICY_INVALID', `${path}: the file is not valid JSON (${(error as Error).message}).`,
      { cause: error });
  }
  return validatePolicyPack(input, path);
};

/** What the collector sends an agent under this pack (the AgentConfig frame). */
export const agentSettingsFor = (pack: PolicyPack): AgentSettings => deepFreeze({
  policyVersion: `${pack.id}@${pack.version}`,
  checkSchedules: { ...pack.agent.checkSchedules },
  removableMountRoots: [...pack.agent.removableMountRoots],
  hashFileNames: pack.checks.removableMedia.hashFileNames,
  heartbeatSeconds: pack.agent.heartbeatSeconds,
  misuse: {
    safeguards: pack.misuse.safeguards.enabled,
    bypassTools: pack.misuse.bypassTools.enabled,
    bypassToolNames: [...pack.misuse.bypassTools.names],
    approvedTools: [...pack.misuse.bypassTools.approved],
    downloads: pack.misuse.downloads.enabled,
    downloadExtensions: [...pack.misuse.downloads.extensions],
    publicWifi: pack.misuse.publicWifi.enabled,
    schoolSsids: [...pack.misuse.publicWifi.schoolNetworks],
  },
});
