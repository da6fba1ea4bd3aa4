// What a technician does to get a diagnostic bundle from one device (docs/diagnostic-bundles.md): the
// command where each installer puts the agent, where the bundle lands, and how to replay it.

export const PLATFORMS = ['linux', 'windows', 'macos', 'chromeos'] as const;
export type PlatformName = (typeof PLATFORMS)[number];

/** The agent's platform fact (PLATFORM_WINDOWS) as the API names it (windows); null when the device never said. */
export const platformName = (fact: unknown): PlatformName | null => {
  const name = typeof fact === 'string' ? fact.replace(/^PLATFORM_/, '').toLowerCase() : '';
  return (PLATFORMS as readonly string[]).includes(name) ? name as PlatformName : null;
};

export const platformFact = (name: PlatformName): string => `PLATFORM_${name.toUpperCase()}`;

interface BundleSteps { platform: PlatformName | null; steps: string[]; command: string | null; replay: string | null; doc: string }

const REPLAY = 'invigilator-agent check --replay BUNDLE-FOLDER --json';
const DOC = 'docs/diagnostic-bundles.md';
const AFTER = 'Review the folder (command output and system settings files; no user files, no credentials), then send it to whoever investigates.';

const STEPS: Record<PlatformName, Omit<BundleSteps, 'platform' | 'doc'>> = {
  windows: {
    command: '& "$env:ProgramFiles\\Invigilator\\invigilator-agent.exe" diagnose --out C:\\Temp\\invigilator-bundle',
    steps: ['On the device, open PowerShell as an administrator.', 'Run the command below; it writes the bundle to C:\\Temp\\invigilator-bundle.', AFTER],
    replay: REPLAY,
  },
  macos: {
    command: 'sudo /Library/Invigilator/invigilator-agent diagnose --out /tmp/invigilator-bundle',
    steps: ['On the Mac, open Terminal with an administrator account.', 'Run the command below; it writes the bundle to /tmp/invigilator-bundle.', AFTER],
    replay: REPLAY,
  },
  linux: {
    command: 'sudo /usr/bin/invigilator-agent diagnose --out /tmp/invigilator-bundle',
    steps: ['On the device, open a terminal as a user who may use sudo.', 'Run the command below; it writes the bundle to /tmp/invigilator-bundle.', AFTER],
    replay: REPLAY,
  },
  chromeos: {
    command: null,
    steps: [
      'A Chromebook runs no agent that can write a bundle: its checks come from the extension and from Google Admin.',
      'Compare the device page with the device in the Google Admin console (Devices > Chrome > Devices).',
    ],
    replay: null,
  },
};

export const diagnosticSteps = (platform: PlatformName | null): BundleSteps => platform
  ? { platform, ...STEPS[platform], doc: DOC }
  : { platform: null, steps: ['The device has not said which operating system it runs; see the instructions for each.'], command: null, replay: REPLAY, doc: DOC };
