import { readFileSync } from 'node:fs';
import { deviceFacts } from '../device-facts.ts';
import { writeEnrolment } from '../state.ts';
import { agentEndpoint, enrol } from '../transport.ts';
import { optional, required, usageError } from './args.ts';
import { stateDirOf, type CommandContext } from './context.ts';
import { writeOut } from './output.ts';

/** Where the enrolment secret comes from, kept off the command line where `ps` and shell history would show it. */
export const SECRET_ENV = 'INVIGILATOR_ENROLMENT_SECRET';

const enrolmentSecret = (context: CommandContext, env: NodeJS.ProcessEnv): string => {
  const file = optional(context.line, 'secret-file');
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw usageError(code === 'ENOENT' ? `There is no secret file ${file}.`
        : code === 'EACCES' || code === 'EPERM' ? `The secret file ${file} may not be read by this user (enrol as root or an administrator).`
          : `The secret file ${file} cannot be read (${code ?? (error as Error).message}).`);
    }
    const secret = text.split(/\r?\n/)[0]?.trim() ?? '';
    if (secret === '') throw usageError(`The secret file ${file} is empty.`);
    return secret;
  }
  const fromEnv = env[SECRET_ENV]?.trim();
  if (fromEnv) return fromEnv;
  const fromArgs = optional(context.line, 'secret');
  if (fromArgs) return fromArgs;
  throw usageError(`enroll needs the school's enrolment secret: --secret-file FILE, the ${SECRET_ENV} environment variable, or --secret.`);
};

export const enrollCommand = async (context: CommandContext, env: NodeJS.ProcessEnv = process.env): Promise<number> => {
  const collectorUrl = required(context.line, 'collector');
  const secret = enrolmentSecret(context, env);
  const caFile = optional(context.line, 'ca-file');
  agentEndpoint(collectorUrl);
  const facts = await deviceFacts(context.platform, context.logger);
  const result = await enrol(collectorUrl, secret, facts, caFile);
  writeEnrolment(stateDirOf(context), { collectorUrl, ...result, ...(caFile ? { caFile } : {}) });
  context.logger.info({ deviceId: result.deviceId, schoolId: result.schoolId }, 'This device is enrolled.');
  await writeOut(`${result.deviceId}\n`);
  return 0;
};
