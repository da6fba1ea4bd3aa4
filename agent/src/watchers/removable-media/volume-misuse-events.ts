// Volume arrivals, removals and file writes on Windows as misuse events. Pure,
// so the mapping is tested where Windows cannot run.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { MisuseKind, Tri, type MisuseEvent, type RemovableDevice } from '@invigilator/shared/wire.ts';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** What is known of a drive that left before the agent could read its details. */
export const bareDrive = (drive: string): RemovableDevice => ({ device: drive, mountPoint: `${drive}\\`, encrypted: Tri.TRI_UNKNOWN });

export const mediaAttached = (device: RemovableDevice): MisuseEvent => ({
  kind: MisuseKind.MEDIA_ATTACHED,
  device,
  detail: `Removable ${device.bus || 'drive'} ${device.device ?? ''} attached${device.model ? ` (${device.model})` : ''}.`,
});

export const mediaDetached = (device: RemovableDevice): MisuseEvent => ({
  kind: MisuseKind.MEDIA_DETACHED,
  device,
  detail: `Removable drive ${device.device ?? ''} removed.`,
});

/** A file written under the drive's root; names (and folders) hashed when policy says so. */
export const fileWritten = (device: RemovableDevice, filePath: string, sizeBytes: number, hashFileNames: boolean): MisuseEvent => {
  const relative = path.win32.relative(device.mountPoint ?? '', filePath);
  const name = path.win32.basename(relative);
  const folder = path.win32.dirname(relative);
  const relativeDir = folder === '.' ? '' : folder;
  return {
    kind: MisuseKind.FILE_WRITTEN,
    device,
    file: hashFileNames
      ? { name: '', nameSha256: sha256(name), sizeBytes, relativeDir: relativeDir && sha256(relativeDir) }
      : { name, nameSha256: '', sizeBytes, relativeDir },
    detail: `A file was written to removable drive ${device.device ?? ''}.`,
  };
};

const FIRST_RESTART_MS = 1_000;
const LONGEST_RESTART_MS = 60_000;

/** Delay before restart number `attempt` (0-based) of the watcher's PowerShell. */
export const restartDelayMs = (attempt: number): number => Math.min(LONGEST_RESTART_MS, FIRST_RESTART_MS * 2 ** Math.max(0, attempt));
