// How people sign in: the school's OpenID Connect provider (flags or a settings file), session limits.
// Checked once at start; a mistake stops the collector with a sentence naming the setting.
import { readFileSync } from 'node:fs';
import { InvigilatorError } from '@invigilator/shared/errors.ts';

export interface OidcOptions {
  issuer: string;
  clientId: string;
  /** A file holding only the client secret, so it is never on a command line or in a process list. */
  clientSecretFile: string;
  allowedDomains: readonly string[];
}

export interface SignInOptions {
  /** The address staff use for the collector (https://…); the redirect URI and Origin checks derive from it. */
  publicUrl?: string;
  oidc?: OidcOptions;
  sessionIdleMinutes?: number;
  sessionAbsoluteHours?: number;
}

const invalid = (detail: string): InvigilatorError => new InvigilatorError('CONFIG_INVALID', detail);

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const checkIssuer = (text: string): URL => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`--oidc-issuer "${text}" is not a URL (Google: https://accounts.google.com; Microsoft: https://login.microsoftonline.com/<tenant id>/v2.0).`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw invalid(`--oidc-issuer ${text} must be an https address.`);
  }
  return url;
};

export const checkPublicUrl = (text: string): string => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`--public-url "${text}" is not a URL, e.g. https://invigilator.north.sch.uk.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(`--public-url ${text} must be an http(s) address.`);
  return url.origin;
};

export const checkDomains = (domains: readonly string[]): string[] => {
  if (domains.length === 0) throw invalid('Say which email domains may sign in with --oidc-allowed-domain (e.g. north.sch.uk), repeated for each.');
  return domains.map((domain) => {
    const lower = domain.trim().toLowerCase().replace(/^@/, '');
    if (!DOMAIN.test(lower)) throw invalid(`--oidc-allowed-domain "${domain}" is not a domain name like north.sch.uk.`);
    return lower;
  });
};

export const readClientSecret = (file: string): string => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new InvigilatorError('CONFIG_INVALID', `The client secret file ${file} cannot be read.`, { cause: error });
  }
  if (text === '' || text.includes('\n')) throw invalid(`The client secret file ${file} must hold the secret alone, on one line.`);
  return text;
};

const SETTINGS_KEYS = ['publicUrl', 'oidc', 'sessionIdleMinutes', 'sessionAbsoluteHours'];
const OIDC_KEYS = ['issuer', 'clientId', 'clientSecretFile', 'allowedDomains'];

const rejectUnknownKeys = (value: Record<string, unknown>, known: readonly string[], where: string): void => {
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw invalid(`${where} has ${unknown.map((k) => `"${k}"`).join(', ')}, which is not a setting (known: ${known.join(', ')}).`);
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const positive = (value: unknown, name: string, file: string): number | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0)) throw invalid(`${file}: ${name} must be a number above 0.`);
  return value;
};

/** Reads a sign-in settings file (JSON, see README "Connecting your school's sign-in"). */
export const readSignInSettingsFile = (file: string): SignInOptions => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InvigilatorError('CONFIG_INVALID', `The sign-in settings file ${file} cannot be read as JSON.`, { cause: error });
  }
  if (!isObject(parsed)) throw invalid(`The sign-in settings file ${file} must hold one JSON object.`);
  rejectUnknownKeys(parsed, SETTINGS_KEYS, file);
  const { publicUrl, oidc } = parsed;
  if (publicUrl !== undefined && typeof publicUrl !== 'string') throw invalid(`${file}: publicUrl must be a string.`);
  let oidcOptions: OidcOptions | undefined;
  if (oidc !== undefined) {
    if (!isObject(oidc)) throw invalid(`${file}: oidc must be an object.`);
    rejectUnknownKeys(oidc, OIDC_KEYS, `${file}'s oidc`);
    const { issuer, clientId, clientSecretFile, allowedDomains } = oidc;
    if (typeof issuer !== 'string' || typeof clientId !== 'string' || typeof clientSecretFile !== 'string'
      || !Array.isArray(allowedDomains) || !allowedDomains.every((d) => typeof d === 'string')) {
      throw invalid(`${file}: oidc needs issuer, clientId, clientSecretFile (strings) and allowedDomains (a list of domains).`);
    }
    oidcOptions = { issuer, clientId, clientSecretFile, allowedDomains: allowedDomains as string[] };
  }
  const idle = positive(parsed.sessionIdleMinutes, 'sessionIdleMinutes', file);
  const absolute = positive(parsed.sessionAbsoluteHours, 'sessionAbsoluteHours', file);
  return {
    ...(publicUrl !== undefined ? { publicUrl } : {}), ...(oidcOptions ? { oidc: oidcOptions } : {}),
    ...(idle !== undefined ? { sessionIdleMinutes: idle } : {}), ...(absolute !== undefined ? { sessionAbsoluteHours: absolute } : {}),
  };
};
