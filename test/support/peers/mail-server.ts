// A real SMTP server (smtp-server) on a random port for tests and the benchmark: every message it
// accepts is parsed (mailparser) and kept with the time it arrived. It can be stopped and started
// again on the same port, as a relay that goes down and comes back.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { freePort } from '../processes.ts';

export interface ReceivedMail { to: string[]; from: string; subject: string; text: string; messageId: string; receivedAt: number }

export interface MailServer {
  port: number;
  url: string;
  mails: ReceivedMail[];
  /** Messages whose data has arrived but whose acceptance is still held back by `delayMs`. */
  inFlight: number;
  /** Holds each acceptance back this long (a slow relay), so a test can act mid-send. */
  delayMs: number;
  /** Mails to this address. */
  mailbox(address: string): ReceivedMail[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const startMailServer = async (options: {
  port?: number; secure?: { key: string; cert: string };
  /** The only user and password accepted when a client signs in (any sign-in is refused without it). */
  login?: { user: string; password: string };
} = {}): Promise<MailServer> => {
  const port = options.port ?? await freePort();
  const mails: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  const create = (): SMTPServer => new SMTPServer({
    authOptional: true, disabledCommands: options.secure ? [] : ['STARTTLS'], logger: false,
    // Plain-text sign-in only over TLS, unless the test runs without it.
    allowInsecureAuth: !options.secure,
    onAuth(auth, _session, callback) {
      const ok = options.login && auth.username === options.login.user && auth.password === options.login.password;
      callback(ok ? null : new Error('Invalid username or password'), ok ? { user: auth.username } : undefined);
    },
    ...(options.secure ? { key: options.secure.key, cert: options.secure.cert } : {}),
    onData(stream, session, callback) {
      simpleParser(stream).then(async (parsed) => {
        mailServer.inFlight += 1;
        if (mailServer.delayMs) await new Promise((resolve) => setTimeout(resolve, mailServer.delayMs));
        mailServer.inFlight -= 1;
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          subject: parsed.subject ?? '', text: parsed.text ?? '', messageId: parsed.messageId ?? '', receivedAt: Date.now(),
        });
        callback();
      }, callback);
    },
  });
  const mailServer: MailServer = {
    port, url: `smtp://127.0.0.1:${port}`, mails, inFlight: 0, delayMs: 0,
    mailbox: (address) => mails.filter((mail) => mail.to.includes(address.toLowerCase())),
    start: () => new Promise((resolve, reject) => {
      server = create();
      server.on('error', () => undefined);
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    }),
    stop: () => new Promise((resolve) => {
      if (!server) { resolve(); return; }
      const closing = server;
      server = undefined;
      closing.close(() => resolve());
    }),
  };
  await mailServer.start();
  return mailServer;
};
