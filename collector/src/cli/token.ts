// `token create`, `token list`, `token revoke`.
import type { CommandSpec } from '@invigilator/shared/cli/dispatcher.ts';
import { listOption, requiredOption, stringOption, usageError } from '@invigilator/shared/cli/dispatcher.ts';
import { describeSchools } from '../people/rights.ts';
import { createApiToken, createPersonToken, revokeApiToken } from '../tokens.ts';
import { ROLES } from '../store/types.ts';
import { answer, DATA_DIR_OPTION, withStore, type CollectorCliContext } from './context.ts';

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

export const tokenCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'token create',
    summary: 'Prints a new API token (shown once): a person\'s, with at most their rights, or a service\'s.',
    options: {
      person: { type: 'string', placeholder: 'EMAIL', description: 'the person the token acts for (their roles and schools)' },
      service: { type: 'boolean', description: 'a token for a script or wallboard, with one --role and no person (the default without --person)' },
      role: { type: 'string', multiple: true, placeholder: 'ROLE', description: `one of ${ROLES.join(', ')}; for --person, narrows to some of theirs` },
      school: { type: 'string', multiple: true, placeholder: 'ID', description: 'limit the token to this school (for --person, some of theirs)' },
      label: { type: 'string', placeholder: 'TEXT', description: 'who or what holds it, shown in the audit log' },
      ...DATA_DIR_OPTION,
    },
    notes: 'A person\'s token stops working the moment the person is disabled, and never reaches beyond their current roles and schools.',
    run: async (values, context) => {
      const person = stringOption(values, 'person');
      const [roles, schools, label] = [listOption(values, 'role'), listOption(values, 'school'), stringOption(values, 'label')];
      // Without --person it is a service token (--service only says so out loud, as older scripts did not).
      if (person !== undefined && values.service === true) throw usageError('A token is a person\'s (--person EMAIL) or a service\'s (--service), not both.');
      const created = await withStore(values, (store) => {
        if (person !== undefined) return createPersonToken(store, { email: person, roles, schools, label }, context.now());
        if (roles.length !== 1) throw usageError('A service token has exactly one --role.');
        if (schools.length > 1) throw usageError('A service token has at most one --school.');
        return createApiToken(store, { role: roles[0] ?? '', schoolId: schools[0], label }, context.now());
      });
      answer(context, created.token);
    },
  },
  {
    name: 'token list',
    summary: 'Lists tokens: id, person or "service", roles, schools, label, created, revoked (tab-separated).',
    options: { ...DATA_DIR_OPTION },
    run: async (values, context) => {
      const { tokens, people } = await withStore(values, async (store) => ({
        tokens: await store.listApiTokens(), people: await store.listPeople({ includeDisabled: true }),
      }));
      const emails = new Map(people.map((p) => [p.id, p.email]));
      if (tokens.length === 0) context.io.stderr('No tokens yet. Create one with `invigilator-collector token create`.\n');
      for (const t of tokens) {
        answer(context, [t.id, t.personId === null ? 'service' : (emails.get(t.personId) ?? t.personId), t.roles.join(','),
          describeSchools(t.schools), t.label, iso(t.createdAt), t.revokedAt === null ? '' : `revoked ${iso(t.revokedAt)}`].join('\t'));
      }
    },
  },
  {
    name: 'token revoke',
    summary: 'Revokes a token at once (its next request is refused with API_TOKEN_INVALID).',
    options: {
      id: { type: 'string', required: true, placeholder: 'ID', description: 'the token\'s id (the part before the dot; `token list` shows it)' },
      ...DATA_DIR_OPTION,
    },
    run: async (values, context) => {
      const { token, changed } = await withStore(values, (store) => revokeApiToken(store, requiredOption(values, 'id'), context.now()));
      answer(context, changed ? `Token ${token.id} (${token.label}) is revoked.` : `Token ${token.id} (${token.label}) was already revoked.`);
    },
  },
];
