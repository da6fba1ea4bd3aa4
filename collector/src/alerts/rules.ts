// Which alert, if any, a verdict change, a misuse event or a silent device
// raises. Pure: the gateway and the jobs store what these return.
import { createHash } from 'node:crypto';
import type { CheckName } from '@invigilator/shared/checks.ts';
import { clauseById, type PolicyClause, type PolicyPack } from '@invigilator/shared/policy/types.ts';
import { MisuseKind, Tri, type MisuseEvent } from '@invigilator/shared/wire.ts';
import { ageInWords, timeInWords } from '../policy/facts.ts';
import type { VerdictReasonCode } from '../policy/reason-codes.ts';
import { describeMedia } from '../policy/rules/removable-media.ts';
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
   * is stored once, in the event (`event`), and summary/detail above are only sent and shown.
   */
  stored?: { summary: string; detail: Record<string, unknown> };
  /** The stored event that raised this, linked to the alert so the alert can be read with all its events. */
  event?: { deviceId: string; seq: number };
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
        dedupKey: `misuse:${device.id}:media:${mediaKey(misuse)}:${timeSlot(occurredAt, MINUTE_MS)}`,
        title: `Removable media plugged into ${device.hostname}`,
      };
    case MisuseKind.FILE_WRITTEN:
      if (!media.alertOnFileWrites) return undefined;
      return {
        ...base, ...clauseFields(clauseById(pack, media.clause)), severity: 'critical',
        // A folder copied is hundreds of writes: one alert per stick per hour, counting the rest.
        dedupKey: `misuse:${device.id}:media-write:${mediaKey(misuse)}:${timeSlot(occurredAt, HOUR_MS)}`,
        title: `Files copied to a memory stick on ${device.hostname}`,
      };
    case MisuseKind.SAFEGUARD_DISABLED: {
      if (!pack.misuse.safeguards.enabled) return undefined;
      // The OS named an administrator account: a technician's change, reported as such, not as a pupil's misuse.
      const byAdministrator = misuse.changedByAdministrator === Tri.TRI_YES;
      return {
        ...base, ...clauseFields(clauseById(pack, pack.misuse.clause)), severity: byAdministrator ? 'info' : 'critical',
        dedupKey: `misuse:${device.id}:safeguard:${shortDigest(misuse.subject || misuse.detail || '')}:${timeSlot(occurredAt, HOUR_MS)}`,
        title: byAdministrator
          ? `An administrator switched off a safeguard on ${device.hostname}`
          : `A safeguard was switched off on ${device.hostname}`,
      };
    }
    case MisuseKind.BYPASS_TOOL:
      if (!pack.misuse.bypassTools.enabled) return undefined;
      return {
        ...base, ...clauseFields(clauseById(pack, pack.misuse.clause)), severity: 'critical',
        dedupKey: `misuse:${device.id}:bypass:${shortDigest(misuse.subject || misuse.detail || '')}:${timeSlot(occurredAt, HOUR_MS)}`,
        title: `A filter-bypass tool was used on ${device.hostname}`,
      };
    case MisuseKind.EXECUTABLE_DOWNLOADED:
      if (!pack.misuse.downloads.enabled) return undefined;
      return {
        ...base, ...clauseFields(clauseById(pack, pack.misuse.downloads.clause)), severity: 'warning',
        // A burst of downloads is one alert per device per hour, counting the rest.
        dedupKey: `misuse:${device.id}:download:${timeSlot(occurredAt, HOUR_MS)}`,
        title: `A program was downloaded on ${device.hostname}`,
      };
    case MisuseKind.PUBLIC_WIFI:
      if (!pack.misuse.publicWifi.enabled) return undefined;
      return {
        ...base, ...clauseFields(clauseById(pack, pack.misuse.publicWifi.clause)), severity: 'warning',
        dedupKey: `misuse:${device.id}:wifi:${shortDigest(misuse.subject || '')}:${timeSlot(occurredAt, HOUR_MS)}`,
        title: `${device.hostname} joined a Wi-Fi network the school does not allow`,
      };
    default:
      // A kind this collector does not know (a newer agent): shown, never dropped.
      return {
        ...base, ...clauseFields(clauseById(pack, pack.misuse.clause)), severity: 'info',
        dedupKey: `misuse:${device.id}:other:${misuse.kind ?? 0}:${timeSlot(occurredAt, HOUR_MS)}`,
        title: `An unrecognised safeguarding event on ${device.hostname}`,
      };
  }
};

/**
 * One open alert per silence; the job may call this on every run. `clock` is the silence counted in
 * school time when the school has term dates (school-time.ts), else wall-clock time.
 */
export const alertForSilence = (
  device: DeviceRef, lastSeenAt: Date, pack: PolicyPack, now: Date,
  clock: { silentMs: number; schoolTime: boolean } = { silentMs: now.getTime() - lastSeenAt.getTime(), schoolTime: false },
): AlertDraft | undefined => {
  const hours = clock.silentMs / HOUR_MS;
  const limit = pack.availability.silentAfterHours;
  if (!(hours > limit)) return undefined;
  const age = ageInWords(hours * HOUR_MS);
  const counted = clock.schoolTime ? ' of school time' : '';
  return {
    category: 'availability',
    severity: 'warning',
    dedupKey: silenceDedupKey(device),
    title: `${device.hostname} not seen for ${age}${counted}`,
    summary: `${device.hostname} last reported at ${timeInWords(lastSeenAt.getTime())}; the school expects every device `
      + `to report within ${limit} hours${clock.schoolTime ? ' of school time (weekends and holidays in its term dates do not count)' : ''}. `
      + 'It may be switched off or away from school, or its agent may have stopped.',
    ...clauseFields(clauseById(pack, pack.availability.clause)),
    detail: { deviceId: device.id, hostname: device.hostname, lastSeenAt: lastSeenAt.toISOString(), hoursSilent: Math.floor(hours), schoolTime: clock.schoolTime },
  };
};
