// The six checks every platform reports. Names are stable: they key schedules,
// verdicts, alerts and diagnostic bundles.
export const CHECK_NAMES = ['encryption', 'antivirus', 'firewall', 'password-policy', 'removable-media', 'screen-lock'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export const isCheckName = (value: string): value is CheckName =>
  (CHECK_NAMES as readonly string[]).includes(value);

export const AGENT_PLATFORMS = ['linux', 'windows', 'macos'] as const;
export type AgentPlatform = (typeof AGENT_PLATFORMS)[number];
