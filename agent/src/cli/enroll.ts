import { deviceFacts } from '../device-facts.ts';
import { writeEnrolment } from '../state.ts';
import { agentEndpoint, enrol } from '../transport.ts';
import { optional, required } from './args.ts';
import { stateDirOf, type CommandContext } from './context.ts';
import { writeOut } from './output.ts';

export const enrollCommand = async (context: CommandContext): Promise<number> => {
  const collectorUrl = required(context.line, 'collector');
  const secret = required(context.line, 'secret');
  const caFile = optional(context.line, 'ca-file');
  agentEndpoint(collectorUrl);
  const facts = await deviceFacts(context.platform, context.logger);
  const result = await enrol(collectorUrl, secret, facts, caFile);
  writeEnrolment(stateDirOf(context), { collectorUrl, ...result, ...(caFile ? { caFile } : {}) });
  context.logger.info({ deviceId: result.deviceId, schoolId: result.schoolId }, 'This device is enrolled.');
  await writeOut(`${result.deviceId}\n`);
  return 0;
};
