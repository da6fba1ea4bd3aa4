// Windows Defender Firewall: the three profiles from Get-NetFirewallProfile
// (effective settings, group policy included), `netsh advfirewall` only when that
// failed, and the inbound allow rules in force.
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { couldNotCollect, parseFallbackSource, parseSource } from '../findings.ts';
import type { Collected, Finding, Parsed, PlatformCheck, SourceSpec } from '../types.ts';
import { POWERSHELL_TIMEOUT_MS, powershellSource, primaryOrFallback, system32Path } from '../windows-powershell.ts';
import { firewallFacts, type WindowsProfile } from './firewall-profiles.ts';
import { parseInboundAllowRules } from './parse-inbound-allow-rules.ts';
import { parseNetFirewallProfile } from './parse-net-firewall-profile.ts';
import { parseNetshAdvfirewall } from './parse-netsh-advfirewall.ts';

export const PROFILE_SOURCE = 'windows.get-netfirewallprofile';
export const NETSH_SOURCE = 'windows.netsh-advfirewall-show-allprofiles';
export const RULES_SOURCE = 'windows.get-netfirewallrule-inbound-allow';

const PROFILE_SCRIPT = 'Get-NetFirewallProfile -PolicyStore ActiveStore | Select-Object Name, Enabled, DefaultInboundAction, AllowInboundRules';

// Filters are read once and joined by InstanceID: piping each rule to the
// filter cmdlets takes minutes on a machine with hundreds of rules.
const RULES_SCRIPT = [
  '$ports = @{}; Get-NetFirewallPortFilter -All -PolicyStore ActiveStore | ForEach-Object { $ports[$_.InstanceID] = $_ }',
  '$addresses = @{}; Get-NetFirewallAddressFilter -All -PolicyStore ActiveStore | ForEach-Object { $addresses[$_.InstanceID] = $_ }',
  '$programs = @{}; Get-NetFirewallApplicationFilter -All -PolicyStore ActiveStore | ForEach-Object { $programs[$_.InstanceID] = $_ }',
  'Get-NetFirewallRule -PolicyStore ActiveStore -Direction Inbound -Enabled True -Action Allow | ForEach-Object {'
    + ' $port = $ports[$_.InstanceID]; $address = $addresses[$_.InstanceID]; $program = $programs[$_.InstanceID];'
    + ' [pscustomobject]@{ Name = $_.Name; DisplayName = $_.DisplayName; Profile = [string]$_.Profile; Protocol = [string]$port.Protocol;'
    + ' LocalPort = @($port.LocalPort); RemoteAddress = @($address.RemoteAddress); Program = [string]$program.Program } }',
].join('; ');

const netshSource = (): SourceSpec => ({
  id: NETSH_SOURCE, kind: 'command', file: system32Path('netsh.exe'), args: ['advfirewall', 'show', 'allprofiles'], timeoutMs: POWERSHELL_TIMEOUT_MS,
});

const readProfiles = (collected: Collected): Parsed<WindowsProfile[]> => parseSource(collected, PROFILE_SOURCE, parseNetFirewallProfile);

export const check: PlatformCheck = {
  check: 'firewall',
  platform: 'windows',
  sources(collected) {
    if (!collected.has(PROFILE_SOURCE)) return [powershellSource(PROFILE_SOURCE, PROFILE_SCRIPT), powershellSource(RULES_SOURCE, RULES_SCRIPT, 2 * POWERSHELL_TIMEOUT_MS)];
    return readProfiles(collected).ok ? [] : [netshSource()];
  },
  interpret(collected): Finding {
    const profiles = primaryOrFallback(readProfiles(collected), parseFallbackSource(collected, NETSH_SOURCE, parseNetshAdvfirewall));
    if (!profiles.ok) return couldNotCollect(profiles.code, profiles.reason);
    // No allow rule prints nothing.
    const rules = parseSource(collected, RULES_SOURCE, parseInboundAllowRules, { allowEmpty: true });
    // The profiles are the main fact; a rule list that could not be read is said, not hidden.
    return { status: CollectionStatus.COLLECTED, firewall: firewallFacts(profiles.value, rules) };
  },
};
