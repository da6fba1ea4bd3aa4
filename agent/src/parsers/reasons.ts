// One way to say why a tool's output could not be read: the catalogue sentence,
// then which source and what exactly, so a technician can find it in the bundle.
import { ERRORS, type ErrorCode } from '@invigilator/shared/errors.ts';
import { notParsed, type Parsed } from '../checks/types.ts';

export const unreadable = (code: ErrorCode, source: string, detail: string): Parsed<never> =>
  notParsed(code, `${ERRORS[code]} (${source}: ${detail})`);
