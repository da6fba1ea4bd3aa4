// The agent's commands and their options, for the shared dispatcher; helpers to read the values.
import type { OptionSpec, OptionValues } from '@invigilator/shared/cli/dispatcher.ts';
import { stringOption, usageError } from '@invigilator/shared/cli/dispatcher.ts';

export { usageError };

const STATE_DIR: OptionSpec = { type: 'string', placeholder: 'DIR', description: 'the agent\'s state folder (default: the system one the installers use)' };

export const COMMAND_OPTIONS = {
  enroll: {
    collector: { type: 'string', required: true, placeholder: 'URL', description: 'the collector\'s address as it prints it (https://host, http://host:8470; wss:// and ws:// too)' },
    'secret-file': { type: 'string', placeholder: 'FILE', description: 'a file holding the school\'s enrolment secret' },
    secret: { type: 'string', placeholder: 'SECRET', description: 'the secret itself (others can see it in the process list: prefer --secret-file or INVIGILATOR_ENROLMENT_SECRET)' },
    'state-dir': STATE_DIR,
    'ca-file': { type: 'string', placeholder: 'FILE', description: 'the CA certificate the collector\'s TLS certificate must chain to' },
    fingerprint: { type: 'string', placeholder: 'SHA256', description: 'the certificate fingerprint the collector printed at start: checked now and pinned' },
    'trust-first-use': { type: 'boolean', description: 'accept the certificate the collector presents now and pin it (prints its fingerprint to compare)' },
    'insecure-plain': { type: 'boolean', description: 'allow a plain http:// or ws:// collector beyond this machine (the credential crosses the network readable)' },
  },
  run: { 'state-dir': STATE_DIR },
  check: {
    json: { type: 'boolean', description: 'print the observations as JSON' },
    replay: { type: 'string', placeholder: 'DIR', description: 'run the checks on a diagnostic bundle instead of this device' },
    misuse: { type: 'boolean', description: 'print what the misuse watchers see (logged-in user, Wi-Fi, bypass tools, anti-virus services) instead of the checks' },
  },
  diagnose: { out: { type: 'string', required: true, placeholder: 'DIR', description: 'the folder to write the bundle to' } },
  status: { 'state-dir': STATE_DIR, json: { type: 'boolean', description: 'print the status as JSON' } },
  'stopping-for': {
    reason: { type: 'string', required: true, placeholder: 'upgrade|uninstall', description: 'why the installer is about to stop the agent' },
    'next-version': { type: 'string', placeholder: 'VERSION', description: 'with upgrade: the version being installed' },
    'state-dir': STATE_DIR,
  },
  'remove-state': { 'state-dir': STATE_DIR },
} as const satisfies Record<string, Record<string, OptionSpec>>;

export type CommandName = keyof typeof COMMAND_OPTIONS;

export interface CommandLine {
  command: CommandName;
  values: OptionValues;
}

/** A string option the command cannot run without. */
export const required = (line: CommandLine, name: string): string => {
  const value = stringOption(line.values, name);
  if (value === undefined || value.trim() === '') throw usageError(`"${line.command}" needs --${name}.`);
  return value;
};

export const optional = (line: CommandLine, name: string): string | undefined => stringOption(line.values, name);
