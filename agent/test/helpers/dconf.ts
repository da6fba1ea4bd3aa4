// Real GNOME settings for tests: dconf databases compiled from keyfiles, read by the real gsettings.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DCONF_BACKEND } from '../../../scripts/test-tools.ts';

const DCONF = '/usr/bin/dconf';

/** gsettings, dconf, its backend and GNOME's proxy schema are all installed. */
export const canRunGnome = process.platform === 'linux'
  && ['/usr/bin/gsettings', DCONF, DCONF_BACKEND, '/usr/share/glib-2.0/schemas/org.gnome.system.proxy.gschema.xml'].every((file) => existsSync(file));

/** Writes a file, making its folders. */
export const writeFileIn = (file: string, text: string): void => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

/** Compiles `keyfile` into the dconf database `database` (its keyfile kept in `<database>.d/00`). */
export const compileDconf = (database: string, keyfile: string): void => {
  writeFileIn(path.join(`${database}.d`, '00'), keyfile);
  execFileSync(DCONF, ['compile', database, `${database}.d`]);
};
