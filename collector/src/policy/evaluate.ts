// Observation (facts from a device) + the school's pack -> verdict. The only
// place a device is judged; the agent never is.
import { isCheckName, type CheckName } from '@invigilator/shared/checks.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { clauseForCheck, type PolicyPack } from '@invigilator/shared/policy/types.ts';
import { CollectionStatus, type Observation } from '@invigilator/shared/wire.ts';
import { judgeAntivirus } from './rules/antivirus.ts';
import { judgeEncryption } from './rules/encryption.ts';
import { judgeFirewall } from './rules/firewall.ts';
import { judgePasswordPolicy } from './rules/password-policy.ts';
import { judgeRemovableMedia } from './rules/removable-media.ts';
import { judgeScreenLock } from './rules/screen-lock.ts';
import type { Judgement, Verdict } from './verdict.ts';

export type { Verdict, VerdictStatus } from './verdict.ts';

const CHECK_IN_WORDS: Record<CheckName, string> = {
  encryption: 'disk encryption',
  antivirus: 'anti-virus protection',
  firewall: 'a firewall',
  'password-policy': 'a password policy',
  'removable-media': 'a ban on removable media',
  'screen-lock': 'a screen lock',
};

/** The school's pack switches some checks off; those need no facts at all. */
const judgedByPolicyAlone = (check: CheckName, pack: PolicyPack): Judgement | undefined => {
  const notRequired = (required: boolean): Judgement | undefined => required ? undefined
    : { status: 'not_applicable', reasonCode: 'NOT_REQUIRED', reason: `The school's policy does not require ${CHECK_IN_WORDS[check]}.` };
  switch (check) {
    case 'encryption': return notRequired(pack.checks.encryption.required);
    case 'antivirus': return notRequired(pack.checks.antivirus.required);
    case 'firewall': return notRequired(pack.checks.firewall.required);
    case 'password-policy': return undefined;
    case 'removable-media': return pack.checks.removableMedia.banned ? undefined
      : { status: 'pass', reasonCode: 'REMOVABLE_MEDIA_ALLOWED', reason: 'The school\'s policy allows removable media.' };
    case 'screen-lock': return notRequired(pack.checks.screenLock.required);
  }
};

const judgeFacts = (check: CheckName, observation: Observation, pack: PolicyPack, now: Date): Judgement => {
  const { encryption, antivirus, firewall, passwordPolicy, removableMedia, screenLock } = observation;
  const judged = (() => {
    switch (check) {
      case 'encryption': return encryption && judgeEncryption(encryption);
      case 'antivirus': return antivirus && judgeAntivirus(antivirus, pack.checks.antivirus, now);
      case 'firewall': return firewall && judgeFirewall(firewall, pack.checks.firewall);
      case 'password-policy': return passwordPolicy && judgePasswordPolicy(passwordPolicy, pack.checks.passwordPolicy);
      case 'removable-media': return removableMedia && judgeRemovableMedia(removableMedia, pack.checks.removableMedia);
      case 'screen-lock': return screenLock && judgeScreenLock(screenLock, pack.checks.screenLock);
    }
  })();
  return judged ?? {
    status: 'unknown',
    reasonCode: 'FACTS_MISSING',
    reason: `The device said it collected the ${check} facts but sent none, so they cannot be judged.`,
  };
};

const judge = (check: CheckName, observation: Observation, pack: PolicyPack, now: Date): Judgement => {
  const byPolicy = judgedByPolicyAlone(check, pack);
  if (byPolicy) return byPolicy;
  switch (observation.status) {
    case CollectionStatus.COLLECTED:
      return judgeFacts(check, observation, pack, now);
    case CollectionStatus.COULD_NOT_COLLECT:
      return {
        status: 'unknown',
        reasonCode: observation.reasonCode || 'NOT_COLLECTED',
        reason: observation.reason || 'The agent could not collect the facts for this check and gave no reason.',
      };
    case CollectionStatus.NOT_APPLICABLE:
      return {
        status: 'not_applicable',
        reasonCode: observation.reasonCode || 'NOT_APPLICABLE',
        reason: observation.reason || 'The agent found that this check does not apply to this device.',
      };
    default:
      return {
        status: 'unknown',
        reasonCode: 'STATUS_UNSPECIFIED',
        reason: 'The device sent an observation without saying whether it was collected, so it cannot be judged.',
      };
  }
};

/**
 * Judges one observation against the school's pack. Throws CHECK_UNKNOWN only
 * when the observation names a check outside CHECK_NAMES (test with isCheckName
 * first to store such an event without a verdict).
 */
export const evaluateObservation = (observation: Observation, pack: PolicyPack, now: Date): Verdict => {
  const check = observation.check ?? '';
  if (!isCheckName(check)) throw new InvigilatorError('CHECK_UNKNOWN', `(check "${check}")`);
  const clause = clauseForCheck(pack, check);
  return { check, ...judge(check, observation, pack, now), clauseId: clause.id, clauseText: clause.text };
};
