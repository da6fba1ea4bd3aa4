// The .deb: the Linux single executable, the hardened systemd unit, the enrolment helper
// and the maintainer scripts, built with dpkg-deb. Every file's time is the commit's and
// the owner root, so one commit gives one set of bytes.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT } from '../../scripts/build-agent.ts';

const HERE = path.join(ROOT, 'installers/linux');
export const DEB_PACKAGE = 'invigilator-agent';

export interface DebOptions {
  executable: string;
  version: string;
  outDir: string;
  sourceDateEpoch: number;
  /** gzip for what is shipped (every dpkg reads it); none where only speed matters (the install test). */
  compression?: 'gzip' | 'none';
}

const control = (version: string, installedKb: number): string => `Package: ${DEB_PACKAGE}
Version: ${version}
Architecture: amd64
Maintainer: Invigilator <invigilator@localhost>
Section: admin
Priority: optional
Depends: libc6 (>= 2.28), libstdc++6, libgcc-s1
Installed-Size: ${installedKb}
Description: Invigilator agent: device checks for a school's e-safety policy
 Checks encryption, anti-virus, firewall, password policy and removable media on
 this device and reports them to the school's collector. Enrols from
 /etc/invigilator/enrolment or from INVIGILATOR_COLLECTOR and
 INVIGILATOR_ENROLMENT_SECRET(_FILE) in the environment at install time.
`;

/** Files in the package: [source, path in the package, mode]. */
const payload = (executable: string): Array<[string, string, number]> => [
  [executable, 'usr/bin/invigilator-agent', 0o755],
  [path.join(HERE, 'enrol-if-needed'), 'usr/lib/invigilator-agent/enrol-if-needed', 0o755],
  [path.join(HERE, 'invigilator-agent.service'), 'lib/systemd/system/invigilator-agent.service', 0o644],
  [path.join(ROOT, 'installers/README.md'), 'usr/share/doc/invigilator-agent/README.md', 0o644],
  [path.join(HERE, 'postinst'), 'DEBIAN/postinst', 0o755],
  [path.join(HERE, 'prerm'), 'DEBIAN/prerm', 0o755],
  [path.join(HERE, 'postrm'), 'DEBIAN/postrm', 0o755],
];

const buildDebIn = (staging: string, { executable, version, outDir, sourceDateEpoch, compression }: Required<DebOptions>): string => {
  let installedBytes = 0;
  for (const [source, inPackage, mode] of payload(executable)) {
    const target = path.join(staging, inPackage);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, target);
    chmodSync(target, mode);
    if (!inPackage.startsWith('DEBIAN/')) installedBytes += statSync(target).size;
  }
  writeFileSync(path.join(staging, 'DEBIAN/control'), control(version, Math.ceil(installedBytes / 1024)));
  // Folders too: mode 0755 and the commit's time, whatever the checkout's umask and clock.
  const everything = execFileSync('find', [staging], { encoding: 'utf8' }).trim().split('\n');
  for (const entry of everything) {
    if (statSync(entry).isDirectory()) chmodSync(entry, 0o755);
    utimesSync(entry, sourceDateEpoch, sourceDateEpoch);
  }
  mkdirSync(outDir, { recursive: true });
  const deb = path.join(outDir, `${DEB_PACKAGE}_${version}_amd64.deb`);
  execFileSync('dpkg-deb', ['--root-owner-group', `-Z${compression}`, '--build', staging, deb], {
    stdio: 'pipe', env: { ...process.env, SOURCE_DATE_EPOCH: String(sourceDateEpoch) },
  });
  return deb;
};

export const buildDeb = ({ executable, version, outDir, sourceDateEpoch, compression = 'gzip' }: DebOptions): string => {
  // A folder of this build's own: another process may be packaging the same version at once.
  mkdirSync(path.join(DIST, 'staging/deb'), { recursive: true });
  const staging = mkdtempSync(path.join(DIST, 'staging/deb', `${version}-`));
  try {
    return buildDebIn(staging, { executable, version, outDir, sourceDateEpoch, compression });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};
