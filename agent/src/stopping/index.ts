// Why the agent is stopping, for its last event: an installer's note first (upgrade,
// uninstall), else what the platform's service manager shows. Never throws and never
// takes long: the service manager's stop timeout is running.
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import { codeOf, ERRORS } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { StopReason, type AgentStopping } from '@invigilator/shared/wire.ts';
import { AGENT_VERSION } from '../agent-version.ts';
import type { SourceProvider } from '../checks/types.ts';
import { takeInstallerNote, type InstallerNote } from './installer-note.ts';
import { linuxStopReason, ownUnit } from './linux.ts';

export interface StopReasonOptions {
  platform: AgentPlatform;
  provider: SourceProvider;
  stateDir: string;
  /** The signal that asked the agent to stop. */
  signal: string;
  logger: Logger;
  /** The systemd unit the agent runs as (Linux); read from /proc/self/cgroup unless given. */
  unit?: string | undefined;
}

const fromNote = (note: InstallerNote, signal: string): AgentStopping => (note.action === 'uninstall'
  ? { reason: StopReason.STOP_REASON_UNINSTALL, signal, detail: `An installer is removing the agent (version ${AGENT_VERSION}).` }
  : {
    reason: StopReason.STOP_REASON_UPGRADE, signal, nextVersion: note.nextVersion,
    detail: `An installer is replacing the agent (version ${AGENT_VERSION}${note.nextVersion ? ` with ${note.nextVersion}` : ''}).`,
  });

const fromPlatform = async (options: StopReasonOptions): Promise<AgentStopping> => {
  const { signal } = options;
  switch (options.platform) {
    case 'linux':
      return linuxStopReason({ provider: options.provider, signal, unit: 'unit' in options ? options.unit : ownUnit() });
    case 'macos':
      return { reason: StopReason.STOP_REASON_UNSPECIFIED, signal, detail: `launchd stopped the agent (${signal}); macOS does not tell a daemon whether the Mac is shutting down or the daemon was unloaded.` };
    case 'windows':
      return { reason: StopReason.STOP_REASON_UNSPECIFIED, signal, detail: `The service stopped the agent (${signal}); Windows does not tell the agent whether the computer is shutting down or the service was stopped.` };
  }
};

export const whyStopping = async (options: StopReasonOptions): Promise<AgentStopping> => {
  const { signal, logger } = options;
  try {
    const note = takeInstallerNote(options.stateDir);
    if (note) return fromNote(note, signal);
  } catch (error) {
    logger.warn({ code: 'STATE_DIR_UNUSABLE', err: error }, `${ERRORS.STATE_DIR_UNUSABLE} (the installer's note of why the agent stops could not be read)`);
  }
  try {
    return await fromPlatform(options);
  } catch (error) {
    const code = codeOf(error);
    logger.warn({ code, err: error }, 'Could not tell why the agent is stopping.');
    return { reason: StopReason.STOP_REASON_UNSPECIFIED, signal, detail: `The agent was stopped (${signal}); why could not be read: ${(error as Error).message}` };
  }
};
