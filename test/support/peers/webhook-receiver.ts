// A real HTTP receiver for webhook tests: keeps each request's body and headers, and checks the
// HMAC-SHA256 signature the way a school's receiver would (timestamp + "." + body, fresh timestamp).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall { headers: Record<string, string | string[] | undefined>; body: string; json: Record<string, unknown>; signatureValid: boolean | null }

export const verifySignature = (key: string, timestamp: string, body: string, signature: string): boolean => {
  const expected = Buffer.from(`sha256=${createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
};

export const startWebhookReceiver = async (signingKey?: string, status = 200) => {
  const calls: ReceivedCall[] = [];
  let answer = status;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(request.headers['x-invigilator-timestamp'] ?? '');
      const signature = String(request.headers['x-invigilator-signature'] ?? '');
      calls.push({
        headers: request.headers, body, json: JSON.parse(body) as Record<string, unknown>,
        signatureValid: signingKey ? verifySignature(signingKey, timestamp, body, signature) : null,
      });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook/T0KEN-in-the-path`, calls,
    answerWith: (code: number) => { answer = code; },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
