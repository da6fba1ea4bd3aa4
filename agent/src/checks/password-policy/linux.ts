// Linux password policy. Sources (fixed files; a missing file is a fact, not an error):
//   linux.login-defs            /etc/login.defs (PASS_MAX_DAYS for new accounts, PASS_MIN_LEN)
//   linux.pwquality-conf        /etc/security/pwquality.conf (counts only with pam_pwquality)
//   linux.faillock-conf         /etc/security/faillock.conf (counts only with pam_faillock)
//   linux.pam-common-password, linux.pam-common-auth     Debian/Ubuntu stacks
//   linux.pam-system-auth, linux.pam-password-auth       RHEL/Fedora stacks
// Drop-ins (pwquality.conf.d/*.conf) are not read: the agent reads fixed files only.
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { couldNotCollect, findingFrom, isAbsent, parseSource } from '../findings.ts';
import { parsed, type Collected, type FileSource, type Finding, type Parsed, type PlatformCheck, type SourceSpec } from '../types.ts';
import { derivePasswordPolicy, type PolicyInputs } from './derive-linux-policy.ts';
import { parseLoginDefs } from './parse-login-defs.ts';
import { parsePamStack, parseSettingsFile, type PamLine } from './parse-pam.ts';

const file = (id: string, path: string): FileSource => ({ kind: 'file', id, path, maxBytes: 256 * 1024 });

const LOGIN_DEFS = file('linux.login-defs', '/etc/login.defs');
const PWQUALITY = file('linux.pwquality-conf', '/etc/security/pwquality.conf');
const FAILLOCK = file('linux.faillock-conf', '/etc/security/faillock.conf');
const PAM_STACKS = [
  file('linux.pam-common-password', '/etc/pam.d/common-password'),
  file('linux.pam-common-auth', '/etc/pam.d/common-auth'),
  file('linux.pam-system-auth', '/etc/pam.d/system-auth'),
  file('linux.pam-password-auth', '/etc/pam.d/password-auth'),
] as const;
const SOURCES: readonly SourceSpec[] = [LOGIN_DEFS, PWQUALITY, FAILLOCK, ...PAM_STACKS];

/** The file parsed, undefined when it does not exist, or why it could not be read. */
const readOptional = <T>(collected: Collected, spec: FileSource, parse: (text: string) => Parsed<T>): Parsed<T | undefined> => {
  if (isAbsent(collected, spec.id)) return parsed(undefined);
  return parseSource(collected, spec.id, parse, { allowEmpty: true });
};

/** Lines of one PAM type from every stack file that exists; undefined when none exists. */
const stackOf = (stacks: readonly (PamLine[] | undefined)[], type: PamLine['type']): PamLine[] | undefined => {
  const existing = stacks.filter((stack) => stack !== undefined);
  return existing.length === 0 ? undefined : existing.flat().filter((line) => line.type === type);
};

export const interpretPasswordPolicy = (collected: Collected): Finding => {
  const loginDefs = readOptional(collected, LOGIN_DEFS, parseLoginDefs);
  if (!loginDefs.ok) return couldNotCollect(loginDefs.code, loginDefs.reason);
  const pwquality = readOptional(collected, PWQUALITY, (text) => parseSettingsFile(text, PWQUALITY.path));
  if (!pwquality.ok) return couldNotCollect(pwquality.code, pwquality.reason);
  const faillock = readOptional(collected, FAILLOCK, (text) => parseSettingsFile(text, FAILLOCK.path));
  if (!faillock.ok) return couldNotCollect(faillock.code, faillock.reason);
  const stacks: (PamLine[] | undefined)[] = [];
  for (const spec of PAM_STACKS) {
    const stack = readOptional(collected, spec, (text) => parsePamStack(text, spec.path));
    if (!stack.ok) return couldNotCollect(stack.code, stack.reason);
    stacks.push(stack.value);
  }
  const inputs: PolicyInputs = {
    loginDefs: loginDefs.value, pwquality: pwquality.value, faillock: faillock.value,
    passwordStack: stackOf(stacks, 'password'), authStack: stackOf(stacks, 'auth'),
  };
  return findingFrom(derivePasswordPolicy(inputs), (passwordPolicy) => ({ status: CollectionStatus.COLLECTED, passwordPolicy }));
};

export const check: PlatformCheck = {
  check: 'password-policy',
  platform: 'linux',
  sources() {
    return SOURCES;
  },
  interpret(collected) {
    return interpretPasswordPolicy(collected);
  },
};
