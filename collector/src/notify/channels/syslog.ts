// Syslog for a SIEM: RFC 5424 messages over TCP or TLS, octet-counted (RFC 6587 / RFC 5425), facility
// local0. Structured data carries the alert's id, school, category and severity; the message text is the
// same as an email's for the channel's audience.
import { hostname } from 'node:os';
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { messageLines, type Message } from '../message.ts';
import { ChannelConfigError, deliveryFailed, parseUrl, SEND_TIMEOUT_MS, type ChannelDriver } from './types.ts';

const LOCAL0 = 16;
const SEVERITY_CODES: Record<string, number> = { critical: 2, warning: 4, info: 6 };
// 32473 is the private enterprise number RFC 5612 reserves for documentation and examples.
const SD_ID = 'invigilator@32473';

const sdValue = (value: string): string => value.replace(/["\\\]]/g, (c) => `\\${c}`);
const header = (value: string, max: number): string => (value.replace(/[^\x21-\x7e]/g, '') || '-').slice(0, max);

/** One RFC 5424 message (without the octet count). */
export const formatSyslog = (id: string, message: Message, link: string | null, at = new Date()): string => {
  const pri = LOCAL0 * 8 + (SEVERITY_CODES[message.severity] ?? 5);
  const params: Array<[string, string]> = [
    ['notification', id], ['school', message.school.id], ['category', message.category], ['severity', message.severity],
    ...(message.alertId ? [['alert', message.alertId] as [string, string]] : []),
    ...(message.device ? [['device', message.device] as [string, string]] : []),
  ];
  const sd = `[${SD_ID} ${params.map(([name, value]) => `${name}="${sdValue(value)}"`).join(' ')}]`;
  const text = [message.subject, ...messageLines(message, link)].join(' | ').replace(/[\r\n]+/g, ' ');
  return `<${pri}>1 ${at.toISOString()} ${header(hostname(), 255)} invigilator ${process.pid} ${header(message.category, 32)} ${sd} \uFEFF${text}`;
};

const write = (socket: Socket, frame: Buffer): Promise<void> => new Promise((resolve, reject) => {
  socket.setTimeout(SEND_TIMEOUT_MS, () => socket.destroy(new Error('timed out')));
  socket.once('error', reject);
  socket.end(frame, () => resolve());
});

export const syslogChannel: ChannelDriver = {
  kind: 'syslog',
  configure({ url: text, ca }) {
    const url = parseUrl(text, ['tcp:', 'tls:'], 'tls://siem.trust.example:6514');
    if (!url.port) throw new ChannelConfigError('The address needs a port, like tcp://siem.trust.example:601 or tls://siem.trust.example:6514.');
    return { settings: { url: `${url.protocol}//${url.host}`, ...(ca ? { ca } : {}) }, secret: {} };
  },
  describe(channel) {
    return `syslog (RFC 5424) to ${String(channel.settings.url)}`;
  },
  async send(channel, delivery) {
    const url = new URL(String(channel.settings.url));
    const ca = typeof channel.settings.ca === 'string' ? channel.settings.ca : undefined;
    const line = Buffer.from(formatSyslog(delivery.id, delivery.message, delivery.link), 'utf8');
    const frame = Buffer.concat([Buffer.from(`${line.length} `), line]);
    const port = Number(url.port);
    try {
      const socket = url.protocol === 'tls:'
        ? connectTls({ host: url.hostname, port, servername: url.hostname, ...(ca ? { ca } : {}) })
        : connectTcp({ host: url.hostname, port });
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.once(url.protocol === 'tls:' ? 'secureConnect' : 'connect', () => resolve());
        socket.setTimeout(SEND_TIMEOUT_MS, () => socket.destroy(new Error('timed out')));
      });
      await write(socket, frame);
    } catch (error) {
      throw deliveryFailed(`The syslog receiver ${url.host} did not take the message: ${(error as Error).message}`, error);
    }
  },
};
