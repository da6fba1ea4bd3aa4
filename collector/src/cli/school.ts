// `school add`, `school policy set`.
import { resolve } from 'node:path';
import type { CommandSpec } from '@invigilator/shared/cli/dispatcher.ts';
import { requiredOption, stringOption, usageError } from '@invigilator/shared/cli/dispatcher.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { EnrolmentLimits } from '../store/enrolment-types.ts';
import { addSchool, rotateEnrolmentSecret } from '../schools.ts';
import { setSchoolPolicy } from '../school-policy.ts';
import { rejudgeSchool } from '../gateway/ingest.ts';
import { answer, DATA_DIR_OPTION, withStore, type CollectorCliContext } from './context.ts';

/** A whole number of 0 or more from --NAME, or undefined when not given. */
const countOption = (values: Parameters<typeof stringOption>[0], name: string): number | undefined => {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text)) throw usageError(`--${name} must be a whole number of 0 or more, not "${text}".`);
  return Number(text);
};

const describeLimits = (id: string, limits: EnrolmentLimits): string =>
  `School ${id} accepts ${limits.perHour} enrolment(s) an hour and ${limits.total} enrolled device(s) in all.`;

export const schoolCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'school add',
    summary: 'Adds a school and prints its enrolment secret (shown once: keep it in a file for `invigilator-agent enroll --secret-file`).',
    options: {
      id: { type: 'string', required: true, placeholder: 'ID', description: 'short id: lower-case letters, digits and dashes, e.g. north-primary' },
      name: { type: 'string', required: true, placeholder: 'NAME', description: 'the school\'s name as staff know it' },
      ...DATA_DIR_OPTION,
    },
    run: async (values, context) => {
      const school = { id: requiredOption(values, 'id'), name: requiredOption(values, 'name') };
      answer(context, await withStore(values, (store) => addSchool(store, school, context.now())));
    },
  },
  {
    name: 'school secret rotate',
    summary: 'Prints a new enrolment secret for the school (shown once); the old one stops enrolling, enrolled devices carry on.',
    options: {
      id: { type: 'string', required: true, placeholder: 'ID', description: 'the school' },
      ...DATA_DIR_OPTION,
    },
    run: async (values, context) => {
      answer(context, await withStore(values, (store) => rotateEnrolmentSecret(store, requiredOption(values, 'id'))));
    },
  },
  {
    name: 'school policy set',
    summary: 'Validates a policy pack (docs/policy.md) and makes it the school\'s.',
    options: {
      id: { type: 'string', required: true, placeholder: 'ID', description: 'the school' },
      file: { type: 'string', required: true, placeholder: 'PACK.json', description: 'the policy pack file' },
      ...DATA_DIR_OPTION,
    },
    run: async (values, context) => {
      const [id, file] = [requiredOption(values, 'id'), requiredOption(values, 'file')];
      const { devices, changed } = await withStore(values, async (store) => {
        await setSchoolPolicy(store, id, resolve(file), context.now());
        return rejudgeSchool(store, id, context.now());
      });
      answer(context, `The policy pack ${file} is now school ${id}'s. Its ${devices} device(s) were judged again `
        + `on their latest reports: ${changed} changed a verdict.`);
    },
  },
  {
    name: 'school limits',
    summary: 'Shows or sets how many devices may enrol in the school per hour and in all (beyond them, enrolment is refused and the admin alerted), and whether new devices wait for approval.',
    options: {
      id: { type: 'string', required: true, placeholder: 'ID', description: 'the school' },
      'per-hour': { type: 'string', placeholder: 'N', description: 'enrolments accepted in any 60 minutes' },
      total: { type: 'string', placeholder: 'N', description: 'devices enrolled and not revoked' },
      'hold-new-devices': { type: 'string', placeholder: 'yes|no', description: 'hold each new device\'s alerts until an admin approves it (device approve)' },
      ...DATA_DIR_OPTION,
    },
    run: async (values, context) => {
      const id = requiredOption(values, 'id');
      const [perHour, total] = [countOption(values, 'per-hour'), countOption(values, 'total')];
      const holdText = stringOption(values, 'hold-new-devices');
      if (holdText !== undefined && holdText !== 'yes' && holdText !== 'no') throw usageError(`--hold-new-devices is yes or no, not "${holdText}".`);
      const { limits, hold } = await withStore(values, async (store) => {
        if (!await store.getSchool(id)) throw new InvigilatorError('SCHOOL_UNKNOWN', `(${id})`);
        const current = await store.getEnrolmentLimits(id);
        const next = { perHour: perHour ?? current.perHour, total: total ?? current.total };
        if (perHour !== undefined || total !== undefined) await store.setEnrolmentLimits(id, next);
        if (holdText !== undefined) await store.setHoldNewDevices(id, holdText === 'yes');
        return { limits: next, hold: await store.getHoldNewDevices(id) };
      });
      answer(context, `${describeLimits(id, limits)} ${hold ? 'New devices wait for an admin\'s approval before they raise alerts.' : 'New devices raise alerts at once.'}`);
    },
  },
];
