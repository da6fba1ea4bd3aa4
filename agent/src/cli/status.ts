// `status`: what the running agent last wrote to status.json, plus the outbox as it is now. Each part
// that cannot be read says why (permission denied, a damaged file with its path) instead of a
// confident "no".
import { codeOf, InvigilatorError } from '@invigilator/shared/errors.ts';
import { readOutboxSnapshot } from '../outbox.ts';
import { readEnrolment, readStatus, statePaths, type AgentStatus } from '../state.ts';
import { stateDirOf, type CommandContext } from './context.ts';
import { toJsonText, writeOut } from './output.ts';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const when = (ms: number | null): string => (ms === null ? 'never' : new Date(ms).toISOString());

export interface StatusProblem { part: 'enrolment' | 'status' | 'outbox'; code: string; message: string }

export interface StatusReport {
  stateDir: string;
  /** null when the enrolment could not be read (see problems). */
  enrolled: boolean | null;
  deviceId: string | null;
  collectorUrl: string | null;
  running: boolean | null;
  connected: boolean | null;
  outboxDepth: number | null;
  oldestEventAt: string | null;
  droppedEvents: { observation: number; misuse: number } | null;
  lastAckAt: string | null;
  lastAckSeq: number | null;
  lastError: AgentStatus['lastError'];
  statusUpdatedAt: string | null;
  problems: StatusProblem[];
}

/** The value, or undefined with the failure recorded. */
const attempt = <T>(problems: StatusProblem[], part: StatusProblem['part'], read: () => T): T | undefined => {
  try {
    return read();
  } catch (error) {
    problems.push({ part, code: codeOf(error), message: error instanceof InvigilatorError ? error.message : String(error) });
    return undefined;
  }
};

export const statusReport = (stateDir: string): StatusReport => {
  const problems: StatusProblem[] = [];
  let enrolled: boolean | null = null;
  const enrolment = attempt(problems, 'enrolment', () => {
    try {
      const value = readEnrolment(stateDir);
      enrolled = true;
      return value;
    } catch (error) {
      if (codeOf(error) === 'NOT_ENROLLED' && /\(no /.test((error as Error).message)) {
        enrolled = false;
        return undefined;
      }
      throw error;
    }
  });
  const status = attempt(problems, 'status', () => readStatus(stateDir));
  const outbox = attempt(problems, 'outbox', () => readOutboxSnapshot(statePaths(stateDir).outbox));
  const running = status === undefined ? null : status !== null && isAlive(status.pid);
  return {
    stateDir,
    enrolled,
    deviceId: enrolment?.deviceId ?? null,
    collectorUrl: enrolment?.collectorUrl ?? null,
    running,
    connected: running === null ? null : running && Boolean(status?.connected),
    outboxDepth: outbox?.depth ?? (outbox === null ? 0 : null),
    oldestEventAt: outbox?.oldestOccurredAtMs ? when(outbox.oldestOccurredAtMs) : null,
    droppedEvents: outbox?.dropped ?? null,
    lastAckAt: status?.lastAckAtMs ? when(status.lastAckAtMs) : null,
    lastAckSeq: status?.lastAckSeq ?? null,
    lastError: status?.lastError ?? null,
    statusUpdatedAt: status ? when(status.updatedAtMs) : null,
    problems,
  };
};

const yesNo = (value: boolean | null, unknown: string): string => (value === null ? unknown : value ? 'yes' : 'no');

const asText = (report: StatusReport): string => {
  const problemOf = (part: StatusProblem['part']): string | undefined => report.problems.find((p) => p.part === part)?.code;
  const cannotTell = (part: StatusProblem['part']): string => `cannot tell (${problemOf(part) ?? 'unreadable'}, see below)`;
  const lines = [
    `State folder:      ${report.stateDir}`,
    `Enrolled:          ${report.enrolled === null ? cannotTell('enrolment') : report.enrolled
      ? `yes (device ${report.deviceId}, collector ${report.collectorUrl})` : 'no (run `invigilator-agent enroll`)'}`,
    `Agent running:     ${yesNo(report.running, cannotTell('status'))}`,
    `Connected:         ${yesNo(report.connected, cannotTell('status'))}`,
    `Events waiting:    ${report.outboxDepth === null ? cannotTell('outbox') : report.outboxDepth}${report.oldestEventAt ? ` (oldest from ${report.oldestEventAt})` : ''}`,
    `Events discarded:  ${report.droppedEvents ? `${report.droppedEvents.observation} routine, ${report.droppedEvents.misuse} misuse` : '0'}`,
    `Last acknowledged: ${report.lastAckAt ?? 'never'}${report.lastAckSeq ? ` (up to event ${report.lastAckSeq})` : ''}`,
    `Last error:        ${report.lastError ? `${report.lastError.code}: ${report.lastError.message}` : 'none'}`,
  ];
  if (report.problems.length > 0) {
    lines.push('', 'Could not read:', ...report.problems.map((problem) => `  ${problem.code}: ${problem.message}`));
  }
  return `${lines.join('\n')}\n`;
};

/** Exit 0 when everything could be read; 1 when some part could not (the report says which). */
export const statusCommand = async (context: CommandContext): Promise<number> => {
  const report = statusReport(stateDirOf(context));
  await writeOut(context.line.values.json ? toJsonText(report) : asText(report));
  return report.problems.length === 0 ? 0 : 1;
};
