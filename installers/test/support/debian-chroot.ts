// A minimal Debian (debootstrap --variant=minbase, the mirror and release apt already uses)
// to install the .deb into for real. Bootstrapped once and kept as a tarball under
// dist/cache/; each test unpacks a fresh copy, mounts /proc and /sys, and removes it all.
// systemd-container.ts boots the same Debian, with systemd, as a container.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST } from '../../../scripts/build-agent.ts';

/**
 * Not the tests' tempDir: its clean-up removes folders recursively, and a chroot must be
 * unmounted first; destroy() does both, in that order.
 */
const chrootDir = (prefix: string): string => mkdtempSync(path.join(tmpdir(), `invigilator-${prefix}-`));

export interface DebianMirror { uri: string; suite: string }

/** The first Debian mirror and suite in apt's own sources (deb822 or one-line form). */
export const aptMirror = (): DebianMirror => {
  const files = ['/etc/apt/sources.list', ...(existsSync('/etc/apt/sources.list.d') ? readdirSync('/etc/apt/sources.list.d').map((name) => path.join('/etc/apt/sources.list.d', name)) : [])]
    .filter((file) => /\.(?:list|sources)$/.test(file) && existsSync(file));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const stanza of text.split(/\n\s*\n/)) {
      const field = (name: string): string | undefined => new RegExp(`^${name}:\\s*(.+)$`, 'mi').exec(stanza)?.[1]?.trim();
      const uri = field('URIs')?.split(/\s+/)[0];
      const suite = field('Suites')?.split(/\s+/)[0];
      if (field('Types')?.split(/\s+/).includes('deb') && uri && suite && /debian\/?$/.test(uri)) return { uri, suite };
    }
    const line = /^deb\s+(?:\[[^\]]*\]\s+)?(\S*debian\/?)\s+(\S+)/m.exec(text);
    if (line) return { uri: line[1]!, suite: line[2]! };
  }
  throw new Error('no Debian mirror found in /etc/apt/sources.list or /etc/apt/sources.list.d');
};

/**
 * A minimal Debian (with `include`'s packages too) as a tarball, bootstrapped once and kept under
 * dist/cache/debootstrap/; made aside and renamed into place, so two test files may ask at once.
 */
export const rootfsTarball = (mirror: DebianMirror, include: readonly string[] = []): string => {
  const tarball = path.join(DIST, 'cache/debootstrap', `${[mirror.suite, 'minbase', ...include].join('-')}.tar`);
  if (existsSync(tarball)) return tarball;
  mkdirSync(path.dirname(tarball), { recursive: true });
  const target = chrootDir('debootstrap');
  const partial = `${tarball}.partial-${path.basename(target)}`;
  try {
    execFileSync('/usr/sbin/debootstrap', ['--variant=minbase', ...(include.length > 0 ? [`--include=${include.join(',')}`] : []), mirror.suite, target, mirror.uri], { stdio: 'pipe' });
    execFileSync('tar', ['-C', target, '-cf', partial, '.']);
    renameSync(partial, tarball);
  } finally {
    spawnSync('rm', ['-rf', '--one-file-system', target, partial]);
  }
  return tarball;
};

/** A fresh copy of the tarball's Debian in a folder of its own; remove it with removeRootfs. */
export const unpackRootfs = (tarball: string, prefix: string): string => {
  const root = chrootDir(prefix);
  try {
    execFileSync('tar', ['-C', root, '-xf', tarball]);
  } catch (error) {
    removeRootfs(root);
    throw error;
  }
  return root;
};

/** --one-file-system: whatever is still mounted inside is never followed. */
export const removeRootfs = (root: string): void => { spawnSync('rm', ['-rf', '--one-file-system', root]); };

export interface DebianChroot {
  root: string;
  /** Runs a command inside the chroot; returns its status and output, never throws on a non-zero exit. */
  run(args: readonly string[], env?: Record<string, string>): { status: number | null; stdout: string; stderr: string };
  /** The host path of a path inside the chroot. */
  path(inside: string): string;
  destroy(): void;
}

export const startDebianChroot = (): DebianChroot => {
  const root = unpackRootfs(rootfsTarball(aptMirror()), 'deb-chroot');
  const mounted: string[] = [];
  const destroy = (): void => {
    for (const mountPoint of mounted.reverse()) spawnSync('umount', ['--lazy', mountPoint]);
    mounted.length = 0;
    removeRootfs(root);
  };
  try {
    for (const [type, where] of [['proc', 'proc'], ['sysfs', 'sys']] as const) {
      execFileSync('mount', ['-t', type, type, path.join(root, where)]);
      mounted.push(path.join(root, where));
    }
  } catch (error) {
    destroy();
    throw error;
  }
  return {
    root,
    path: (inside) => path.join(root, inside),
    run: (args, env = {}) => {
      const result = spawnSync('chroot', [root, ...args], {
        encoding: 'utf8',
        env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', DEBIAN_FRONTEND: 'noninteractive', ...env },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    destroy,
  };
};
