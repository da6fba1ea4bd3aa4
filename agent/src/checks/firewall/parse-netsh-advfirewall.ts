// `netsh advfirewall show allprofiles` (English). netsh translates its labels,
// so anything without the English profile headings is reported as localised.
import { FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { completeProfiles, type WindowsProfile } from './firewall-profiles.ts';

const HEADING = /^(Domain|Private|Public) Profile Settings:\s*$/;
const SETTING = /^(State|Firewall Policy)\s{2,}(\S.*)$/;

const profileOf = (name: string, settings: ReadonlyMap<string, string>): Parsed<WindowsProfile> => {
  const state = settings.get('State');
  const policy = settings.get('Firewall Policy');
  if (state === undefined || policy === undefined) {
    return notParsed('OUTPUT_TRUNCATED', `netsh stops part-way through the ${name} profile.`);
  }
  const inbound = policy.split(',')[0]?.trim() ?? '';
  if (!/^(ON|OFF)$/.test(state) || !/^(BlockInbound|BlockInboundAlways|AllowInbound|NotConfigured)$/.test(inbound)) {
    return notParsed('OUTPUT_UNRECOGNISED', `netsh reported the ${name} profile as "${state}", "${policy}".`);
  }
  return parsed({
    name,
    enabled: state === 'ON' ? Tri.TRI_YES : Tri.TRI_NO,
    inboundDefault: inbound === 'AllowInbound' ? FirewallAction.FIREWALL_ALLOW : FirewallAction.FIREWALL_DROP,
    blockAllIncoming: inbound === 'BlockInboundAlways' ? Tri.TRI_YES : Tri.TRI_NO,
  });
};

export const parseNetshAdvfirewall = (text: string): Parsed<WindowsProfile[]> => {
  const sections: { name: string; settings: Map<string, string> }[] = [];
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = rawLine.trimEnd();
    const heading = HEADING.exec(line);
    if (heading?.[1]) {
      sections.push({ name: heading[1], settings: new Map() });
      continue;
    }
    const setting = SETTING.exec(line);
    const section = sections.at(-1);
    if (setting?.[1] && section && !section.settings.has(setting[1])) section.settings.set(setting[1], (setting[2] ?? '').trim());
  }
  if (sections.length === 0) {
    return /-{20,}/.test(text)
      ? notParsed('OUTPUT_LOCALISED', 'netsh answered in a language other than English.')
      : notParsed('OUTPUT_UNRECOGNISED', 'netsh printed no firewall profile the agent recognises.');
  }
  const profiles: WindowsProfile[] = [];
  for (const section of sections) {
    const profile = profileOf(section.name, section.settings);
    if (!profile.ok) return profile;
    profiles.push(profile.value);
  }
  return completeProfiles(profiles, 'netsh advfirewall');
};
