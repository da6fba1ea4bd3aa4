// HTTPS to Google's APIs: JSON answers, a time limit, a size cap, and retries with backoff on 429 and 5xx
// that honour Retry-After. node:https rather than fetch so a test can trust its own CA for this client alone.
import { request } from 'node:https';
import { InvigilatorError } from '@invigilator/shared/errors.ts';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface GoogleHttpOptions {
  /** A CA to trust besides the system's (tests serve a self-signed certificate). */
  ca?: string | Buffer;
  timeoutMs?: number;
  maxAttempts?: number;
  /** How long to wait before a retry; injectable so a test can see the waits without sitting through them. */
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  body?: string;
}

const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 120_000;

const defaultSleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

const sendOnce = (req: HttpRequest, options: GoogleHttpOptions): Promise<HttpAnswer> => new Promise((resolve, reject) => {
  const outgoing = request(req.url, {
    method: req.method,
    headers: { accept: 'application/json', ...req.headers },
    timeout: options.timeoutMs ?? 60_000,
    ...(options.ca ? { ca: options.ca } : {}),
  }, (incoming) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES) {
        incoming.destroy(new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }));
    incoming.on('error', reject);
  });
  outgoing.on('timeout', () => outgoing.destroy(new Error('no answer in time')));
  outgoing.on('error', reject);
  outgoing.end(req.body);
});

/** Retry-After is seconds or an HTTP date; undefined when absent or unreadable. */
export const retryAfterMs = (header: string | string[] | undefined, now: number): number | undefined => {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
};

const backoffMs = (attempt: number): number => Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** attempt * (1 + Math.random() / 4));

/** Sends the request, retrying network failures, 429 and 5xx; any other answer (2xx, 4xx) is returned to the caller. */
export const sendWithRetries = async (req: HttpRequest, options: GoogleHttpOptions): Promise<HttpAnswer> => {
  const attempts = options.maxAttempts ?? 5;
  const sleep = options.sleep ?? defaultSleep;
  let lastProblem = '';
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    let answer: HttpAnswer | undefined;
    try {
      answer = await sendOnce(req, options);
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    if (answer && !RETRYABLE.has(answer.status)) return answer;
    if (answer) lastProblem = `HTTP ${answer.status}${googleMessage(answer.body) ? `: ${googleMessage(answer.body)}` : ''}`;
    if (attempt + 1 < attempts) {
      const asked = answer && retryAfterMs(answer.headers['retry-after'], Date.now());
      await sleep(Math.min(MAX_BACKOFF_MS, asked ?? backoffMs(attempt)));
    }
  }
  throw new InvigilatorError('CHROMEOS_API_FAILED', `(${req.method} ${req.url.origin}${req.url.pathname}: ${lastProblem} after ${attempts} attempts)`);
};

/** Google's own words from an error answer: `{"error": {"message"}}` (APIs) or `{"error", "error_description"}` (OAuth). */
export const googleMessage = (body: string): string => {
  try {
    const json = JSON.parse(body) as { error?: unknown; error_description?: unknown };
    if (typeof json.error === 'object' && json.error !== null) return String((json.error as { message?: unknown }).message ?? '');
    return [json.error, json.error_description].filter((part) => typeof part === 'string' && part !== '').join(': ');
  } catch {
    return body.slice(0, 200);
  }
};

export const parseJsonAnswer = (answer: HttpAnswer, what: string): Record<string, unknown> => {
  try {
    const json = JSON.parse(answer.body) as unknown;
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) return json as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new InvigilatorError('CHROMEOS_API_FAILED', `(${what}: the answer is not a JSON object)`);
};
