import { readFileSync } from 'node:fs';
import { deviceFacts } from '../device-facts.ts';
import { writeEnrolment } from '../state.ts';
import { agentEndpoint, enrol } from '../transport.ts';
import { optional, required, usageError } from './args.ts';
import { stateDirOf, type CommandContext } from './context.ts';
import { writeErr, writeOut } from './output.ts';
import { isLoopbackHost } from '@invigilator/shared/loopback.ts';
import { normaliseFingerprint, showFingerprint } from '../collector-trust.ts';

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
  const given = optional(context.line, 'fingerprint');
  const pinSha256 = given === undefined ? undefined : normaliseFingerprint(given);
  const endpoint = new URL(agentEndpoint(collectorUrl));
  if (endpoint.protocol === 'ws:' && !isLoopbackHost(endpoint.hostname) && context.line.values['insecure-plain'] !== true) {
    throw usageError(`${collectorUrl} is plain http beyond this machine: the device credential would cross the network readable. `
      + 'Use the https:// address the collector prints, or add --insecure-plain to accept that.');
  }
  const firstUse = endpoint.protocol === 'wss:' && !caFile && !pinSha256
    ? (context.line.values['trust-first-use'] === true ? 'accept' : 'show') : undefined;
  const facts = await deviceFacts(context.platform, context.logger);
  const result = await enrol(collectorUrl, secret, facts, {
    ...(caFile ? { caFile } : {}), ...(pinSha256 ? { pinSha256 } : {}), ...(firstUse ? { firstUse } : {}),
  });
  writeEnrolment(stateDirOf(context), { collectorUrl, ...result, ...(caFile ? { caFile } : {}) });
  if (firstUse === 'accept' && result.pinSha256) {
    await writeErr(`The collector's certificate was accepted on first use and is pinned from now on: SHA256 ${showFingerprint(result.pinSha256)}\n`
      + 'Check it is the fingerprint the collector printed when it started.\n');
  }
  context.logger.info({ deviceId: result.deviceId, schoolId: result.schoolId, pinned: result.pinSha256 ?? null }, 'This device is enrolled.');
  await writeOut(`${result.deviceId}\n`);
  return 0;
};
