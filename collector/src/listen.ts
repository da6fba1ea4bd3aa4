// Where the collector listens: parsing HOST:PORT, and finding out before anything is created
// whether that address is free.
import { createServer } from 'node:net';
import { InvigilatorError } from '@invigilator/shared/errors.ts';

export const DEFAULT_LISTEN = '127.0.0.1:8470';

export const parseListen = (text: string): { host: string; port: number } => {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text);
  const port = Number(match?.[3]);
  const host = match?.[1] ?? match?.[2];
  if (!host || !Number.isInteger(port) || port > 65535) {
    throw new InvigilatorError('USAGE_INVALID', `--listen "${text}" must be HOST:PORT, e.g. ${DEFAULT_LISTEN} or [::1]:8470.`);
  }
  return { host, port };
};

/** The sentence for an address another program holds, with the fix. */
export const portInUse = (host: string, port: number, cause?: unknown): InvigilatorError =>
  new InvigilatorError('PORT_IN_USE', `Port ${port} on ${host} is in use (another collector, or \`npm start\` still running?): `
    + `stop that program or choose another port with --listen ${host.includes(':') ? `[${host}]` : host}:PORT.`, { cause });

/** Resolves when host:port can be listened on; PORT_IN_USE or CONFIG_INVALID otherwise. */
export const assertCanListen = (host: string, port: number): Promise<void> => new Promise((resolve, reject) => {
  if (port === 0) {
    resolve();
    return;
  }
  const probe = createServer();
  probe.once('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') reject(portInUse(host, port, error));
    else if (error.code === 'EACCES') reject(new InvigilatorError('CONFIG_INVALID', `Listening on port ${port} needs administrator rights; choose a port above 1023.`, { cause: error }));
    else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new InvigilatorError('CONFIG_INVALID', `${host} is not an address of this machine.`, { cause: error }));
    else reject(error);
  });
  probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
});
