// `status`: what the running agent last wrote to status.json, plus the outbox as it is now.
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

export interface StatusReport {
  enrolled: boolean;
  deviceId: string | null;
  collectorUrl: string | null;
  running: boolean;
  connected: boolean;
  outboxDepth: number | null;
  oldestEventAt: string | null;
  droppedEvents: { observation: number; misuse: number } | null;
  lastAckAt: string | null;
  lastAckSeq: number | null;
  lastError: AgentStatus['lastError'];
  statusUpdatedAt: string | null;
}

export const statusReport = (stateDir: string): StatusReport => {
  let enrolment: ReturnType<typeof readEnrolment> | null = null;
  try {
    enrolment = readEnrolment(stateDir);
  } catch {
    enrolment = null;
  }
  const status = readStatus(stateDir);
  const outbox = readOutboxSnapshot(statePaths(stateDir).outbox);
  const running = status !== null && isAlive(status.pid);
  return {
    enrolled: enrolment !== null,
    deviceId: enrolment?.deviceId ?? null,
    collectorUrl: enrolment?.collectorUrl ?? null,
    running,
    connected: running && status.connected,
    outboxDepth: outbox?.depth ?? null,
    oldestEventAt: outbox?.oldestOccurredAtMs ? when(outbox.oldestOccurredAtMs) : null,
    droppedEvents: outbox?.dropped ?? null,
    lastAckAt: status?.lastAckAtMs ? when(status.lastAckAtMs) : null,
    lastAckSeq: status?.lastAckSeq ?? null,
    lastError: status?.lastError ?? null,
    statusUpdatedAt: status ? when(status.updatedAtMs) : null,
  };
};

const asText = (report: StatusReport): string => [
  `Enrolled:          ${report.enrolled ? `yes (device ${report.deviceId}, collector ${report.collectorUrl})` : 'no (run `invigilator-agent enroll`)'}`,
  `Agent running:     ${report.running ? 'yes' : 'no'}`,
  `Connected:         ${report.connected ? 'yes' : 'no'}`,
  `Events waiting:    ${report.outboxDepth ?? 'no outbox yet'}${report.oldestEventAt ? ` (oldest from ${report.oldestEventAt})` : ''}`,
  `Events discarded:  ${report.droppedEvents ? `${report.droppedEvents.observation} routine, ${report.droppedEvents.misuse} misuse` : '0'}`,
  `Last acknowledged: ${report.lastAckAt ?? 'never'}${report.lastAckSeq ? ` (up to event ${report.lastAckSeq})` : ''}`,
  `Last error:        ${report.lastError ? `${report.lastError.code}: ${report.lastError.message}` : 'none'}`,
  '',
].join('\n');

export const statusCommand = async (context: CommandContext): Promise<number> => {
  const report = statusReport(stateDirOf(context));
  await writeOut(context.line.values.json ? toJsonText(report) : asText(report));
  return 0;
};
