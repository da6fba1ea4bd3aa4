// Linux safeguards: the firewall, read again the moment nftables announces a new
// ruleset generation (`nft monitor`; ufw and firewalld write through nftables or
// iptables-nft, so they announce too), and every 30 s for anything that does not;
// anti-virus real-time services by systemd state every 5 s.
import type { Logger } from '@invigilator/shared/logger.ts';
import { check as linuxFirewallCheck } from '../../checks/firewall/linux.ts';
import type { CommandSource, SourceProvider } from '../../checks/types.ts';
import { startRestartingLineStream } from '../restarting-line-stream.ts';
import { firewallProbe } from './firewall-probe.ts';
import { parseSystemctlShow, SYSTEMCTL_SHOW_SOURCE } from './parse-systemctl-show.ts';
import type { SafeguardProbe } from './safeguard-watch.ts';

const NFT = '/usr/sbin/nft';

/** Real-time anti-virus services and what the DSL calls them. */
export const LINUX_ANTIVIRUS_UNITS: Readonly<Record<string, string>> = {
  'clamav-daemon.service': 'ClamAV scanning service (clamd)',
  'clamav-clamonacc.service': 'ClamAV on-access scanning',
  'mdatp.service': 'Microsoft Defender for Endpoint',
};

export const SYSTEMCTL_SHOW: CommandSource = {
  id: SYSTEMCTL_SHOW_SOURCE, kind: 'command', file: '/usr/bin/systemctl',
  args: ['show', '--property=Id,LoadState,ActiveState', ...Object.keys(LINUX_ANTIVIRUS_UNITS)], timeoutMs: 10_000,
};

/** "# new generation 4 by process 16974 (nft)" -> "changed with nft, process 16974". */
export const nftGenerationNote = (line: string): string | undefined => {
  const match = /^# new generation \d+ by process (\d+) \((.+)\)$/.exec(line.trim());
  return match ? `changed with ${match[2]}, process ${match[1]}` : undefined;
};

const nftNotifier = (logger: Logger): SafeguardProbe['notifier'] => (changed) => {
  const stream = startRestartingLineStream({
    file: NFT, args: ['monitor'], logger, what: 'The nftables monitor',
    onLine: (line) => {
      const note = nftGenerationNote(line);
      if (note) changed(note);
    },
  });
  return () => stream.stop();
};

const antivirusProbe = (provider: SourceProvider): SafeguardProbe => ({
  name: 'anti-virus services',
  pollMs: 5_000,
  async read() {
    const result = await provider.read(SYSTEMCTL_SHOW);
    const units = result.errorCode ? undefined : parseSystemctlShow(result.stdout);
    const states = new Map<string, { on: boolean | undefined; seen: string }>();
    if (!units?.ok) return { states }; // no systemd, or unreadable: nothing known, nothing reported
    for (const unit of units.value) {
      const name = LINUX_ANTIVIRUS_UNITS[unit.id];
      if (!name || !unit.loaded) continue;
      states.set(name, { on: unit.active, seen: `the service ${unit.id} is ${unit.activeState}` });
    }
    return { states };
  },
});

export const linuxSafeguardProbes = (provider: SourceProvider, logger: Logger): SafeguardProbe[] => [
  firewallProbe(linuxFirewallCheck, provider, { removableMountRoots: [] }, 30_000, nftNotifier(logger)),
  antivirusProbe(provider),
];
