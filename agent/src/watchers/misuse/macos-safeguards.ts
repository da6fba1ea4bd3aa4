// macOS safeguards beyond the application firewall: Gatekeeper (`spctl --status`:
// "assessments enabled" / "assessments disabled") and the automatic updates that keep
// XProtect's definitions current (ConfigDataInstall in com.apple.SoftwareUpdate: 0 is
// off; not set is macOS's default, on). XProtect itself cannot be switched off; its
// definitions going stale is what switching these updates off does.
import type { CommandSource, SourceProvider } from '../../checks/types.ts';
import type { SafeguardProbe } from './safeguard-watch.ts';

export const SPCTL_STATUS_SOURCE: CommandSource = { id: 'macos.spctl-status', kind: 'command', file: '/usr/sbin/spctl', args: ['--status'], timeoutMs: 10_000 };
export const CONFIG_DATA_INSTALL_SOURCE: CommandSource = {
  id: 'macos.softwareupdate-configdatainstall', kind: 'command', file: '/usr/bin/defaults',
  args: ['read', '/Library/Preferences/com.apple.SoftwareUpdate', 'ConfigDataInstall'], timeoutMs: 10_000,
};

/** "assessments enabled" -> true, "assessments disabled" -> false, anything else (another language) undefined. */
export const parseSpctlStatus = (text: string): boolean | undefined => {
  const match = /^assessments (enabled|disabled)\s*$/m.exec(text);
  return match ? match[1] === 'enabled' : undefined;
};

/** `defaults read`: "0" is off, any other number on; the key not set (exit 1) is macOS's default, on. */
export const parseConfigDataInstall = (stdout: string, exitCode: number | null): boolean | undefined => {
  if (exitCode === 1) return true;
  if (exitCode !== 0) return undefined;
  const value = stdout.trim();
  return /^\d+$/.test(value) ? value !== '0' : /^(true|false)$/i.test(value) ? value.toLowerCase() === 'true' : undefined;
};

const probe = (name: string, source: CommandSource, pollMs: number, read: (stdout: string, exitCode: number | null) => boolean | undefined, seen: string,
  provider: SourceProvider): SafeguardProbe => ({
  name,
  pollMs,
  async read() {
    const result = await provider.read(source);
    const on = result.errorCode ? undefined : read(result.stdout, result.exitCode);
    return { states: new Map([[name, { on, seen }]]) };
  },
});

export const macosSafeguardProbes = (provider: SourceProvider): SafeguardProbe[] => [
  probe('Gatekeeper', SPCTL_STATUS_SOURCE, 10_000, (stdout, exitCode) => (exitCode === 0 ? parseSpctlStatus(stdout) : undefined),
    'spctl reports "assessments disabled": apps from anywhere can now be opened', provider),
  probe('automatic XProtect updates', CONFIG_DATA_INSTALL_SOURCE, 60_000, parseConfigDataInstall,
    'ConfigDataInstall is 0 in com.apple.SoftwareUpdate: XProtect\'s malware definitions are no longer updated', provider),
];
