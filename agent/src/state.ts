// The agent's state folder: enrolment.json (the device credential, mode 0600),
// outbox.sqlite, status.json (what `status` reads while `run` is going) and
// settings.json (the collector's last config, so a restart starts as it left off).
import { readFileSync, renameSync, writeFileSync, chmodSync } from 'node:fs';
import { makePrivateDir } from '@invigilator/shared/private-files.ts';
import path from 'node:path';
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import { InvigilatorError, type ErrorCode } from '@invigilator/shared/errors.ts';
import { v1, type AgentConfig } from '@invigilator/shared/wire.ts';

export interface Enrolment {
  collectorUrl: string;
  deviceId: string;
  deviceCredential: string;
  schoolId: string;
  caFile?: string;
  /** SHA-256 (hex) of the collector certificate pinned at enrolment. */
  pinSha256?: string;
}

export interface AgentStatus {
  connected: boolean;
  lastAckAtMs: number | null;
  lastAckSeq: number | null;
  outboxDepth: number;
  lastError: { code: ErrorCode; message: string } | null;
  updatedAtMs: number;
  pid: number;
}

export const defaultStateDir = (platform: AgentPlatform, env: NodeJS.ProcessEnv = process.env): string => {
  switch (platform) {
    case 'linux': return '/var/lib/invigilator-agent';
    case 'macos': return '/Library/Application Support/Invigilator';
    case 'windows': return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Invigilator');
  }
};

export const statePaths = (dir: string): { enrolment: string; outbox: string; status: string; settings: string } => ({
  enrolment: path.join(dir, 'enrolment.json'),
  outbox: path.join(dir, 'outbox.sqlite'),
  status: path.join(dir, 'status.json'),
  settings: path.join(dir, 'settings.json'),
});

export const ensureStateDir = (dir: string): void => {
  try {
    // The credential and pupils' file names live here: the agent's account alone, even if the folder existed before.
    makePrivateDir(dir);
  } catch (error) {
    throw new InvigilatorError('STATE_DIR_UNUSABLE', `(${dir}: ${(error as Error).message})`, { cause: error });
  }
};

/** Temp file + rename: a crash leaves the old file or the new one, never half of one. */
const writeAtomically = (file: string, text: string, mode: number): void => {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text, { mode });
    chmodSync(temp, mode);
    renameSync(temp, file);
  } catch (error) {
    throw new InvigilatorError('STATE_DIR_UNUSABLE', `(${file}: ${(error as Error).message})`, { cause: error });
  }
};

/** Permission denied says so (run as root/administrator); anything else names the file and the reason. */
const stateReadError = (file: string, error: unknown): InvigilatorError => {
  const code = (error as NodeJS.ErrnoException).code;
  return new InvigilatorError(code === 'EACCES' || code === 'EPERM' ? 'PERMISSION_DENIED' : 'STATE_DIR_UNUSABLE',
    `(${file}: ${(error as Error).message})`, { cause: error });
};

const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';

export const writeEnrolment = (dir: string, enrolment: Enrolment): void => {
  ensureStateDir(dir);
  writeAtomically(statePaths(dir).enrolment, `${JSON.stringify(enrolment, null, 2)}\n`, 0o600);
};

export const readEnrolment = (dir: string): Enrolment => {
  const file = statePaths(dir).enrolment;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InvigilatorError('NOT_ENROLLED', `(no ${file})`);
    throw stateReadError(file, error);
  }
  let value: Partial<Enrolment>;
  try {
    value = JSON.parse(text) as Partial<Enrolment>;
  } catch {
    throw new InvigilatorError('NOT_ENROLLED', `(${file} is damaged; enrol again)`);
  }
  const { collectorUrl, deviceId, deviceCredential, schoolId, caFile, pinSha256 } = value;
  if (!isString(collectorUrl) || !isString(deviceId) || !isString(deviceCredential) || !isString(schoolId)) {
    throw new InvigilatorError('NOT_ENROLLED', `(${file} is missing fields; enrol again)`);
  }
  return {
    collectorUrl, deviceId, deviceCredential, schoolId, ...(isString(caFile) ? { caFile } : {}), ...(isString(pinSha256) ? { pinSha256 } : {}),
  };
};

/** Keeps the collector's last config: restarting with it avoids a watcher restart (and its blind moment) at reconnect. */
export const writeSavedConfig = (dir: string, config: AgentConfig): void =>
  writeAtomically(statePaths(dir).settings, `${JSON.stringify(v1.AgentConfig.toObject(v1.AgentConfig.fromObject(config)))}\n`, 0o600);

/** The collector's last config, or undefined when none was saved or the file is damaged (the defaults then apply). */
export const readSavedConfig = (dir: string): AgentConfig | undefined => {
  try {
    return v1.AgentConfig.fromObject(JSON.parse(readFileSync(statePaths(dir).settings, 'utf8')) as Record<string, unknown>);
  } catch {
    return undefined;
  }
};

export const writeStatus = (dir: string, status: AgentStatus): void =>
  writeAtomically(statePaths(dir).status, `${JSON.stringify(status)}\n`, 0o600);

/** The last status `run` wrote, or null when it never ran here; an unreadable or damaged file is an error naming it. */
export const readStatus = (dir: string): AgentStatus | null => {
  const file = statePaths(dir).status;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw stateReadError(file, error);
  }
  try {
    return JSON.parse(text) as AgentStatus;
  } catch (error) {
    throw new InvigilatorError('STATE_DIR_UNUSABLE', `(${file} is damaged: ${(error as Error).message}; the running agent rewrites it within seconds)`, { cause: error });
  }
};
