// Where desktop Linux mounts removable volumes: /media/<user>/<label>, /run/media/<user>/<label>
// (or /media/<label> on older systems).
import path from 'node:path';

const relativeInside = (root: string, target: string): string | null => {
  const relative = path.posix.relative(path.posix.resolve(root), path.posix.resolve(target));
  return relative === '' || relative.startsWith('..') || path.posix.isAbsolute(relative) ? null : relative;
};

/** True when the mount point is strictly below one of the roots. */
export const isUnderMountRoot = (mountPoint: string, roots: readonly string[]): boolean =>
  roots.some((root) => relativeInside(root, mountPoint) !== null);

/** The <user> of <root>/<user>/<label>, or null when the path has no user folder. */
export const userFromMountPoint = (mountPoint: string, roots: readonly string[]): string | null => {
  for (const root of roots) {
    const segments = relativeInside(root, mountPoint)?.split('/') ?? [];
    if (segments.length >= 2) return segments[0]!;
  }
  return null;
};
