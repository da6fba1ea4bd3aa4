// The agent's screen-lock report on Windows (one JSON object, values as the registry
// holds them) → facts. The session locks after the shorter of the machine inactivity
// limit and a secure screen saver's wait; the user's Group Policy values win over their
// own. Registry values are language-neutral.
import { Tri } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { field, psBool, psNumber, psString, readPsRecords, type PsRecord } from '../windows-json.ts';
import { NEVER, UNKNOWN_SECONDS, type ScreenLockFacts } from './screen-lock-facts.ts';

const isRecord = (value: unknown): value is PsRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

interface ScreenSaver { seconds: number; fromPolicy: boolean }

/** A policy value, else the user's own; "" when neither is set. */
const desktopValue = (policy: PsRecord, setting: PsRecord, name: string): { value: string; fromPolicy: boolean } => {
  const fromPolicy = psString(field(policy, name));
  return fromPolicy !== '' ? { value: fromPolicy, fromPolicy: true } : { value: psString(field(setting, name)), fromPolicy: false };
};

/** The screen saver's wait when it runs, is secure (asks for the password) and has a program; NEVER otherwise. */
const secureScreenSaver = (policy: PsRecord, setting: PsRecord): Parsed<ScreenSaver> => {
  const active = desktopValue(policy, setting, 'ScreenSaveActive');
  const secure = desktopValue(policy, setting, 'ScreenSaverIsSecure');
  const timeout = desktopValue(policy, setting, 'ScreenSaveTimeOut');
  const program = desktopValue(policy, setting, 'SCRNSAVE.EXE');
  const seconds = timeout.value === '' ? 0 : psNumber(timeout.value);
  if (seconds === undefined) return notParsed('OUTPUT_UNRECOGNISED', `ScreenSaveTimeOut "${timeout.value}" is not a number of seconds.`);
  const runs = psBool(active.value) === true && psBool(secure.value) === true && program.value !== '' && seconds > 0;
  return parsed({ seconds: runs ? seconds : NEVER, fromPolicy: runs && [active, secure, timeout].every((value) => value.fromPolicy) });
};

/** "Require a password when a computer wakes" (AC and DC): NO when either is off, YES when both on, else not set. */
const wakePasswordPolicy = (record: PsRecord): boolean | undefined => {
  const values = ['ACSettingIndex', 'DCSettingIndex'].map((name) => psNumber(field(record, name)));
  if (values.includes(0)) return false;
  return values.every((value) => value === 1) ? true : undefined;
};

export const parseWindowsScreenLock = (text: string): Parsed<ScreenLockFacts> => {
  const records = readPsRecords(text);
  if (!records.ok) return records;
  const [report] = records.value;
  const machine = field(report ?? {}, 'Machine');
  const wake = field(report ?? {}, 'WakePassword');
  const signedIn = psBool(field(report ?? {}, 'UserSignedIn'));
  if (records.value.length !== 1 || !isRecord(machine) || !isRecord(wake) || signedIn === undefined) {
    return notParsed('OUTPUT_UNRECOGNISED', 'The screen-lock report does not hold the Machine, UserSignedIn and WakePassword entries.');
  }
  const inactivityText = psString(field(machine, 'InactivityTimeoutSecs'));
  const inactivity = inactivityText === '' ? 0 : psNumber(inactivityText);
  if (inactivity === undefined) return notParsed('OUTPUT_UNRECOGNISED', `InactivityTimeoutSecs "${inactivityText}" is not a number of seconds.`);
  const wakePolicy = wakePasswordPolicy(wake);

  const policy = field(report!, 'UserPolicy');
  const setting = field(report!, 'UserSetting');
  let saver: ScreenSaver | undefined;
  if (signedIn) {
    if (!isRecord(policy) || !isRecord(setting)) return notParsed('OUTPUT_UNRECOGNISED', 'The screen-lock report names a signed-in user but holds no screen-saver values for them.');
    const read = secureScreenSaver(policy, setting);
    if (!read.ok) return read;
    saver = read.value;
  }
  const waits = [inactivity, saver?.seconds ?? 0].filter((seconds) => seconds > 0);
  const locks = waits.length > 0;
  // Without a signed-in user their screen saver cannot be read; the machine limit alone is enough only when set.
  const idle = locks ? Math.min(...waits) : saver ? NEVER : UNKNOWN_SECONDS;
  const enforced = inactivity > 0 || saver?.fromPolicy === true;
  return parsed({
    idleLockSeconds: idle,
    // A locked session always asks for the password; the power policy may still let a wake from sleep through.
    passwordOnWake: wakePolicy === false ? Tri.TRI_NO : locks || wakePolicy === true ? Tri.TRI_YES : Tri.TRI_UNKNOWN,
    enforced: enforced ? Tri.TRI_YES : Tri.TRI_NO,
    settingSource: inactivity > 0 && (!saver || saver.seconds === NEVER || inactivity <= saver.seconds)
      ? 'windows machine inactivity limit' : saver?.fromPolicy ? 'windows screen saver (group policy)' : 'windows screen saver',
    problem: idle === UNKNOWN_SECONDS ? 'No one was signed in, so the user\'s screen-saver settings could not be read, and no machine inactivity limit is set.' : '',
  });
};
