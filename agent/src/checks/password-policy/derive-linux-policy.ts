// Turns what was read (login.defs, pwquality/faillock settings, the PAM stacks)
// into the facts PAM would enforce, using each module's documented defaults.
// Pure: no thresholds, only what the device would do.
import { Tri, type Observation } from '@invigilator/shared/wire.ts';
import { parsed, type Parsed } from '../types.ts';
import { integerSetting } from './parse-config-text.ts';
import type { LoginDefs } from './parse-login-defs.ts';
import { moduleIn, type PamLine, type Settings } from './parse-pam.ts';

export type PasswordPolicyFacts = NonNullable<Observation['passwordPolicy']>;

export interface PolicyInputs {
  /** undefined when the file does not exist. */
  loginDefs?: LoginDefs;
  pwquality?: Settings;
  faillock?: Settings;
  /** password lines of the stack files that exist; undefined when none exists. */
  passwordStack?: readonly PamLine[];
  authStack?: readonly PamLine[];
}

const UNKNOWN = -1;
/** shadow's "no expiry": 99999 days (or -1). */
const NEVER_EXPIRES_DAYS = 99_999;
// Documented defaults (pam_pwquality(8)/pwquality.conf(5), pam_cracklib(8), pam_unix(8),
// pam_faillock(8)/faillock.conf(5), pam_pwhistory(8)).
const DEFAULTS = { pwqualityMinlen: 8, cracklibMinlen: 9, unixMinlen: 6, faillockDeny: 3, pwhistoryRemember: 10 };
const CREDITS = ['dcredit', 'ucredit', 'lcredit', 'ocredit'];

/** Reads one integer setting; a malformed value fails the whole policy with the file named. */
const numbers = (settings: Settings, fileName: string) => (key: string, fallback: number): Parsed<number> => {
  const value = integerSetting(settings.get(key), key, fileName);
  return value.ok ? parsed(value.value ?? fallback) : value;
};

interface Quality {
  minLength: number;
  minClasses: number;
  denyList: boolean;
}

/** One quality module's demands: pam_pwquality (args over pwquality.conf) or pam_cracklib (args only). */
const qualityOfModule = (line: PamLine, pwquality: Settings | undefined): Parsed<Quality | undefined> => {
  const isPwquality = line.module === 'pam_pwquality';
  const settings: Settings = isPwquality ? new Map([...(pwquality ?? []), ...line.args]) : line.args;
  const read = numbers(settings, isPwquality ? 'pwquality settings' : 'pam_cracklib arguments');
  const enforcing = read('enforcing', 1);
  if (!enforcing.ok) return enforcing;
  // A quality module that only warns enforces nothing.
  if (enforcing.value === 0) return parsed(undefined);
  const minLength = read('minlen', isPwquality ? DEFAULTS.pwqualityMinlen : DEFAULTS.cracklibMinlen);
  const minClass = read('minclass', 0);
  const dictcheck = read('dictcheck', 1);
  const credits = CREDITS.map((credit) => read(credit, 0));
  for (const value of [minLength, minClass, dictcheck, ...credits]) if (!value.ok) return value;
  const value = (result: Parsed<number>): number => (result.ok ? result.value : 0);
  const requiredClasses = credits.filter((credit) => value(credit) < 0).length;
  return parsed({
    minLength: value(minLength),
    minClasses: Math.max(value(minClass), requiredClasses),
    // pam_cracklib always checks its dictionary; pam_pwquality unless dictcheck=0.
    denyList: isPwquality ? value(dictcheck) !== 0 : true,
  });
};

/** Every quality module in the stack must pass, so the strictest demand of each kind holds. */
const qualityOf = (stack: readonly PamLine[], pwquality: Settings | undefined): Parsed<Quality | undefined> => {
  let combined: Quality | undefined;
  for (const line of stack.filter((candidate) => candidate.module === 'pam_pwquality' || candidate.module === 'pam_cracklib')) {
    const quality = qualityOfModule(line, pwquality);
    if (!quality.ok) return quality;
    if (!quality.value) continue;
    combined = combined === undefined ? quality.value : {
      minLength: Math.max(combined.minLength, quality.value.minLength),
      minClasses: Math.max(combined.minClasses, quality.value.minClasses),
      denyList: combined.denyList || quality.value.denyList,
    };
  }
  return parsed(combined);
};

const maxAgeOf = (loginDefs: LoginDefs | undefined): number => {
  if (!loginDefs) return UNKNOWN;
  const days = loginDefs.passMaxDays;
  return days === undefined || days < 0 || days >= NEVER_EXPIRES_DAYS ? 0 : days;
};

const lockoutOf = (authStack: readonly PamLine[] | undefined, faillock: Settings | undefined): Parsed<number> => {
  if (!authStack) return parsed(UNKNOWN);
  const faillockLine = moduleIn(authStack, 'pam_faillock');
  if (faillockLine) return numbers(new Map([...(faillock ?? []), ...faillockLine.args]), 'faillock settings')('deny', DEFAULTS.faillockDeny);
  const tally = moduleIn(authStack, 'pam_tally2') ?? moduleIn(authStack, 'pam_tally');
  return tally ? numbers(tally.args, `${tally.module} arguments`)('deny', 0) : parsed(0);
};

const historyOf = (stack: readonly PamLine[]): Parsed<number> => {
  const pwhistory = moduleIn(stack, 'pam_pwhistory');
  const remembered = numbers(pwhistory?.args ?? new Map(), 'pam_pwhistory arguments')('remember', pwhistory ? DEFAULTS.pwhistoryRemember : 0);
  if (!remembered.ok) return remembered;
  let longest = remembered.value;
  for (const unixLine of stack.filter((line) => line.module === 'pam_unix')) {
    const unix = numbers(unixLine.args, 'pam_unix arguments')('remember', 0);
    if (!unix.ok) return unix;
    longest = Math.max(longest, unix.value);
  }
  return parsed(longest);
};

export const derivePasswordPolicy = (inputs: PolicyInputs): Parsed<PasswordPolicyFacts> => {
  const lockout = lockoutOf(inputs.authStack, inputs.faillock);
  if (!lockout.ok) return lockout;
  const maxAgeDays = maxAgeOf(inputs.loginDefs);
  const stack = inputs.passwordStack;
  if (!stack) {
    return parsed({
      minLength: inputs.loginDefs?.passMinLen ?? UNKNOWN, maxLength: UNKNOWN, minCharacterClasses: UNKNOWN, maxAgeDays,
      complexityRequired: Tri.TRI_UNKNOWN, denyListEnforced: Tri.TRI_UNKNOWN, lockoutThreshold: lockout.value, historyLength: UNKNOWN,
    });
  }
  const quality = qualityOf(stack, inputs.pwquality);
  if (!quality.ok) return quality;
  const unixLine = moduleIn(stack, 'pam_unix');
  const unixMin = numbers(unixLine?.args ?? new Map(), 'pam_unix arguments')('minlen', unixLine ? DEFAULTS.unixMinlen : 0);
  if (!unixMin.ok) return unixMin;
  const history = historyOf(stack);
  if (!history.ok) return history;
  const minClasses = quality.value?.minClasses ?? 0;
  return parsed({
    minLength: Math.max(quality.value?.minLength ?? 0, unixMin.value),
    // No PAM password module offers a maximum length.
    maxLength: 0,
    minCharacterClasses: minClasses,
    maxAgeDays,
    complexityRequired: minClasses >= 2 ? Tri.TRI_YES : Tri.TRI_NO,
    denyListEnforced: quality.value?.denyList ? Tri.TRI_YES : Tri.TRI_NO,
    lockoutThreshold: lockout.value,
    historyLength: history.value,
  });
};
