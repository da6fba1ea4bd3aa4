// The macOS application firewall (socketfilterfw). It filters by application, not
// by port: an app listed "Allow incoming connections" becomes an inbound allow rule.
import { CollectionStatus, FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import { couldNotCollect, parseSource } from '../findings.ts';
import type { Finding, PlatformCheck } from '../types.ts';
import {
  parseSocketfilterfwApps, parseSocketfilterfwState, SOCKETFILTERFW_LISTAPPS_SOURCE, SOCKETFILTERFW_STATE_SOURCE,
  type FirewallApp, type FirewallState,
} from './parse-socketfilterfw.ts';

const SOCKETFILTERFW = '/usr/libexec/ApplicationFirewall/socketfilterfw';

const tri = (value: boolean | undefined): number => (value === undefined ? Tri.TRI_UNKNOWN : value ? Tri.TRI_YES : Tri.TRI_NO);

// macOS lets signed software (and apps the user approved) accept connections by
// default, so unless "block all" is on the inbound default is ALLOW, not DROP.
const inboundDefault = (state: FirewallState): number =>
  state.enabled && state.blockAll ? FirewallAction.FIREWALL_DROP : FirewallAction.FIREWALL_ALLOW;

const allowRule = (app: FirewallApp) => ({
  name: app.path.split('/').pop() ?? app.path,
  protocol: 'any',
  ports: '',
  source: '',
  application: app.path,
  profile: '',
  // The application firewall filters by application on every interface.
  interface: '',
});

export const check: PlatformCheck = {
  check: 'firewall',
  platform: 'macos',
  sources: () => [
    { kind: 'command', id: SOCKETFILTERFW_STATE_SOURCE, file: SOCKETFILTERFW, args: ['--getglobalstate', '--getblockall', '--getstealthmode'] },
    { kind: 'command', id: SOCKETFILTERFW_LISTAPPS_SOURCE, file: SOCKETFILTERFW, args: ['--listapps'] },
  ],
  interpret(collected): Finding {
    const state = parseSource(collected, SOCKETFILTERFW_STATE_SOURCE, parseSocketfilterfwState);
    if (!state.ok) return couldNotCollect(state.code, state.reason);
    const apps = parseSource(collected, SOCKETFILTERFW_LISTAPPS_SOURCE, parseSocketfilterfwApps);
    if (!apps.ok) return couldNotCollect(apps.code, apps.reason);
    return {
      status: CollectionStatus.COLLECTED,
      firewall: {
        enabled: tri(state.value.enabled),
        inboundDefault: inboundDefault(state.value),
        backend: 'socketfilterfw',
        profiles: [],
        inboundAllowRules: apps.value.filter((app) => app.allowIncoming).map(allowRule),
        inboundRulesListed: Tri.TRI_YES,
        stealthMode: tri(state.value.stealth),
        blockAllIncoming: tri(state.value.blockAll),
      },
    };
  },
};
