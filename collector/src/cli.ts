// invigilator-collector. Each command group lives in cli/<group>.ts; answers (secrets, tokens) are the
// only stdout lines; a mistake is one sentence on stderr.
import { dispatch, processIo, type CliIo, type Program } from '@invigilator/shared/cli/dispatcher.ts';
import { chromeosCommands } from './cli/chromeos.ts';
import { channelCommands } from './cli/channel.ts';
import type { CollectorCliContext } from './cli/context.ts';
import { deviceIdentityCommands } from './cli/device-identity.ts';
import { deviceCommands } from './cli/device.ts';
import { exceptionCommands } from './cli/exception.ts';
import { personCommands } from './cli/person.ts';
import { routeCommands } from './cli/route.ts';
import { reportCommands } from './cli/report.ts';
import { schoolCommands } from './cli/school.ts';
import { serveCommands } from './cli/serve.ts';
import { termCommands } from './cli/term.ts';
import { tokenCommands } from './cli/token.ts';

export { DEFAULT_LISTEN, parseListen } from './listen.ts';

export const COLLECTOR_PROGRAM: Program<CollectorCliContext> = {
  name: 'invigilator-collector',
  intro: 'invigilator-collector: keeps every school device\'s health, judges it against the school\'s policy, raises alerts.',
  commands: [
    ...serveCommands, ...schoolCommands, ...personCommands, ...tokenCommands, ...deviceCommands, ...deviceIdentityCommands, ...channelCommands, ...routeCommands, ...termCommands,
    ...exceptionCommands, ...reportCommands, ...chromeosCommands,
  ],
  usageCodes: ['CONFIG_INVALID', 'ROLE_UNKNOWN', 'SCHOOL_EXISTS', 'SCHOOL_UNKNOWN', 'POLICY_INVALID', 'PORT_IN_USE', 'PERSON_EXISTS', 'PERSON_UNKNOWN',
    'TOKEN_UNKNOWN', 'TOKEN_RIGHTS_EXCEEDED', 'DEVICE_UNKNOWN', 'PASSWORD_INVALID', 'TERM_INVALID', 'TERM_UNKNOWN', 'EXCEPTION_RULE_UNKNOWN',
    'REPORT_FORMAT_UNKNOWN', 'NOT_FOUND', 'ROUTE_NOT_ALLOWED', 'CHANNEL_UNKNOWN', 'CHROMEOS_NOT_CONNECTED', 'CHROMEOS_SERVICE_ACCOUNT_INVALID'],
};

/** Runs one command; resolves to the process exit code. */
export const runCli = (argv: readonly string[], io: CliIo = processIo): Promise<number> =>
  dispatch(COLLECTOR_PROGRAM, argv, { io, now: Date.now }, io);
