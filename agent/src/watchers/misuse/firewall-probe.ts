// The firewall as a safeguard probe: the platform's own firewall check, run as
// the scheduled round runs it, so the watcher and the technician's verdict can
// never read the firewall differently.
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { runCheck } from '../../checks/runner.ts';
import type { CheckContext, PlatformCheck, SourceProvider } from '../../checks/types.ts';
import type { SafeguardProbe } from './safeguard-watch.ts';

export const firewallProbe = (check: PlatformCheck, provider: SourceProvider, context: CheckContext, pollMs: number,
  notifier?: SafeguardProbe['notifier']): SafeguardProbe => ({
  name: 'the firewall',
  pollMs,
  ...(notifier ? { notifier } : {}),
  async read() {
    const { observation } = await runCheck(check, provider, context);
    const facts = observation.firewall;
    const known = observation.status === CollectionStatus.COLLECTED && facts;
    const on = !known || facts.enabled === Tri.TRI_UNKNOWN ? undefined : facts.enabled === Tri.TRI_YES;
    const backend = facts?.backend ? ` (${facts.backend})` : '';
    const states = new Map([['the firewall', { on, seen: `the firewall${backend} no longer filters incoming connections` }]]);
    for (const profile of facts?.profiles ?? []) {
      // Windows-style named profiles: each one switched off is a safeguard of its own.
      if (!/^(Domain|Private|Public)$/i.test(profile.name ?? '')) continue;
      states.set(`the firewall's ${profile.name} profile`, {
        on: profile.enabled === Tri.TRI_UNKNOWN ? undefined : profile.enabled === Tri.TRI_YES,
        seen: `the ${profile.name} profile of the firewall is off`,
      });
    }
    return { states };
  },
});
