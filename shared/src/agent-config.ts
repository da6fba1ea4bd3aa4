import type { CheckName } from './checks.ts';
import { DEFAULT_MISUSE_SETTINGS, type MisuseSettings } from './misuse-settings.ts';

/** The agent's working settings: the AgentConfig frame, with every field present. */
export interface AgentSettings {
  policyVersion: string;
  /** node-cron expressions, keyed by check name. */
  checkSchedules: Readonly<Record<CheckName, string>>;
  removableMountRoots: readonly string[];
  hashFileNames: boolean;
  heartbeatSeconds: number;
  misuse: MisuseSettings;
}

// What an agent does before the collector has told it otherwise: every check
// hourly (removable media every 5 minutes; the watcher reports attach/detach at
// once), removable media watched where Linux desktops and macOS mount it. The
// default policy pack sends the same roots, so a first connection changes nothing.
export const DEFAULT_AGENT_SETTINGS: AgentSettings = Object.freeze({
  policyVersion: 'built-in',
  checkSchedules: Object.freeze({
    encryption: '7 * * * *',
    antivirus: '17 * * * *',
    firewall: '*/15 * * * *',
    'password-policy': '27 * * * *',
    'removable-media': '*/5 * * * *',
    'screen-lock': '37 * * * *',
  }),
  removableMountRoots: Object.freeze(['/media', '/run/media', '/Volumes']),
  hashFileNames: false,
  heartbeatSeconds: 30,
  misuse: DEFAULT_MISUSE_SETTINGS,
});
