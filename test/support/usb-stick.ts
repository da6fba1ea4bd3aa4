// A real "USB stick" for tests: an ext4 image, loop-mounted where desktop Linux
// mounts sticks (/media/<user>/<label>). Needs root, as this machine's tests run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir, undoAtCleanUp } from './processes.ts';

export interface UsbStick {
  image: string;
  mountPoint: string;
  label: string;
  /** The loop device while mounted (/dev/loopN). */
  device: string;
  writeFile(name: string, bytes?: number): string;
  unmount(): void;
  /** Unmounts if needed and removes the image and the folders made for it. */
  destroy(): void;
}

const sh = (file: string, args: string[]): string => execFileSync(file, args, { encoding: 'utf8' }).trim();

export const mountUsbStick = (options: { mountRoot: string; user: string; label: string; sizeMiB?: number; inodes?: number }): UsbStick => {
  const image = path.join(tempDir('stick'), 'stick.img');
  writeFileSync(image, '');
  sh('/usr/bin/truncate', ['-s', `${options.sizeMiB ?? 16}M`, image]);
  sh('/usr/sbin/mkfs.ext4', ['-q', '-L', options.label, ...(options.inodes ? ['-N', String(options.inodes)] : []), image]);
  const userDir = path.join(options.mountRoot, options.user);
  const mountPoint = path.join(userDir, options.label);
  mkdirSync(mountPoint, { recursive: true });
  sh('/usr/bin/mount', ['-o', 'loop', image, mountPoint]);
  const device = sh('/usr/bin/findmnt', ['-n', '-o', 'SOURCE', mountPoint]);
  let mounted = true;
  const stick: UsbStick = {
    image, mountPoint, label: options.label, device,
    writeFile: (name, bytes = 1024) => {
      const file = path.join(mountPoint, name);
      writeFileSync(file, Buffer.alloc(bytes, 0x41));
      return file;
    },
    unmount: () => {
      if (!mounted) return;
      sh('/usr/bin/umount', [mountPoint]);
      mounted = false;
    },
    destroy: () => {
      forget();
      try { stick.unmount(); } catch { /* already gone */ }
      rmSync(path.dirname(image), { recursive: true, force: true });
      rmSync(userDir, { recursive: true, force: true });
    },
  };
  // A test that fails before its own clean-up still leaves no mount behind.
  const forget = undoAtCleanUp(() => stick.destroy());
  return stick;
};
