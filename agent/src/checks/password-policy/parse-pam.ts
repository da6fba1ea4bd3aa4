// Pure parsers for the PAM side of password policy: a /etc/pam.d stack file
// ("type control module args", '#' comments, '\' continuations, bracketed
// controls) and the "key = value" / bare-flag files of /etc/security
// (pwquality.conf, faillock.conf).
import { notParsed, parsed, type Parsed } from '../types.ts';
import { readableText } from './parse-config-text.ts';

export type Settings = ReadonlyMap<string, string | true>;

export interface PamLine {
  type: 'auth' | 'account' | 'password' | 'session';
  control: string;
  /** Base name without directory or ".so": pam_pwquality, pam_unix, … */
  module: string;
  args: Settings;
}

const PAM_TYPES = new Set(['auth', 'account', 'password', 'session']);

/** Splits on spaces but keeps "[a b]" groups whole, as PAM does for controls and arguments. */
const pamTokens = (line: string): string[] => [...line.matchAll(/\[[^\]]*\]|\S+/g)].map((match) => match[0]);

const settingsOf = (pairs: readonly string[]): Settings =>
  new Map(pairs.map((pair): [string, string | true] => {
    const at = pair.indexOf('=');
    return at < 0 ? [pair, true] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
  }));

export const parsePamStack = (text: string, fileName: string): Parsed<PamLine[]> => {
  const lines = readableText(text, fileName);
  if (!lines.ok) return lines;
  const stack: PamLine[] = [];
  const joined = lines.value.join('\n').replace(/\\\n/g, ' ').split('\n');
  for (const raw of joined) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '' || line.startsWith('@include')) continue;
    const [type = '', control, modulePath, ...args] = pamTokens(line);
    const bareType = type.replace(/^-/, '');
    if (!PAM_TYPES.has(bareType) || !control || !modulePath) {
      return notParsed('OUTPUT_MALFORMED', `${fileName} holds a line PAM cannot read: "${line.slice(0, 80)}".`);
    }
    const module = modulePath.split('/').at(-1)?.replace(/\.so$/, '') ?? modulePath;
    stack.push({ type: bareType as PamLine['type'], control, module, args: settingsOf(args) });
  }
  return parsed(stack);
};

/** "minlen = 12", "enforce_for_root" (a flag); '#' comments. */
export const parseSettingsFile = (text: string, fileName: string): Parsed<Settings> => {
  const lines = readableText(text, fileName);
  if (!lines.ok) return lines;
  const pairs: string[] = [];
  for (const raw of lines.value) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    if (!/^[a-z_]+\s*(=.*)?$/.test(line)) return notParsed('OUTPUT_MALFORMED', `${fileName} holds a line the agent cannot read: "${line.slice(0, 80)}".`);
    pairs.push(line);
  }
  return parsed(settingsOf(pairs));
};

export const moduleIn = (stack: readonly PamLine[], module: string): PamLine | undefined =>
  stack.find((line) => line.module === module);
