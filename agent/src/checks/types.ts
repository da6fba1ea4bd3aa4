// One interface for every check on every platform. A platform check declares the
// sources it reads (commands and files, each with a stable id) and interprets
// their raw output with pure parsers. Live runs, `diagnose` and `check --replay`
// all go through runCheck() with a different SourceProvider, so a bundle replays
// exactly as the live agent would judge it.
import type { CheckName, AgentPlatform } from '@invigilator/shared/checks.ts';
import type { ErrorCode } from '@invigilator/shared/errors.ts';
import type { Observation } from '@invigilator/shared/wire.ts';
import type { RawOutput } from '../exec.ts';

interface SourceBase {
  /** Stable, documented id: `<platform>.<what>`, e.g. `linux.lsblk-json`. It names the file in a bundle. */
  id: string;
}

export interface CommandSource extends SourceBase {
  kind: 'command';
  /** Absolute path: the agent never searches PATH. */
  file: string;
  args: readonly string[];
  timeoutMs?: number;
  encoding?: 'utf8' | 'utf16le';
  /** Extra environment (e.g. which user's settings to read). Not written to a bundle: it may name a user's folder. */
  env?: Readonly<Record<string, string>>;
  /**
   * Files and folders whose contents decide the output (the databases gsettings reads): while none of
   * them changes, a watcher that polls may reuse the last output instead of running the program again.
   */
  dependsOn?: readonly string[];
}

/**
 * Only part of a file leaves the provider (and so reaches a bundle): the lines, or the JSON keys
 * (a dotted path keeps that key inside its parent object), a reader needs. A person's browser files
 * hold far more than their proxy settings: the rest is never held or recorded.
 */
export type SourceKeep =
  | { lines: RegExp; what: string }
  | { jsonKeys: readonly string[]; what: string };

export interface FileSource extends SourceBase {
  kind: 'file';
  path: string;
  maxBytes?: number;
  encoding?: 'utf8' | 'latin1';
  keep?: SourceKeep;
}

/** A folder's entries, one a line: a sub-folder's name ends in "/". Names only, never the files' contents. */
export interface FolderSource extends SourceBase {
  kind: 'folder';
  path: string;
}

export type SourceSpec = CommandSource | FileSource | FolderSource;

/** What a source gave: the raw output plus the id it was collected under. */
export interface SourceResult extends RawOutput {
  id: string;
  /**
   * Epoch ms when the read finished, set by the live provider and kept in a bundle.
   * Turns "N minutes ago" into a time that replays the same; absent when not known.
   */
  collectedAtMs?: number;
}

export type Collected = ReadonlyMap<string, SourceResult>;

/** A parser's answer: facts, or a coded reason why there are none. */
export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; code: ErrorCode; reason: string };

export const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const notParsed = (code: ErrorCode, reason: string): Parsed<never> => ({ ok: false, code, reason });

/** The observation without its check name and source ids, which the runner fills in. */
export type Finding = Omit<Observation, 'check' | 'sourceIds'>;

/** Settings a check may need; recorded in a diagnostic bundle so replay sees the same. */
export interface CheckContext {
  /** Folders under which a newly mounted volume counts as removable media (e.g. /media, /Volumes). */
  removableMountRoots: readonly string[];
}

export interface PlatformCheck {
  check: CheckName;
  platform: AgentPlatform;
  /**
   * Sources to read, given what has been read so far (first call: an empty map).
   * Return more ids to read more (e.g. `cryptsetup status` for each mapping lsblk
   * showed); the runner stops asking when nothing new is returned.
   */
  sources(collected: Collected, context: CheckContext): readonly SourceSpec[];
  /** Pure: the same collected output always gives the same finding. Never throws on bad output. */
  interpret(collected: Collected, context: CheckContext): Finding;
}

export interface SourceProvider {
  read(spec: SourceSpec): Promise<SourceResult>;
}
