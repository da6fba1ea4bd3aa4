// Email through the school's own SMTP relay: STARTTLS (required whenever a password is sent), or
// smtps:// for TLS from the start; one message per person, its Message-ID the notification's id, so
// a message sent again after a crash is the same message to every mail client.
import nodemailer from 'nodemailer';
import type { ChannelRow } from '../../store/delivery-types.ts';
import { messageLines } from '../message.ts';
import { ChannelConfigError, deliveryFailed, parseUrl, SEND_TIMEOUT_MS, type ChannelDriver } from './types.ts';

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export const messageIdOf = (notificationId: string): string => `<${notificationId}@invigilator.notifications>`;

export const emailChannel: ChannelDriver = {
  kind: 'email',
  configure({ url: text, from, ca }) {
    const url = parseUrl(text, ['smtp:', 'smtps:'], 'smtp://relay.school.example:587');
    if (!from || !ADDRESS.test(from)) throw new ChannelConfigError(`--from needs the address mail is sent from (it was "${from ?? ''}").`);
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    const starttls = url.searchParams.get('starttls') ?? (user ? 'required' : 'opportunistic');
    if (!['required', 'opportunistic'].includes(starttls)) throw new ChannelConfigError('starttls= may be "required" or "opportunistic".');
    const secure = url.protocol === 'smtps:';
    const port = Number(url.port || (secure ? 465 : 587));
    return {
      settings: { host: url.hostname, port, secure, starttls, from, user: user || null, ...(ca ? { ca } : {}) },
      secret: password ? { password } : {},
    };
  },
  describe(channel) {
    const { host, port, secure, from, user, starttls } = channel.settings as Record<string, string | number | boolean | null>;
    return `email via ${secure ? 'smtps' : 'smtp'}://${String(host)}:${String(port)}${secure ? '' : ` (STARTTLS ${String(starttls)})`}`
      + `${user ? ` as ${String(user)}` : ''}, from ${String(from)}`;
  },
  async send(channel: ChannelRow, delivery) {
    const s = channel.settings as { host: string; port: number; secure: boolean; starttls: string; from: string; user: string | null; ca?: string };
    const password = typeof channel.secret.password === 'string' ? channel.secret.password : undefined;
    const transport = nodemailer.createTransport({
      host: s.host, port: s.port, secure: s.secure, requireTLS: !s.secure && s.starttls === 'required',
      ...(s.user ? { auth: { user: s.user, pass: password ?? '' } } : {}),
      ...(s.ca ? { tls: { ca: s.ca } } : {}),
      connectionTimeout: SEND_TIMEOUT_MS, greetingTimeout: SEND_TIMEOUT_MS, socketTimeout: SEND_TIMEOUT_MS,
    });
    try {
      await transport.sendMail({
        from: s.from, to: delivery.recipient, subject: delivery.message.subject,
        text: `${messageLines(delivery.message, delivery.link).join('\n')}\n`,
        messageId: messageIdOf(delivery.id),
        headers: { 'X-Invigilator-Severity': delivery.message.severity, 'X-Invigilator-School': delivery.message.school.id },
      });
    } catch (error) {
      throw deliveryFailed(`The mail relay ${s.host}:${s.port} did not accept the message: ${(error as Error).message}`, error);
    } finally {
      transport.close();
    }
  },
};
