// One interface for every channel: checking what a school gives when it adds one, describing it without
// its secrets, and sending one notification. Adding a channel: one file here and a line in registry.ts.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { ChannelKind, ChannelRow } from '../../store/delivery-types.ts';
import type { JsonObject } from '../../store/types.ts';
import type { Message } from '../message.ts';

/** What a person gives for a new channel (from the command line or the API). */
export interface ChannelInput {
  url?: string;
  from?: string;
  format?: string;
  /** An HMAC key (webhook), read from a file so it is never on a command line. */
  signingKey?: string;
  /** PEM of the CA that signed the relay's or SIEM's certificate, when it is the school's own. */
  ca?: string;
}

export interface ChannelConfig { settings: JsonObject; secret: JsonObject }

/** One notification to send: a stable id (Message-ID, idempotency key), where to, and what. */
export interface Delivery { id: string; recipient: string; message: Message; link: string | null }

export interface ChannelDriver {
  kind: ChannelKind;
  /** Checks the input; throws CONFIG_INVALID with a sentence saying what is wrong. */
  configure(input: ChannelInput): ChannelConfig;
  /** Where it sends, without passwords or tokens. */
  describe(channel: ChannelRow): string;
  /** Resolves once the peer has accepted the message; throws DELIVERY_FAILED saying why not. */
  send(channel: ChannelRow, delivery: Delivery): Promise<void>;
}

export const SEND_TIMEOUT_MS = 20_000;

export const parseUrl = (text: string | undefined, protocols: readonly string[], example: string): URL => {
  let url: URL;
  try {
    url = new URL(text ?? '');
  } catch {
    throw new ChannelConfigError(`"${text ?? ''}" is not an address like ${example}.`);
  }
  if (!protocols.includes(url.protocol)) throw new ChannelConfigError(`The address must start with ${protocols.map((p) => `${p}//`).join(' or ')} (like ${example}).`);
  return url;
};


export class ChannelConfigError extends InvigilatorError {
  constructor(detail: string) {
    super('CONFIG_INVALID', detail);
  }
}

export const deliveryFailed = (detail: string, cause?: unknown): InvigilatorError =>
  new InvigilatorError('DELIVERY_FAILED', detail, { cause });
