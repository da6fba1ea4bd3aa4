// Windows Defender Firewall: the three profiles from Get-NetFirewallProfile
// (effective settings, group policy included), the firewall's COM interface only
// when that failed, the inbound allow rules in force, and any other firewall
// registered with Windows Security Center (a suite that switched Windows' own off).
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { couldNotCollect } from '../findings.ts';
import type { Collected, Finding, Parsed, PlatformCheck } from '../types.ts';
import {
  parsePowerShellFallback, parsePowerShellSource, POWERSHELL_TIMEOUT_MS, powershellSource, primaryOrFallback, selectProperties,
} from '../windows-powershell.ts';
import { firewallFacts, type WindowsProfile } from './firewall-profiles.ts';
import { parseFirewallPolicy2 } from './parse-firewall-policy2.ts';
import { parseInboundAllowRules } from './parse-inbound-allow-rules.ts';
import { parseNetFirewallProfile } from './parse-net-firewall-profile.ts';
import { parseSecurityCenterFirewall } from './parse-security-center-firewall.ts';

export const PROFILE_SOURCE = 'windows.get-netfirewallprofile';
export const FWPOLICY2_SOURCE = 'windows.fwpolicy2-profiles';
export const RULES_SOURCE = 'windows.get-netfirewallrule-inbound-allow';
export const SECURITY_CENTER_FIREWALL_SOURCE = 'windows.securitycenter2-firewallproduct';

const PROFILE_SCRIPT = `Get-NetFirewallProfile -PolicyStore ActiveStore | ${selectProperties('Name', 'Enabled', 'DefaultInboundAction', 'AllowInboundRules')}`;

// NET_FW_PROFILE2: Domain 1, Private 2, Public 4. Numbers and booleans, not netsh's translated text.
export const FWPOLICY2_SCRIPT = '$policy = New-Object -ComObject HNetCfg.FwPolicy2; @(@(\'Domain\', 1), @(\'Private\', 2), @(\'Public\', 4)) | ForEach-Object {'
  + ' [pscustomobject]@{ Name = $_[0]; Enabled = [bool]$policy.FirewallEnabled($_[1]); DefaultInboundAction = [int]$policy.DefaultInboundAction($_[1]);'
  + ' BlockAllInboundTraffic = [bool]$policy.BlockAllInboundTraffic($_[1]) } }';

// Filters are read once and joined by InstanceID: piping each rule to the
// filter cmdlets takes minutes on a machine with hundreds of rules. The
// interface filters say when a rule lets traffic in on one interface only.
export const RULES_SCRIPT = [
  '$ports = @{}; Get-NetFirewallPortFilter -All -PolicyStore ActiveStore | ForEach-Object { $ports[$_.InstanceID] = $_ }',
  '$addresses = @{}; Get-NetFirewallAddressFilter -All -PolicyStore ActiveStore | ForEach-Object { $addresses[$_.InstanceID] = $_ }',
  '$programs = @{}; Get-NetFirewallApplicationFilter -All -PolicyStore ActiveStore | ForEach-Object { $programs[$_.InstanceID] = $_ }',
  '$interfaces = @{}; Get-NetFirewallInterfaceFilter -All -PolicyStore ActiveStore | ForEach-Object { $interfaces[$_.InstanceID] = $_ }',
  '$interfaceTypes = @{}; Get-NetFirewallInterfaceTypeFilter -All -PolicyStore ActiveStore | ForEach-Object { $interfaceTypes[$_.InstanceID] = $_ }',
  'Get-NetFirewallRule -PolicyStore ActiveStore -Direction Inbound -Enabled True -Action Allow | ForEach-Object {'
    + ' $port = $ports[$_.InstanceID]; $address = $addresses[$_.InstanceID]; $program = $programs[$_.InstanceID];'
    + ' $interface = $interfaces[$_.InstanceID]; $interfaceType = $interfaceTypes[$_.InstanceID];'
    + ' [pscustomobject]@{ Name = $_.Name; DisplayName = $_.DisplayName; Profile = [string]$_.Profile; Protocol = [string]$port.Protocol;'
    + ' LocalPort = @($port.LocalPort); RemoteAddress = @($address.RemoteAddress); Program = [string]$program.Program;'
    + ' InterfaceAlias = @($interface.InterfaceAlias); InterfaceType = [string]$interfaceType.InterfaceType } }',
].join('; ');

// Absent on Windows Server (no Security Center): the check then says the list could not be read.
const SECURITY_CENTER_FIREWALL_SCRIPT = 'Get-CimInstance -Namespace root/SecurityCenter2 -ClassName FirewallProduct'
  + ` | ${selectProperties('displayName', 'instanceGuid', 'pathToSignedProductExe', 'productState')}`;

const readProfiles = (collected: Collected): Parsed<WindowsProfile[]> => parsePowerShellSource(collected, PROFILE_SOURCE, parseNetFirewallProfile);

export const check: PlatformCheck = {
  check: 'firewall',
  platform: 'windows',
  sources(collected) {
    if (!collected.has(PROFILE_SOURCE)) {
      return [
        powershellSource(PROFILE_SOURCE, PROFILE_SCRIPT),
        powershellSource(RULES_SOURCE, RULES_SCRIPT, 2 * POWERSHELL_TIMEOUT_MS),
        powershellSource(SECURITY_CENTER_FIREWALL_SOURCE, SECURITY_CENTER_FIREWALL_SCRIPT),
      ];
    }
    return readProfiles(collected).ok ? [] : [powershellSource(FWPOLICY2_SOURCE, FWPOLICY2_SCRIPT)];
  },
  interpret(collected): Finding {
    const profiles = primaryOrFallback(readProfiles(collected), parsePowerShellFallback(collected, FWPOLICY2_SOURCE, parseFirewallPolicy2));
    if (!profiles.ok) return couldNotCollect(profiles.code, profiles.reason);
    // No allow rule, or no registered firewall, prints nothing.
    const rules = parsePowerShellSource(collected, RULES_SOURCE, parseInboundAllowRules, { allowEmpty: true });
    const registered = parsePowerShellSource(collected, SECURITY_CENTER_FIREWALL_SOURCE, parseSecurityCenterFirewall, { allowEmpty: true });
    // The profiles are the main fact; a list that could not be read is said, not hidden.
    return {
      status: CollectionStatus.COLLECTED,
      firewall: {
        ...firewallFacts(profiles.value, rules),
        registeredFirewalls: registered.ok ? registered.value : [],
        registeredFirewallsListed: registered.ok ? Tri.TRI_YES : Tri.TRI_NO,
      },
    };
  },
};
