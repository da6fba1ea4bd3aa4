// Webhooks: a Microsoft Teams or Slack message, or a generic JSON body. With a signing key every body is
// signed: X-Invigilator-Signature is "sha256=" + HMAC-SHA256(key, timestamp + "." + body) and
// X-Invigilator-Timestamp the Unix seconds, so a receiver can refuse forged and replayed calls.
// Idempotency-Key is the notification's id: the same on every retry.
import { createHmac } from 'node:crypto';
import { messageLines, type Message } from '../message.ts';
import { ChannelConfigError, deliveryFailed, parseUrl, SEND_TIMEOUT_MS, type ChannelDriver } from './types.ts';

export const WEBHOOK_FORMATS = ['teams', 'slack', 'json'] as const;
type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const signatureOf = (key: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')}`;

const teamsBody = (message: Message, link: string | null) => ({
  type: 'message',
  attachments: [{
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4',
      body: [
        { type: 'TextBlock', text: message.subject, weight: 'Bolder', wrap: true, color: message.severity === 'critical' ? 'Attention' : 'Default' },
        ...messageLines(message, null).map((line) => ({ type: 'TextBlock', text: line, wrap: true, spacing: 'Small' })),
      ],
      ...(link ? { actions: [{ type: 'Action.OpenUrl', title: `Open the ${message.opens ?? 'alert'}`, url: link }] } : {}),
    },
  }],
});

const slackBody = (message: Message, link: string | null) => ({
  text: message.subject,
  blocks: [
    { type: 'header', text: { type: 'plain_text', text: message.subject.slice(0, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: messageLines(message, link).join('\n') } },
  ],
});

const jsonBody = (id: string, message: Message, link: string | null) => ({ id, ...message, link, text: messageLines(message, link).join('\n') });

export const webhookChannel: ChannelDriver = {
  kind: 'webhook',
  configure({ url: text, format, signingKey }) {
    const url = parseUrl(text, ['https:', 'http:'], 'https://hooks.example/...');
    if (!WEBHOOK_FORMATS.includes(format as WebhookFormat)) throw new ChannelConfigError(`--format is one of ${WEBHOOK_FORMATS.join(', ')} (it was "${format ?? ''}").`);
    if (signingKey !== undefined && signingKey.trim().length < 16) throw new ChannelConfigError('The signing key must be at least 16 characters.');
    // The whole address stays secret: Teams and Slack put their token in it.
    return { settings: { format, host: url.host, signed: signingKey !== undefined }, secret: { url: url.href, ...(signingKey ? { signingKey: signingKey.trim() } : {}) } };
  },
  describe(channel) {
    const { format, host, signed } = channel.settings;
    return `${String(format)} webhook to ${String(host)}${signed ? ' (signed)' : ''}`;
  },
  async send(channel, delivery) {
    const format = channel.settings.format as WebhookFormat;
    const { url, signingKey } = channel.secret as { url: string; signingKey?: string };
    const body = JSON.stringify(format === 'teams' ? teamsBody(delivery.message, delivery.link)
      : format === 'slack' ? slackBody(delivery.message, delivery.link) : jsonBody(delivery.id, delivery.message, delivery.link));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': delivery.id };
    if (signingKey) {
      headers['x-invigilator-timestamp'] = timestamp;
      headers['x-invigilator-signature'] = signatureOf(signingKey, timestamp, body);
    }
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
    } catch (error) {
      throw deliveryFailed(`The webhook at ${String(channel.settings.host)} could not be reached: ${(error as Error).message}`, error);
    }
    await response.body?.cancel();
    if (!response.ok) throw deliveryFailed(`The webhook at ${String(channel.settings.host)} answered HTTP ${response.status}.`);
  },
};
