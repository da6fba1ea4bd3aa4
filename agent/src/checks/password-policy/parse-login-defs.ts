// Pure parser for /etc/login.defs ("KEY<spaces or tabs>VALUE", '#' comments).
// Only the password keys matter here; PASS_MIN_LEN is ignored by modern systems
// when PAM checks passwords, so the policy uses it only when no PAM stack exists.
import { parsed, type Parsed } from '../types.ts';
import { integerSetting, readableText } from './parse-config-text.ts';

export interface LoginDefs {
  passMaxDays?: number;
  passMinLen?: number;
}

export const parseLoginDefs = (text: string): Parsed<LoginDefs> => {
  const lines = readableText(text, '/etc/login.defs');
  if (!lines.ok) return lines;
  const values = new Map<string, string>();
  for (const line of lines.value) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)\s+(\S.*?)\s*$/.exec(line);
    if (match?.[1] && match[2] !== undefined) values.set(match[1], match[2]);
  }
  const passMaxDays = integerSetting(values.get('PASS_MAX_DAYS'), 'PASS_MAX_DAYS', '/etc/login.defs');
  if (!passMaxDays.ok) return passMaxDays;
  const passMinLen = integerSetting(values.get('PASS_MIN_LEN'), 'PASS_MIN_LEN', '/etc/login.defs');
  if (!passMinLen.ok) return passMinLen;
  return parsed({
    ...(passMaxDays.value === undefined ? {} : { passMaxDays: passMaxDays.value }),
    ...(passMinLen.value === undefined ? {} : { passMinLen: passMinLen.value }),
  });
};
