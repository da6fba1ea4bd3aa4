// Removable-media misuse events for every platform, built in one place so the
// safeguarding lead reads the same sentence from Windows, macOS and Linux, and
// file names are hashed by one rule. Pure (apart from safeEmit's log), so the
// mapping is tested where the platform cannot run.
import { createHash } from 'node:crypto';
import type { PlatformPath } from 'node:path';
import { codeOf } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { MisuseKind, Tri, type MisuseEvent, type RemovableDevice } from '@invigilator/shared/wire.ts';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** What is known of a drive that left before the agent could read its details. */
export const bareDrive = (drive: string): RemovableDevice => ({ device: drive, mountPoint: `${drive}\\`, encrypted: Tri.TRI_UNKNOWN });

// ` "STICK"`, else the drive or mount point; empty when nothing names it.
const quotedName = (device: RemovableDevice): string => {
  const name = device.label || device.device || device.mountPoint;
  return name ? ` "${name}"` : '';
};

// `Removable volume "STICK" (SanDisk Cruzer)`, or as much of it as is known.
const volumeSubject = (device: RemovableDevice): string => {
  const name = quotedName(device);
  const hardware = [device.vendor, device.model].filter(Boolean).join(' ');
  return `${name ? `Removable volume${name}` : 'A removable volume'}${hardware ? ` (${hardware})` : ''}`;
};

const withUser = (user: string | undefined): Pick<MisuseEvent, 'user'> => (user === undefined ? {} : { user });

export const mediaAttached = (device: RemovableDevice, user?: string): MisuseEvent => ({
  kind: MisuseKind.MEDIA_ATTACHED,
  device,
  ...withUser(user),
  detail: `${volumeSubject(device)} was plugged in.`,
});

export const mediaDetached = (device: RemovableDevice, user?: string): MisuseEvent => ({
  kind: MisuseKind.MEDIA_DETACHED,
  device,
  ...withUser(user),
  detail: `${volumeSubject(device)} was removed.`,
});

/**
 * A file written under `volumeRoot`; `pathApi` is node:path's posix or win32 flavour
 * for the paths given. The folder is written with `/` on every platform, so the same
 * folder hashes alike everywhere. `detail` never names the file: it is stored apart
 * from `file`, where the collector may still hash a clear name.
 */
export const fileWritten = (
  device: RemovableDevice, volumeRoot: string, filePath: string, sizeBytes: number, hashFileNames: boolean, pathApi: PlatformPath,
): MisuseEvent => {
  const relative = pathApi.relative(volumeRoot, filePath);
  const name = pathApi.basename(relative);
  const folder = pathApi.dirname(relative);
  const relativeDir = folder === '.' ? '' : folder.split(pathApi.sep).join('/');
  return {
    kind: MisuseKind.FILE_WRITTEN,
    device,
    file: hashFileNames
      ? { name: '', nameSha256: sha256Hex(name), sizeBytes, relativeDir: relativeDir && sha256Hex(relativeDir) }
      : { name, nameSha256: '', sizeBytes, relativeDir },
    detail: `A file was copied to the removable volume${quotedName(device)}.`,
  };
};

/** The watcher's emit: an outbox that throws is logged with a code, never thrown back into chokidar or the line stream. */
export const safeEmit = (emit: (event: MisuseEvent) => void, logger: Logger) => (event: MisuseEvent): void => {
  try {
    emit(event);
  } catch (error) {
    logger.error({ code: codeOf(error), err: error, kind: event.kind }, 'A removable-media event could not be handed to the outbox.');
  }
};

const FIRST_RESTART_MS = 1_000;
const LONGEST_RESTART_MS = 60_000;

/** Delay before restart number `attempt` (0-based) of the Windows watcher's PowerShell. */
export const restartDelayMs = (attempt: number): number => Math.min(LONGEST_RESTART_MS, FIRST_RESTART_MS * 2 ** Math.max(0, attempt));

/**
 * Adds the logged-in user to events that carry none (the Windows and macOS watchers
 * learn of a volume from the OS, which does not say who plugged it in).
 */
export const emitWithUser = (emit: (event: MisuseEvent) => void, currentUser?: () => Promise<string>) => (event: MisuseEvent): void => {
  if (!currentUser || event.user) {
    emit(event);
    return;
  }
  currentUser().then((user) => emit(user ? { ...event, user } : event), () => emit(event));
};
