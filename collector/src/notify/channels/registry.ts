// Every channel kind, by name.
import type { ChannelKind } from '../../store/delivery-types.ts';
import { emailChannel } from './email.ts';
import type { ChannelDriver } from './types.ts';
import { syslogChannel } from './syslog.ts';
import { webhookChannel } from './webhook.ts';

export const CHANNELS: Record<ChannelKind, ChannelDriver> = {
  email: emailChannel,
  webhook: webhookChannel,
  syslog: syslogChannel,
};
