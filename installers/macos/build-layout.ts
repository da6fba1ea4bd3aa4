// The macOS package as far as Linux can take it: the pkgbuild payload (the darwin-x64 single
// executable, the launchd daemon), the install scripts, the configuration profiles for
// enrolment and for removable-volume access, and build-pkg.sh, the one command run on a Mac.
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../scripts/build-agent.ts';
import { stableGuid } from '../windows/build-msi.ts';
import { toPlistXml, type PlistInput } from './plist-writer.ts';

const HERE = path.join(ROOT, 'installers/macos');
export const AGENT_PATH = '/Library/Invigilator/invigilator-agent';
export const PREFERENCE_DOMAIN = 'com.invigilator.agent';

export interface MacLayoutOptions {
  executable: string;
  version: string;
  outDir: string;
  /** Filled into the enrolment profile when known; a placeholder says what to put otherwise. */
  collector?: string;
  /** The signer's Apple team id, for the PPPC code requirement; build-pkg.sh sets the exact requirement on the Mac. */
  teamId?: string;
}

const profile = (identifier: string, displayName: string, description: string, content: { [key: string]: PlistInput }): PlistInput => ({
  PayloadDisplayName: displayName,
  PayloadDescription: description,
  PayloadIdentifier: identifier,
  PayloadOrganization: 'Invigilator',
  PayloadScope: 'System',
  PayloadType: 'Configuration',
  PayloadUUID: stableGuid(identifier),
  PayloadVersion: 1,
  PayloadContent: [{
    PayloadIdentifier: `${identifier}.payload`,
    PayloadUUID: stableGuid(identifier, 'payload'),
    PayloadVersion: 1,
    ...content,
  }],
});

export const enrolmentSettings = (collector?: string): { [key: string]: PlistInput } => ({
  Collector: collector ?? 'https://collector.school.example',
  EnrolmentSecret: 'the school enrolment secret from: invigilator-collector school add',
});

export const removableVolumesPppc = (teamId?: string): PlistInput => profile(
  'com.invigilator.agent.pppc', 'Invigilator agent: removable volumes',
  'Lets the Invigilator agent see files written to memory sticks, as the school e-safety policy requires.',
  {
    PayloadType: 'com.apple.TCC.configuration-profile-policy',
    PayloadDisplayName: 'Invigilator agent privacy preferences',
    Services: {
      SystemPolicyRemovableVolumes: [{
        Identifier: AGENT_PATH,
        IdentifierType: 'path',
        CodeRequirement: `identifier "com.invigilator.agent" and anchor apple generic and certificate leaf[subject.OU] = "${teamId ?? 'TEAMID'}"`,
        Authorization: 'Allow',
        Comment: 'Removable-media monitoring required by the school e-safety policy',
      }],
    },
  },
);

export const buildMacLayout = ({ executable, version, outDir, collector, teamId }: MacLayoutOptions): string => {
  rmSync(outDir, { recursive: true, force: true });
  const put = (source: string, inLayout: string, mode: number): void => {
    const target = path.join(outDir, inLayout);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, target);
    chmodSync(target, mode);
  };
  const write = (inLayout: string, text: string): void => {
    mkdirSync(path.dirname(path.join(outDir, inLayout)), { recursive: true });
    writeFileSync(path.join(outDir, inLayout), text);
  };
  put(executable, `payload${AGENT_PATH}`, 0o755);
  put(path.join(HERE, 'uninstall.sh'), 'payload/Library/Invigilator/uninstall.sh', 0o755);
  put(path.join(HERE, 'com.invigilator.agent.plist'), 'payload/Library/LaunchDaemons/com.invigilator.agent.plist', 0o644);
  put(path.join(HERE, 'scripts/preinstall'), 'scripts/preinstall', 0o755);
  put(path.join(HERE, 'scripts/postinstall'), 'scripts/postinstall', 0o755);
  put(path.join(HERE, 'entitlements.plist'), 'entitlements.plist', 0o644);
  put(path.join(HERE, 'build-pkg.sh'), 'build-pkg.sh', 0o755);
  put(path.join(HERE, 'uninstall.sh'), 'uninstall.sh', 0o755);
  write('VERSION', `${version}\n`);
  // Jamf "Application & Custom Settings" and Intune "Preference file" take the keys alone.
  write(`profiles/${PREFERENCE_DOMAIN}.plist`, toPlistXml(enrolmentSettings(collector)));
  write('profiles/invigilator-enrolment.mobileconfig', toPlistXml(profile('com.invigilator.agent.enrolment', 'Invigilator agent enrolment',
    'Where this Mac\'s Invigilator agent reports, and the school\'s enrolment secret.',
    { PayloadType: PREFERENCE_DOMAIN, PayloadDisplayName: 'Invigilator agent settings', ...enrolmentSettings(collector) })));
  write('profiles/invigilator-removable-volumes-pppc.mobileconfig', toPlistXml(removableVolumesPppc(teamId)));
  return outDir;
};
