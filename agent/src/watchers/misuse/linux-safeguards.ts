// Linux safeguards: the firewall, read again the moment nftables announces a new
// ruleset generation (`nft monitor`; ufw and firewalld write through nftables or
// iptables-nft, so they announce too), and every 30 s for anything that does not;
// anti-virus real-time services by systemd state every 5 s, and the agent's own unit
// set not to start (`systemctl disable`) with them.
import type { Logger } from '@invigilator/shared/logger.ts';
import { check as linuxFirewallCheck } from '../../checks/firewall/linux.ts';
import type { CommandSource, SourceProvider } from '../../checks/types.ts';
import { startRestartingLineStream } from '../restarting-line-stream.ts';
import { firewallProbe } from './firewall-probe.ts';
import { parseSystemctlShow, SYSTEMCTL_SHOW_SOURCE } from './parse-systemctl-show.ts';
import type { SafeguardProbe, SafeguardState } from './safeguard-watch.ts';
import { ownUnit } from '../../stopping/linux.ts';
import { AGENT_SERVICE_SAFEGUARD } from './misuse-events.ts';

const NFT = '/usr/sbin/nft';

/** Real-time anti-virus services and what the DSL calls them. */
export const LINUX_ANTIVIRUS_UNITS: Readonly<Record<string, string>> = {
  'clamav-daemon.service': 'ClamAV scanning service (clamd)',
  'clamav-clamonacc.service': 'ClamAV on-access scanning',
  'mdatp.service': 'Microsoft Defender for Endpoint',
};

/** The anti-virus services' state, and whether the agent's own unit (when it runs as one) is still set to start. */
export const systemctlShow = (agentUnit?: string): CommandSource => ({
  id: SYSTEMCTL_SHOW_SOURCE, kind: 'command', file: '/usr/bin/systemctl',
  args: ['show', '--property=Id,LoadState,ActiveState,UnitFileState', ...Object.keys(LINUX_ANTIVIRUS_UNITS), ...(agentUnit ? [agentUnit] : [])],
  timeoutMs: 10_000,
});
export const SYSTEMCTL_SHOW = systemctlShow();

/** Unit-file states in which systemd will not start the unit at boot. */
const NOT_STARTED_AT_BOOT = new Set(['disabled', 'masked', 'masked-runtime']);

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

const servicesProbe = (provider: SourceProvider, agentUnit: string | undefined): SafeguardProbe => ({
  name: 'anti-virus and agent services',
  pollMs: 5_000,
  async read() {
    const result = await provider.read(systemctlShow(agentUnit));
    const units = result.errorCode ? undefined : parseSystemctlShow(result.stdout);
    const states = new Map<string, SafeguardState>();
    if (!units?.ok) return { states }; // no systemd, or unreadable: nothing known, nothing reported
    for (const unit of units.value) {
      if (unit.id === agentUnit && unit.unitFileState) {
        // Its stop is the agent's own last event; what it can see running is the unit set not to start again.
        // Only root (or an administrator polkit lets act as root) can change a system unit.
        states.set(AGENT_SERVICE_SAFEGUARD, {
          on: !NOT_STARTED_AT_BOOT.has(unit.unitFileState), byAdministrator: true,
          seen: `the service ${unit.id} was set not to start (${unit.unitFileState})`,
        });
        continue;
      }
      const name = LINUX_ANTIVIRUS_UNITS[unit.id];
      if (!name || !unit.loaded) continue;
      states.set(name, { on: unit.active, seen: `the service ${unit.id} is ${unit.activeState}` });
    }
    return { states };
  },
});

/** `agentUnit`: the systemd unit the agent runs as, if any (stopping/linux.ts finds it). */
export const linuxSafeguardProbes = (provider: SourceProvider, logger: Logger, agentUnit: string | undefined = ownUnit()): SafeguardProbe[] => [
  firewallProbe(linuxFirewallCheck, provider, { removableMountRoots: [] }, 30_000, nftNotifier(logger)),
  servicesProbe(provider, agentUnit),
];
