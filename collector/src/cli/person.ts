// `person add`, `person list`, `person disable`, `person enable`.
import type { CommandSpec } from '@invigilator/shared/cli/dispatcher.ts';
import { listOption, requiredOption, stringOption, usageError } from '@invigilator/shared/cli/dispatcher.ts';
import { readFileSync } from 'node:fs';
import { addPerson, disablePerson, enablePerson, personByEmail } from '../people/people.ts';
import { setPersonPassword } from '../sign-in/passwords.ts';
import { checkDigestTime, DEFAULT_TIME_ZONE } from '../notify/digest.ts';
import { isRole, ROLES, type Person } from '../store/types.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { answer, DATA_DIR_OPTION, withStore, type CollectorCliContext } from './context.ts';

const describePerson = (person: Person): string =>
  `${person.email}\t${person.name}\t${person.roles.join(',')}\t${person.schools === 'all' ? 'all schools' : person.schools.join(',')}`
  + `${person.disabledAt === null ? '' : `\tdisabled ${new Date(person.disabledAt).toISOString()}`}`;

/** The password from a file or piped in, never from the command line (it would sit in the shell history). */
const readPassword = (file: string | undefined): string => {
  if (file === undefined && process.stdin.isTTY) {
    throw usageError('Pipe the password in (e.g. from a password manager) or give --password-file FILE; it is never typed as an option.');
  }
  let text: string;
  try {
    text = readFileSync(file ?? 0, 'utf8');
  } catch (error) {
    throw new InvigilatorError('PASSWORD_INVALID', `${file ?? 'Standard input'} cannot be read.`, { cause: error });
  }
  // One line: the newline an editor or echo adds is not part of it.
  return text.replace(/\r?\n$/, '');
};

const EMAIL_OPTION = { email: { type: 'string', required: true, placeholder: 'EMAIL', description: 'the person\'s email address' } } as const;

export const personCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'person add',
    summary: 'Adds a member of staff who may sign in and receive alerts for their role.',
    options: {
      ...EMAIL_OPTION,
      name: { type: 'string', required: true, placeholder: 'NAME', description: 'their name as colleagues know it' },
      role: { type: 'string', required: true, multiple: true, placeholder: 'ROLE', description: `one of ${ROLES.join(', ')}` },
      school: { type: 'string', multiple: true, placeholder: 'ID', description: 'a school they cover' },
      'all-schools': { type: 'boolean', description: 'they cover every school (a trust-wide role), instead of --school' },
      ...DATA_DIR_OPTION,
    },
    notes: 'A DSL usually covers one school; a trust\'s network manager --all-schools.',
    run: async (values, context) => {
      const person = await withStore(values, (store) => addPerson(store, {
        email: requiredOption(values, 'email'), name: requiredOption(values, 'name'),
        roles: listOption(values, 'role'), schools: listOption(values, 'school'), allSchools: values['all-schools'] === true,
      }, context.now()));
      answer(context, `Added ${person.name} <${person.email}> as ${person.roles.join(' and ')} for ${person.schools === 'all' ? 'every school' : person.schools.join(', ')}.`);
    },
  },
  {
    name: 'person list',
    summary: 'Lists people: email, name, roles, schools (tab-separated), disabled people last.',
    options: {
      school: { type: 'string', placeholder: 'ID', description: 'only people covering this school' },
      role: { type: 'string', placeholder: 'ROLE', description: 'only people with this role' },
      ...DATA_DIR_OPTION,
    },
    run: async (values, context) => {
      const role = stringOption(values, 'role');
      if (role !== undefined && !isRole(role)) throw new InvigilatorError('ROLE_UNKNOWN', `"${role}" is not one of ${ROLES.join(', ')}.`);
      const schoolId = stringOption(values, 'school');
      const people = await withStore(values, (store) => store.listPeople({
        includeDisabled: true, ...(schoolId ? { schoolId } : {}), ...(role ? { role } : {}),
      }));
      const ordered = [...people.filter((p) => p.disabledAt === null), ...people.filter((p) => p.disabledAt !== null)];
      if (ordered.length === 0) context.io.stderr('No people match. Add one with `invigilator-collector person add`.\n');
      for (const person of ordered) answer(context, describePerson(person));
    },
  },
  {
    name: 'person digest',
    summary: 'Sends a person a daily digest by email, at the local time they choose, of what is open for their role.',
    options: {
      ...EMAIL_OPTION,
      at: { type: 'string', placeholder: 'HH:MM', description: 'the time of day, 24-hour (e.g. 07:30)' },
      'time-zone': { type: 'string', placeholder: 'ZONE', description: `the time zone of --at (default ${DEFAULT_TIME_ZONE})` },
      off: { type: 'boolean', description: 'stop the digest instead' },
      ...DATA_DIR_OPTION,
    },
    run: async (values, context) => {
      const at = stringOption(values, 'at');
      const timeZone = stringOption(values, 'time-zone') ?? DEFAULT_TIME_ZONE;
      if ((at === undefined) === (values.off !== true)) throw new InvigilatorError('CONFIG_INVALID', 'Give either --at HH:MM or --off.');
      if (at !== undefined) checkDigestTime(at, timeZone);
      const person = await withStore(values, async (store) => {
        const found = await personByEmail(store, requiredOption(values, 'email'));
        await store.setDigestSubscription(found.id, at === undefined ? null : { atTime: at, timeZone });
        return found;
      });
      answer(context, at === undefined ? `${person.email} gets no daily digest.` : `${person.email} gets a daily digest at ${at} (${timeZone}).`);
    },
  },
  {
    name: 'person password set',
    summary: 'Sets a person\'s password for signing in without a Google or Microsoft school account.',
    options: {
      ...EMAIL_OPTION,
      'password-file': { type: 'string', placeholder: 'FILE', description: 'read the password from this file instead of standard input' },
      ...DATA_DIR_OPTION,
    },
    notes: 'The password is read from standard input (piped) or --password-file, never from the command line; at least 12 characters.',
    run: async (values, context) => {
      const password = readPassword(stringOption(values, 'password-file'));
      const person = await withStore(values, (store) => setPersonPassword(store, requiredOption(values, 'email'), password, context.now()));
      answer(context, `${person.email} can now sign in with their password.`);
    },
  },
  {
    name: 'person disable',
    summary: 'Stops a person signing in, using their tokens or receiving alerts (their history stays).',
    options: { ...EMAIL_OPTION, ...DATA_DIR_OPTION },
    run: async (values, context) => {
      const { person, changed } = await withStore(values, (store) => disablePerson(store, requiredOption(values, 'email'), context.now()));
      answer(context, changed ? `${person.email} is disabled.` : `${person.email} was already disabled.`);
    },
  },
  {
    name: 'person enable',
    summary: 'Lets a disabled person sign in and receive alerts again.',
    options: { ...EMAIL_OPTION, ...DATA_DIR_OPTION },
    run: async (values, context) => {
      const { person, changed } = await withStore(values, (store) => enablePerson(store, requiredOption(values, 'email')));
      answer(context, changed ? `${person.email} is enabled.` : `${person.email} was already enabled.`);
    },
  },
];
