// `school add`, `school policy set`.
import { resolve } from 'node:path';
import type { CommandSpec } from '@invigilator/shared/cli/dispatcher.ts';
import { requiredOption } from '@invigilator/shared/cli/dispatcher.ts';
import { addSchool, rotateEnrolmentSecret } from '../schools.ts';
import { setSchoolPolicy } from '../school-policy.ts';
import { rejudgeSchool } from '../gateway/ingest.ts';
import { answer, DATA_DIR_OPTION, withStore, type CollectorCliContext } from './context.ts';

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
];
