// `channel add`, `channel list`, `channel test`, `channel disable`: where a school's alerts are delivered.
import { readFileSync } from 'node:fs';
import type { CommandSpec, OptionValues } from '@invigilator/shared/cli/dispatcher.ts';
import { requiredOption, stringOption } from '@invigilator/shared/cli/dispatcher.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { addChannel, channelById, presentChannel, testChannel } from '../notify/setup.ts';
import { answer, DATA_DIR_OPTION, withStore, type CollectorCliContext } from './context.ts';

const readSecretFile = (values: OptionValues, name: string): string | undefined => {
  const file = stringOption(values, name);
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new InvigilatorError('CONFIG_INVALID', `--${name} ${file} cannot be read.`, { cause: error });
  }
};

export const channelCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'channel add',
    summary: 'Adds a way alerts reach people: the school\'s SMTP relay, a Teams/Slack/JSON webhook, or syslog to a SIEM.',
    options: {
      school: { type: 'string', required: true, placeholder: 'ID', description: 'the school whose alerts go here' },
      kind: { type: 'string', required: true, placeholder: 'KIND', description: 'email, webhook or syslog' },
      'smtp-url': { type: 'string', placeholder: 'URL', description: 'email: smtp://[USER:PASSWORD@]HOST:PORT (STARTTLS) or smtps://... (TLS)' },
      from: { type: 'string', placeholder: 'ADDRESS', description: 'email: the address mail is sent from' },
      url: { type: 'string', placeholder: 'URL', description: 'webhook: https://... ; syslog: tcp://HOST:PORT or tls://HOST:PORT' },
      format: { type: 'string', placeholder: 'FORMAT', description: 'webhook: teams, slack or json' },
      'secret-file': { type: 'string', placeholder: 'FILE', description: 'webhook: a file holding the key that signs each body (HMAC-SHA256)' },
      'ca-file': { type: 'string', placeholder: 'FILE', description: 'email/syslog: the CA certificate (PEM) of a relay or SIEM with the school\'s own certificate' },
      audience: { type: 'string', placeholder: 'ROLE', description: 'webhook/syslog: whose view it receives (default: technician for webhooks, network-manager for syslog)' },
      ...DATA_DIR_OPTION,
    },
    notes: 'Email goes to each person routed to an alert, at their own address. A webhook or syslog channel receives '
      + 'only what its audience may see: misuse detail only if its audience is dsl (network-manager and admin get a notice without it).',
    run: async (values, context) => {
      const kind = requiredOption(values, 'kind');
      const url = stringOption(values, kind === 'email' ? 'smtp-url' : 'url');
      if (kind === 'email' && stringOption(values, 'url') !== undefined) throw new InvigilatorError('CONFIG_INVALID', 'An email channel takes --smtp-url, not --url.');
      const input = {
        schoolId: requiredOption(values, 'school'), kind,
        ...(url !== undefined ? { url } : {}),
        ...(stringOption(values, 'from') !== undefined ? { from: stringOption(values, 'from') } : {}),
        ...(stringOption(values, 'format') !== undefined ? { format: stringOption(values, 'format') } : {}),
        ...(stringOption(values, 'audience') !== undefined ? { audience: stringOption(values, 'audience') } : {}),
      };
      const signingKey = readSecretFile(values, 'secret-file');
      const ca = readSecretFile(values, 'ca-file');
      const { channel, summaries } = await withStore(values, (store) => addChannel(store, {
        ...input, ...(signingKey !== undefined ? { signingKey } : {}), ...(ca !== undefined ? { ca } : {}),
      }, context.now()));
      const shown = presentChannel(channel);
      answer(context, `Added channel ${channel.id}: ${shown.description}${channel.audience ? ` for the ${channel.audience} view` : ''}.`
        + `${summaries > 0 ? ` ${summaries} summary message(s) of what is failing now are queued.` : ''}`
        + ` Try it: invigilator-collector channel test --id ${channel.id}`);
    },
  },
  {
    name: 'channel list',
    summary: 'Lists channels: id, school, kind, where they send (never passwords or tokens), audience.',
    options: { school: { type: 'string', placeholder: 'ID', description: 'only this school\'s' }, ...DATA_DIR_OPTION },
    run: async (values, context) => {
      const schoolId = stringOption(values, 'school');
      const channels = await withStore(values, (store) => store.listChannels(schoolId ? { schoolId } : {}));
      if (channels.length === 0) context.io.stderr('No channels yet. Add one with `invigilator-collector channel add`.\n');
      for (const channel of channels.map(presentChannel)) {
        answer(context, [channel.id, channel.schoolId, channel.kind, channel.description, channel.audience ?? 'each routed person',
          channel.disabledAt ? `disabled ${channel.disabledAt}` : 'enabled'].join('\t'));
      }
    },
  },
  {
    name: 'channel test',
    summary: 'Sends a test message through a channel now and says what the relay or receiver answered.',
    options: {
      id: { type: 'string', required: true, placeholder: 'ID', description: 'the channel (see channel list)' },
      to: { type: 'string', placeholder: 'ADDRESS', description: 'email: send the test here instead of to the first person covering the school' },
      ...DATA_DIR_OPTION,
    },
    run: async (values, context) => {
      const to = stringOption(values, 'to');
      answer(context, await withStore(values, (store) => testChannel(store, requiredOption(values, 'id'), context.now(), to)));
    },
  },
  {
    name: 'channel disable',
    summary: 'Stops sending through a channel; what was queued for it is marked failed, not lost silently.',
    options: { id: { type: 'string', required: true, placeholder: 'ID', description: 'the channel' }, ...DATA_DIR_OPTION },
    run: async (values, context) => {
      const id = requiredOption(values, 'id');
      const changed = await withStore(values, async (store) => {
        await channelById(store, id);
        return store.disableChannel(id, context.now());
      });
      answer(context, changed ? `Channel ${id} is disabled.` : `Channel ${id} was already disabled.`);
    },
  },
];
