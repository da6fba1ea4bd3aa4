// The school's Google service-account key file: read once per sync, checked at the door.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InvigilatorError } from '@invigilator/shared/errors.ts';

export interface ServiceAccount {
  clientEmail: string;
  privateKey: KeyObject;
  tokenUri: string;
}

export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';

const invalid = (file: string, why: string, cause?: unknown): InvigilatorError =>
  new InvigilatorError('CHROMEOS_SERVICE_ACCOUNT_INVALID', `(${file}: ${why})`, cause === undefined ? undefined : { cause });

/** Parses a key file's text; `file` only names it in errors (the key itself never reaches a message or a log). */
export const parseServiceAccount = (text: string, file: string): ServiceAccount => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(file, 'not JSON', error);
  }
  const key = (json ?? {}) as Record<string, unknown>;
  if (key.type !== undefined && key.type !== 'service_account') throw invalid(file, `its type is "${String(key.type)}", not "service_account"`);
  if (typeof key.client_email !== 'string' || !key.client_email.includes('@')) throw invalid(file, 'no client_email');
  if (typeof key.private_key !== 'string') throw invalid(file, 'no private_key');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key.private_key);
  } catch (error) {
    throw invalid(file, 'its private_key is not a PEM private key', error);
  }
  if (privateKey.asymmetricKeyType !== 'rsa') throw invalid(file, 'its private_key is not an RSA key');
  const tokenUri = typeof key.token_uri === 'string' && key.token_uri !== '' ? key.token_uri : GOOGLE_TOKEN_URI;
  return { clientEmail: key.client_email, privateKey, tokenUri };
};

export const readServiceAccount = (file: string): ServiceAccount => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw invalid(file, 'cannot be read', error);
  }
  return parseServiceAccount(text, file);
};
