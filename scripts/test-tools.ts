// `npm test` runs this first (pretest): the system tools the tests drive for real — Chromium for the
// dashboard, nftables in a network namespace, ... — come from Debian's packages. As root a missing one
// is installed; otherwise one sentence says what to install. Add a tool here, nowhere else.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface TestTool { path: string; debianPackage: string; usedFor: string }

/** Debian's multiarch folder for the GIO module that lets gsettings read dconf. */
const MULTIARCH: Readonly<Record<string, string>> = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' };
export const DCONF_BACKEND = `/usr/lib/${MULTIARCH[process.arch] ?? `${process.arch}-linux-gnu`}/gio/modules/libdconfsettings.so`;

/** What `npm run package` needs besides npm's own packages. */
export const PACKAGE_TOOLS: readonly TestTool[] = [
  { path: '/usr/bin/dpkg-deb', debianPackage: 'dpkg', usedFor: 'building the .deb' },
  { path: '/usr/bin/wixl', debianPackage: 'wixl', usedFor: 'building the MSI' },
  { path: '/usr/bin/faketime', debianPackage: 'faketime', usedFor: 'building the MSI at the commit\'s time (wixl stamps the clock)' },
  { path: '/usr/bin/msibuild', debianPackage: 'msitools', usedFor: 'setting what wixl cannot in the MSI' },
  { path: '/usr/bin/osslsigncode', debianPackage: 'osslsigncode', usedFor: 'removing Node\'s broken Authenticode signature from the Windows executable' },
];

export const TEST_TOOLS: readonly TestTool[] = [
  { path: '/usr/bin/chromium', debianPackage: 'chromium', usedFor: 'the dashboard tests in a real browser' },
  { path: '/usr/sbin/nft', debianPackage: 'nftables', usedFor: 'the firewall tests in a network namespace' },
  { path: '/usr/sbin/mkfs.ext4', debianPackage: 'e2fsprogs', usedFor: 'the memory-stick image the removable-media tests mount' },
  { path: '/usr/sbin/ip', debianPackage: 'iproute2', usedFor: 'the network namespaces of the firewall tests' },
  { path: '/usr/bin/openssl', debianPackage: 'openssl', usedFor: 'the self-signed certificates of the TLS mail relay and syslog receivers in the delivery tests' },
  { path: '/usr/sbin/haproxy', debianPackage: 'haproxy', usedFor: 'the load balancer in front of several collectors sharing one PostgreSQL' },
  { path: '/usr/bin/pdftoppm', debianPackage: 'poppler-utils', usedFor: 'rendering the termly reports\' PDF pages to images' },
  { path: '/usr/bin/gsettings', debianPackage: 'libglib2.0-bin', usedFor: 'the GNOME screen-lock test against real settings' },
  { path: '/usr/bin/dconf', debianPackage: 'dconf-cli', usedFor: 'the dconf databases the GNOME screen-lock test compiles' },
  { path: DCONF_BACKEND, debianPackage: 'dconf-gsettings-backend', usedFor: 'gsettings reading dconf databases in the screen-lock test' },
  { path: '/usr/share/glib-2.0/schemas/org.gnome.desktop.screensaver.gschema.xml', debianPackage: 'gsettings-desktop-schemas', usedFor: 'the GNOME settings the screen-lock test reads' },
  { path: '/usr/bin/dbus-run-session', debianPackage: 'dbus-daemon', usedFor: 'the session bus through which the misuse test sets a pupil\'s GNOME proxy, as GNOME Settings does' },
  ...PACKAGE_TOOLS,
  { path: '/usr/sbin/debootstrap', debianPackage: 'debootstrap', usedFor: 'the Debian chroot the .deb is installed into' },
  { path: '/usr/bin/msiinfo', debianPackage: 'msitools', usedFor: 'reading the MSI\'s tables' },
  { path: '/usr/bin/systemd-analyze', debianPackage: 'systemd', usedFor: 'verifying the .deb\'s systemd unit' },
  { path: '/usr/bin/systemd-nspawn', debianPackage: 'systemd-container', usedFor: 'booting a Debian container with systemd to install, stop and remove the .deb under' },
];

const missingTools = (tools: readonly TestTool[]): TestTool[] => tools.filter((tool) => !existsSync(tool.path));

const install = (packages: string[]): void => {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('/usr/bin/apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('/usr/bin/apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
};

/** Installs what is missing (as root, with apt-get) or says in one sentence what to install; 0 when all are there. */
export const ensureTools = (tools: readonly TestTool[], command: string): number => {
  const missing = missingTools(tools);
  if (missing.length === 0) return 0;
  const packages = [...new Set(missing.map((tool) => tool.debianPackage))];
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    process.stderr.write(`${command} needs ${missing.map((tool) => `${tool.path} (${tool.usedFor})`).join(', ')}: `
      + `install the Debian package(s) ${packages.join(' ')} (\`sudo apt-get install ${packages.join(' ')}\`), then run ${command} again.\n`);
    return 1;
  }
  process.stdout.write(`Installing what the tests drive: ${packages.join(', ')} (Debian packages)...\n`);
  try {
    install(packages);
  } catch (error) {
    process.stderr.write(`${command} could not install ${packages.join(' ')} with apt-get (${(error as Error).message.split('\n')[0]}); install them by hand and run ${command} again.\n`);
    return 1;
  }
  const still = missingTools(tools);
  if (still.length > 0) {
    process.stderr.write(`apt-get ran, but ${still.map((tool) => tool.path).join(', ')} is still missing.\n`);
    return 1;
  }
  return 0;
};

if (import.meta.main) process.exitCode = ensureTools(TEST_TOOLS, 'npm test');
