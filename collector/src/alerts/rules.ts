// Which alert, if any, a verdict change, a misuse event or a silent device
// raises. Pure: the gateway and the jobs store what these return.
import { createHash } from 'node:crypto';
import type { CheckName } from '@invigilator/shared/checks.ts';
import { clauseById, type PolicyClause, type PolicyPack } from '@invigilator/shared/policy/types.ts';
import { AGENT_SERVICE_SAFEGUARD, MisuseKind, StopReason, Tri, type AgentStopping, type MisuseEvent } from '@invigilator/shared/wire.ts';
import { ageInWords, timeInWords } from '../policy/facts.ts';
import type { VerdictReasonCode } from '../policy/reason-codes.ts';
import { describeMedia } from '../policy/rules/removable-media.ts';
import { isSchoolAddress } from '../policy/school-addresses.ts';
import type { Verdict } from '../policy/verdict.ts';

export type AlertCategory = 'posture' | 'misuse' | 'availability';
export type AlertSeverity = 'info' | 'warning' | 'critical';
export interface DeviceRef {
  id: string;
  hostname: string;
  schoolId: string;
  /** Waiting for an admin's approval: its events are stored and judged but raise no alerts. */
  held?: boolean;
}
export interface AlertDraft {
  category: AlertCategory;
  severity: AlertSeverity;
  /** While an alert with this key is open, a repeat counts on it instead of opening another. */
  dedupKey: string;
  title: string;
  summary: string;
  check?: CheckName;
  clauseId: string;
  clauseText: string;
  detail: Record<string, unknown>;
  /**
   * What the alert row keeps when it differs from summary and detail: a misuse event's device-supplied text
   * is stored once, in the event (`event`), and summary/detail above are never stored.
   */
  stored?: { summary: string; detail: Record<string, unknown> };
  /** The stored event that raised this, linked to the alert so the alert can be read with all its events. */
  event?: { deviceId: string; seq: number };
  /**
   * Keys of the time slots just before this one, newest first: an unresolved alert under one of them whose last
   * event was under `withinMs` before this one takes this event, so a session that runs over the hour (or the
   * minute) stays one alert rather than two split by the clock.
   */
  continues?: { keys: readonly string[]; withinMs: number };
}

const CHECK_TITLES: Record<CheckName, string> = {
  encryption: 'Encryption',
  antivirus: 'Anti-virus',
  firewall: 'Firewall',
  'password-policy': 'Password policy',
  'removable-media': 'Removable media',
  'screen-lock': 'Screen lock',
};

// The device is exposed right now, not merely weaker than the school asks.
const CRITICAL_POSTURE: ReadonlySet<string> = new Set<VerdictReasonCode>(['ENCRYPTION_OFF', 'NO_ANTIVIRUS', 'ANTIVIRUS_OFF', 'FIREWALL_OFF']);

export const postureDedupKey = (device: DeviceRef, check: CheckName): string => `posture:${device.id}:${check}`;
export const silenceDedupKey = (device: DeviceRef): string => `availability:${device.id}:silent`;
/** The agent stopped (its last event): resolved by anything the agent sends after it. */
export const stopDedupKey = (device: DeviceRef): string => `availability:${device.id}:agent-stopped`;
/** The agent's service switched off while the agent still runs (set not to start): resolved by a person. */
const agentServiceOffDedupKey = (device: DeviceRef): string => `availability:${device.id}:agent-service-off`;


const clauseFields = (clause: PolicyClause) => ({ clauseId: clause.id, clauseText: clause.text });

const isSettled = (verdict: Verdict): boolean => verdict.status === 'pass' || verdict.status === 'not_applicable';

/**
 * fail raises (the lifecycle counts it as a new occurrence only when the failure changes its reason code,
 * so an hourly report of the same failure does not re-notify, yet reopens an alert a person resolved while
 * the device still fails); pass or not applicable after fail resolves. `unknown` leaves things as they
 * were: not knowing is no proof the problem is fixed, nor that a working device broke. A later pass after
 * fail -> unknown still resolves (resolving a key with no open alert does nothing).
 */
export const alertForVerdictChange = (
  device: DeviceRef, previous: Verdict | undefined, next: Verdict,
): { raise?: AlertDraft; newFailure?: boolean; resolveDedupKey?: string } => {
  const dedupKey = postureDedupKey(device, next.check);
  if (next.status === 'fail') {
    return {
      newFailure: !(previous?.status === 'fail' && previous.reasonCode === next.reasonCode),
      raise: {
        category: 'posture',
        severity: CRITICAL_POSTURE.has(next.reasonCode) ? 'critical' : 'warning',
        dedupKey,
        title: `${CHECK_TITLES[next.check]} fails the school's policy on ${device.hostname}`,
        summary: next.reason,
        check: next.check,
        clauseId: next.clauseId,
        clauseText: next.clauseText,
        detail: {
          deviceId: device.id, hostname: device.hostname, check: next.check,
          reasonCode: next.reasonCode, previousStatus: previous?.status ?? null,
        },
      },
    };
  }
  if (isSettled(next) && (previous?.status === 'fail' || previous?.status === 'unknown')) return { resolveDedupKey: dedupKey };
  return {};
};

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** "2026-11-20T07:12Z" (minute) or "2026-11-20T07Z" (hour): the time slot an event falls in. */
const timeSlot = (at: Date, sizeMs: number): string => {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) return 'unknown-time';
  const iso = new Date(Math.floor(ms / sizeMs) * sizeMs).toISOString();
  return `${iso.slice(0, sizeMs === HOUR_MS ? 13 : 16)}Z`;
};

/** How many earlier slots a continuing session is looked for in: a session of a few hours stays one alert. */
const SLOTS_LOOKED_BACK = 6;

/** The key of the slot an event falls in, and of the slots before it that a session may have begun in. */
const slotted = (base: string, at: Date, sizeMs: number): Pick<AlertDraft, 'dedupKey' | 'continues'> => ({
  dedupKey: `${base}:${timeSlot(at, sizeMs)}`,
  continues: {
    keys: Array.from({ length: SLOTS_LOOKED_BACK }, (_, k) => `${base}:${timeSlot(new Date(at.getTime() - (k + 1) * sizeMs), sizeMs)}`),
    withinMs: sizeMs,
  },
});

const shortDigest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);
/** SHA-256 hex of a file name or folder, as agents hash them when the school asks. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Which stick an event is about: its serial, else its label, make or device path. */
export const mediaKey = (misuse: MisuseEvent): string => {
  const media = misuse.device ?? {};
  const identity = media.serial || media.label || [media.vendor, media.model].filter(Boolean).join(' ') || media.device;
  // A digest, not the serial or label itself: the alert's key holds nothing the device supplied.
  return shortDigest(identity || 'unidentified');
};

/** Only what the DSL needs to act: the computer, the media, the user and the file name (or its hash). */
const misuseDetail = (device: Pick<DeviceRef, 'id' | 'hostname'>, misuse: MisuseEvent, hashFileNames: boolean): Record<string, unknown> => {
  const detail: Record<string, unknown> = {
    deviceId: device.id, hostname: device.hostname, user: misuse.user || null,
  };
  if (misuse.device) {
    const { vendor, model, serial, label, bus } = misuse.device;
    detail.media = { vendor: vendor || null, model: model || null, serial: serial || null, label: label || null, bus: bus || null };
  }
  if (misuse.file) {
    const { name, nameSha256 } = misuse.file;
    // The pack may ask for hashed names while an agent still runs the previous pack: hash here too.
    detail.file = hashFileNames || !name
      ? { nameSha256: nameSha256 || (name ? sha256(name) : null) }
      : { name };
  }
  return detail;
};

const byWhom = (misuse: MisuseEvent): string => misuse.user ? ` while ${misuse.user} was logged in` : '';

/** The agent's sentence without a closing full stop (the summary adds who and its own), or the fallback. */
const sentence = (detail: string | null | undefined, fallback: string): string => (detail || fallback).replace(/\.$/, '');

export const INCIDENT_KINDS = [
  'media-plugged', 'media-removed', 'files-copied', 'safeguard-disabled', 'bypass-tool', 'download', 'public-wifi', 'burst', 'other',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** What one misuse event says, in the DSL's words: its device-supplied text (user, stick, file, what) in a sentence and fields. */
export interface MisuseText { kind: IncidentKind; summary: string; detail: Record<string, unknown> }

/** The sentence each kind keeps on the alert itself, naming nothing the device supplied (that stays in the event). */
const STORED_SUMMARY: Record<IncidentKind, string> = {
  'media-plugged': 'Removable media was plugged in; the school\'s policy bans removable media.',
  'media-removed': 'Removable media was removed.',
  'files-copied': 'Files were copied to removable media.',
  'safeguard-disabled': 'A safeguard (the firewall or anti-virus) was switched off.',
  'bypass-tool': 'A tool that bypasses the school\'s filtering was found.',
  download: 'A program or installer was downloaded.',
  'public-wifi': 'The device joined a Wi-Fi network the school does not allow.',
  burst: 'A burst of safeguarding events from one device.',
  other: 'The device reported a safeguarding event this collector does not recognise.',
};

/** What kind of safeguarding alert it is, in a sentence naming nothing the device supplied (for those who are not the DSL). */
export const misuseKindSentence = (kind: IncidentKind): string => STORED_SUMMARY[kind];

/**
 * The text of one misuse event, composed from the event whenever it is shown or sent: the alert stores only
 * STORED_SUMMARY and ids, so the device's words are kept once (in the event) and every file of an incident
 * stays readable (each event is one file). `hashFileNames`: the school's pack asks for names hashed.
 */
export const describeMisuse = (device: Pick<DeviceRef, 'id' | 'hostname'>, misuse: MisuseEvent, hashFileNames = false): MisuseText => {
  const detail = misuseDetail(device, misuse, hashFileNames);
  const stick = describeMedia(misuse.device ?? {});
  const who = byWhom(misuse);
  switch (misuse.kind) {
    case MisuseKind.MEDIA_DETACHED:
      return { kind: 'media-removed', summary: `${stick} was removed${who}.`, detail };
    case MisuseKind.MEDIA_ATTACHED:
      return { kind: 'media-plugged', summary: `${stick} was plugged in${who}; the school's policy bans removable media.`, detail };
    case MisuseKind.FILE_WRITTEN:
      return { kind: 'files-copied', summary: `Files were copied to ${stick}${who}.`, detail };
    case MisuseKind.SAFEGUARD_DISABLED:
      return {
        kind: 'safeguard-disabled', summary: `${sentence(misuse.detail, 'The firewall or anti-virus was switched off')}${who}.`,
        detail: { ...detail, what: misuse.detail || null, changedBy: misuse.changedBy || null, byAdministrator: misuse.changedByAdministrator === Tri.TRI_YES },
      };
    case MisuseKind.BYPASS_TOOL:
      return {
        kind: 'bypass-tool', summary: `${sentence(misuse.detail, 'A tool that bypasses the school\'s filtering was found')}${who}.`,
        detail: { ...detail, what: misuse.detail || null, program: misuse.subject || null },
      };
    case MisuseKind.EXECUTABLE_DOWNLOADED:
      return { kind: 'download', summary: `${sentence(misuse.detail, 'A program or installer was downloaded')}${who}.`, detail: { ...detail, what: misuse.detail || null } };
    case MisuseKind.PUBLIC_WIFI:
      return {
        kind: 'public-wifi', summary: `${sentence(misuse.detail, 'The device joined a public Wi-Fi network')}${who}.`,
        detail: { ...detail, what: misuse.detail || null, network: misuse.subject || null },
      };
    default:
      return {
        kind: 'other', summary: `The device reported a safeguarding event this collector does not recognise${who}: ${misuse.detail || 'no description'}.`,
        detail: { ...detail, what: misuse.detail || null, kind: misuse.kind ?? null },
      };
  }
};

/** What the alert row keeps of a misuse event: the kind, the device, and no text the device supplied. */
export const storedMisuseForm = (device: Pick<DeviceRef, 'id' | 'hostname'>, text: MisuseText): { summary: string; detail: Record<string, unknown> } => ({
  summary: STORED_SUMMARY[text.kind],
  detail: {
    deviceId: device.id, hostname: device.hostname, kind: text.kind,
    ...(typeof text.detail.byAdministrator === 'boolean' ? { byAdministrator: text.detail.byAdministrator } : {}),
  },
});

export const alertForMisuse = (
  device: DeviceRef, misuse: MisuseEvent, pack: PolicyPack, occurredAt: Date,
): AlertDraft | undefined => {
  const media = pack.checks.removableMedia;
  const text = describeMisuse(device, misuse, media.hashFileNames);
  const base = { category: 'misuse' as const, summary: text.summary, detail: text.detail, stored: storedMisuseForm(device, text) };
  switch (misuse.kind) {
    case MisuseKind.MEDIA_DETACHED:
      return undefined; // stored for the DSL's timeline; closes nothing
    case MisuseKind.MEDIA_ATTACHED:
      if (!media.banned) return undefined;
      return {
        ...base, ...clauseFields(clauseById(pack, media.clause)), severity: 'warning',
        // One alert per insertion: the attach minute tells insertions apart, and
        // folds a stick that drops and reconnects at once (a loose port) into one.
        ...slotted(`misuse:${device.id}:media:${mediaKey(misuse)}`, occurredAt, MINUTE_MS),
        title: `Removable media plugged into ${device.hostname}`,
      };
    case MisuseKind.FILE_WRITTEN:
      if (!media.alertOnFileWrites) return undefined;
      return {
        ...base, ...clauseFields(clauseById(pack, media.clause)), severity: 'critical',
        // A folder copied is hundreds of writes: one alert per stick per hour, counting the rest.
        ...slotted(`misuse:${device.id}:media-write:${mediaKey(misuse)}`, occurredAt, HOUR_MS),
        title: `Files copied to a memory stick on ${device.hostname}`,
      };
    case MisuseKind.SAFEGUARD_DISABLED: {
      if (misuse.subject === AGENT_SERVICE_SAFEGUARD) return agentServiceSwitchedOff(device, misuse, pack, occurredAt);
      if (!pack.misuse.safeguards.enabled) return undefined;
      // The OS named an administrator account: a technician's change, reported as such, not as a pupil's misuse.
      const byAdministrator = misuse.changedByAdministrator === Tri.TRI_YES;
      return {
        ...base, ...clauseFields(clauseById(pack, pack.misuse.clause)), severity: byAdministrator ? 'info' : 'critical',
        ...slotted(`misuse:${device.id}:safeguard:${shortDigest(misuse.subject || misuse.detail || '')}`, occurredAt, HOUR_MS),
        title: byAdministrator
          ? `An administrator switched off a safeguard on ${device.hostname}`
          : `A safeguard was switched off on ${device.hostname}`,
      };
    }
    case MisuseKind.BYPASS_TOOL:
      if (!pack.misuse.bypassTools.enabled) return undefined;
      return {
        ...base, ...clauseFields(clauseById(pack, pack.misuse.clause)), severity: 'critical',
        ...slotted(`misuse:${device.id}:bypass:${shortDigest(misuse.subject || misuse.detail || '')}`, occurredAt, HOUR_MS),
        title: `A filter-bypass tool was used on ${device.hostname}`,
      };
    case MisuseKind.EXECUTABLE_DOWNLOADED:
      if (!pack.misuse.downloads.enabled) return undefined;
      return {
        ...base, ...clauseFields(clauseById(pack, pack.misuse.downloads.clause)), severity: 'warning',
        // A burst of downloads is one alert per device per hour, counting the rest.
        ...slotted(`misuse:${device.id}:download`, occurredAt, HOUR_MS),
        title: `A program was downloaded on ${device.hostname}`,
      };
    case MisuseKind.PUBLIC_WIFI:
      if (!pack.misuse.publicWifi.enabled) return undefined;
      return {
        ...base, ...clauseFields(clauseById(pack, pack.misuse.publicWifi.clause)), severity: 'warning',
        ...slotted(`misuse:${device.id}:wifi:${shortDigest(misuse.subject || '')}`, occurredAt, HOUR_MS),
        title: `${device.hostname} joined a Wi-Fi network the school does not allow`,
      };
    case MisuseKind.PROXY_SET:
    case MisuseKind.DNS_OVER_HTTPS_SET:
      return filterSettingAlert(device, misuse, pack, occurredAt, base);
    default:
      // A kind this collector does not know (a newer agent): shown, never dropped.
      return {
        ...base, ...clauseFields(clauseById(pack, pack.misuse.clause)), severity: 'info',
        ...slotted(`misuse:${device.id}:other:${misuse.kind ?? 0}`, occurredAt, HOUR_MS),
        title: `An unrecognised safeguarding event on ${device.hostname}`,
      };
  }
};

const FILTER_SETTING_WORDS = {
  [MisuseKind.PROXY_SET]: { key: 'proxy', what: 'a proxy', fallback: 'A proxy was set' },
  [MisuseKind.DNS_OVER_HTTPS_SET]: { key: 'doh', what: 'DNS over HTTPS', fallback: 'DNS over HTTPS was switched on' },
} as const;

/**
 * A proxy or DNS-over-HTTPS setting: the school's own address is its filtering at work (no alert); one a
 * managed policy set is an administrator's (informational); one the user set gets round the filtering.
 */
const filterSettingAlert = (
  device: DeviceRef, misuse: MisuseEvent, pack: PolicyPack, occurredAt: Date, base: Pick<AlertDraft, 'category' | 'detail'>,
): AlertDraft | undefined => {
  const bypass = pack.misuse.bypassTools;
  if (!bypass.enabled || isSchoolAddress(misuse.subject ?? '', bypass.schoolAddresses)) return undefined;
  const words = misuse.kind === MisuseKind.PROXY_SET ? FILTER_SETTING_WORDS[MisuseKind.PROXY_SET] : FILTER_SETTING_WORDS[MisuseKind.DNS_OVER_HTTPS_SET];
  const managed = misuse.changedByAdministrator === Tri.TRI_YES;
  return {
    ...base, detail: { ...base.detail, what: misuse.detail || null, address: misuse.subject || null, managedBy: misuse.changedBy || null, byAdministrator: managed },
    ...clauseFields(clauseById(pack, pack.misuse.clause)), severity: managed ? 'info' : 'critical',
    ...slotted(`misuse:${device.id}:${words.key}:${shortDigest(misuse.subject || misuse.detail || '')}`, occurredAt, HOUR_MS),
    title: managed
      ? `A managed policy set ${words.what} on ${device.hostname}`
      : `${words.what[0]!.toUpperCase()}${words.what.slice(1)} set on ${device.hostname} gets round the school's filtering`,
    summary: `${sentence(misuse.detail, words.fallback)}${byWhom(misuse)}.`,
  };
};

/**
 * The agent's own service stopped or set not to start while the device stays on. Only an account with administrator
 * rights on the device can do that (a root / LocalSystem service), so no pupil without such rights did it; the people
 * who hold those rights and can start it again are the technicians and the network manager: an availability alert,
 * not a safeguarding one. It names no user. The DSL still finds the event in the device's misuse timeline.
 */
const agentServiceSwitchedOff = (device: DeviceRef, misuse: MisuseEvent, pack: PolicyPack, occurredAt: Date): AlertDraft => ({
  category: 'availability',
  severity: 'warning',
  dedupKey: agentServiceOffDedupKey(device),
  title: `The agent on ${device.hostname} was switched off`,
  summary: `${sentence(misuse.detail, 'The agent\'s service was switched off')} at ${timeInWords(occurredAt.getTime())}. `
    + `${ADMIN_ONLY} Until it runs again, ${device.hostname} is not checked or watched.`,
  ...clauseFields(clauseById(pack, pack.availability.clause)),
  detail: { deviceId: device.id, hostname: device.hostname, what: misuse.detail || null, changedBy: misuse.changedBy || null },
});

const ADMIN_ONLY = 'Only an account with administrator rights on the device can do that.';

/** Each stop reason: its short name (titles, the API) and how it reads after the device's name ("PC-12 was switched off at ..."). */
const STOP_WORDS: Record<StopReason, { name: string; how: string }> = {
  [StopReason.STOP_REASON_UNSPECIFIED]: { name: 'stopped', how: 'stopped reporting without its agent saying why (on Windows and macOS a shutdown looks like this)' },
  [StopReason.STOP_REASON_SERVICE_STOPPED]: { name: 'service-stopped', how: 'had its agent stopped while it stayed on' },
  [StopReason.STOP_REASON_SYSTEM_SHUTDOWN]: { name: 'shutdown', how: 'was switched off' },
  [StopReason.STOP_REASON_SYSTEM_REBOOT]: { name: 'reboot', how: 'restarted and did not come back' },
  [StopReason.STOP_REASON_UPGRADE]: { name: 'upgrade', how: 'was having its agent upgraded' },
  [StopReason.STOP_REASON_UNINSTALL]: { name: 'uninstall', how: 'had its agent uninstalled' },
};

const stopReasonOf = (stopping: AgentStopping): StopReason =>
  (stopping.reason !== undefined && stopping.reason !== null && stopping.reason in STOP_WORDS ? stopping.reason : StopReason.STOP_REASON_UNSPECIFIED);

/**
 * The agent's last event. A shutdown, a restart or an upgrade is the normal life of a school laptop, and a stop the
 * agent could not explain may be one: no alert (the silence alert, worded by the stop, covers a device that stays
 * away). A service stopped while the device stays on, or the agent uninstalled, raises at once an availability alert
 * for the technicians and the network manager (see agentServiceSwitchedOff for why not the DSL).
 */
export const alertForStop = (device: DeviceRef, stopping: AgentStopping, pack: PolicyPack, occurredAt: Date): AlertDraft | undefined => {
  const reason = stopReasonOf(stopping);
  if (reason !== StopReason.STOP_REASON_SERVICE_STOPPED && reason !== StopReason.STOP_REASON_UNINSTALL) return undefined;
  const at = timeInWords(occurredAt.getTime());
  const uninstalled = reason === StopReason.STOP_REASON_UNINSTALL;
  return {
    category: 'availability',
    severity: 'warning',
    dedupKey: stopDedupKey(device),
    title: uninstalled ? `The agent was uninstalled from ${device.hostname}` : `The agent on ${device.hostname} was stopped`,
    summary: `${uninstalled ? 'The agent was uninstalled' : 'The agent was stopped while the device stayed on'} at ${at}: `
      + `${sentence(stopping.detail, 'no detail')}. ${ADMIN_ONLY} Until it runs again, ${device.hostname} is not checked or watched.`,
    ...clauseFields(clauseById(pack, pack.availability.clause)),
    detail: { deviceId: device.id, hostname: device.hostname, stopReason: STOP_WORDS[reason].name, what: stopping.detail || null, stoppedAt: occurredAt.toISOString() },
  };
};

/** The device's last event, when it was its agent saying why it stopped and nothing was heard after it. */
export interface LastStop { at: number; stopping: AgentStopping }

/**
 * One open alert per silence; the job may call this on every run. `clock` is the silence counted in
 * school time when the school has term dates (school-time.ts), else wall-clock time.
 */
export const alertForSilence = (
  device: DeviceRef, lastSeenAt: Date, pack: PolicyPack, now: Date,
  clock: { silentMs: number; schoolTime: boolean } = { silentMs: now.getTime() - lastSeenAt.getTime(), schoolTime: false },
  lastStop?: LastStop,
): AlertDraft | undefined => {
  const hours = clock.silentMs / HOUR_MS;
  const limit = pack.availability.silentAfterHours;
  if (!(hours > limit)) return undefined;
  const age = ageInWords(hours * HOUR_MS);
  const counted = clock.schoolTime ? ' of school time' : '';
  const expects = `the school expects every device to report within ${limit} hours`
    + `${clock.schoolTime ? ' of school time (weekends and holidays in its term dates do not count)' : ''}.`;
  const reason = lastStop && stopReasonOf(lastStop.stopping);
  const stopped = lastStop && reason !== undefined
    ? { how: STOP_WORDS[reason].how, at: timeInWords(lastStop.at) }
    : undefined;
  return {
    category: 'availability',
    severity: 'warning',
    dedupKey: silenceDedupKey(device),
    title: stopped
      ? `${device.hostname} ${stopped.how} at ${stopped.at}, not seen for ${age}${counted}`
      : `${device.hostname} not seen for ${age}${counted}`,
    summary: stopped
      ? `${device.hostname} ${stopped.how} at ${stopped.at} and has not reported since; ${expects} `
        + `The agent's last report: ${sentence(lastStop?.stopping.detail, 'no detail')}.`
      : `${device.hostname} last reported at ${timeInWords(lastSeenAt.getTime())}; ${expects} `
        + 'It may be switched off or away from school, or its agent may have stopped.',
    ...clauseFields(clauseById(pack, pack.availability.clause)),
    detail: {
      deviceId: device.id, hostname: device.hostname, lastSeenAt: lastSeenAt.toISOString(), hoursSilent: Math.floor(hours), schoolTime: clock.schoolTime,
      ...(lastStop && reason !== undefined ? { stopReason: STOP_WORDS[reason].name, stoppedAt: new Date(lastStop.at).toISOString() } : {}),
    },
  };
};
