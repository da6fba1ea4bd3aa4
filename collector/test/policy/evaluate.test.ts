import { describe, expect, it } from 'vitest';
import { CHECK_NAMES, type CheckName } from '@invigilator/shared/checks.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import { loadPolicyPackFile } from '@invigilator/shared/policy/validate.ts';
import { CollectionStatus, Tri, decodeFrame, encodeFrame, type Observation } from '@invigilator/shared/wire.ts';
import path from 'node:path';
import { NOW, collected, hoursAgo, judge, outcome, packWith } from './observations.ts';
import { evaluateObservation } from '../../src/policy/evaluate.ts';

const EXAMPLE_PACK = loadPolicyPackFile(path.resolve(import.meta.dirname, '../../../docs/examples/policy-pack.example.json'));

const withStatus = (check: string, status: number, extra: Partial<Observation> = {}): Observation => ({ check, status, ...extra });

describe('collection status decides before facts', () => {
  it.each(CHECK_NAMES.filter((check) => check !== 'removable-media' || DEFAULT_POLICY_PACK.checks.removableMedia.banned))(
    '%s: could not collect -> unknown, with the agent\'s own code and reason', (check) => {
      const verdict = judge(withStatus(check, CollectionStatus.COULD_NOT_COLLECT,
        { reasonCode: 'OUTPUT_LOCALISED', reason: 'manage-bde printed French; the agent reads English.' }));
      expect(outcome(verdict)).toEqual({ status: 'unknown', reasonCode: 'OUTPUT_LOCALISED', reason: 'manage-bde printed French; the agent reads English.' });
    });

  it.each(CHECK_NAMES)('%s: not applicable -> not_applicable, with the agent\'s reason', (check) => {
    const verdict = judge(withStatus(check, CollectionStatus.NOT_APPLICABLE, { reasonCode: 'NO_PRODUCT_FOUND', reason: 'No fixed disks.' }));
    expect(outcome(verdict)).toEqual({ status: 'not_applicable', reasonCode: 'NO_PRODUCT_FOUND', reason: 'No fixed disks.' });
  });

  it.each<[string, Observation, ReturnType<typeof outcome>]>([
    ['could not collect, no code or reason', withStatus('firewall', CollectionStatus.COULD_NOT_COLLECT),
      { status: 'unknown', reasonCode: 'NOT_COLLECTED', reason: 'The agent could not collect the facts for this check and gave no reason.' }],
    ['not applicable, no code or reason', withStatus('encryption', CollectionStatus.NOT_APPLICABLE),
      { status: 'not_applicable', reasonCode: 'NOT_APPLICABLE', reason: 'The agent found that this check does not apply to this device.' }],
    ['status missing', withStatus('antivirus', CollectionStatus.COLLECTION_STATUS_UNSPECIFIED, { antivirus: { products: [] } }),
      { status: 'unknown', reasonCode: 'STATUS_UNSPECIFIED', reason: expect.stringContaining('without saying whether it was collected') }],
    ['a status number from a newer agent', withStatus('antivirus', 9),
      { status: 'unknown', reasonCode: 'STATUS_UNSPECIFIED', reason: expect.stringContaining('cannot be judged') }],
    ['collected, but no facts', withStatus('encryption', CollectionStatus.COLLECTED),
      { status: 'unknown', reasonCode: 'FACTS_MISSING', reason: 'The device said it collected the encryption facts but sent none, so they cannot be judged.' }],
    ['collected, facts of another check', withStatus('firewall', CollectionStatus.COLLECTED, { antivirus: { products: [] } }),
      { status: 'unknown', reasonCode: 'FACTS_MISSING', reason: expect.stringContaining('the firewall facts') }],
  ])('%s', (_case, observation, expected) => {
    expect(outcome(judge(observation))).toEqual(expected);
  });

  it('a check the school does not require is not applicable whatever the device sent', () => {
    const pack = packWith('encryption', { required: false });
    expect(outcome(judge(withStatus('encryption', CollectionStatus.COULD_NOT_COLLECT), pack))).toEqual({
      status: 'not_applicable', reasonCode: 'NOT_REQUIRED', reason: 'The school\'s policy does not require disk encryption.',
    });
  });

  it('refuses a check it does not know with a coded error', () => {
    const attempt = () => judge(withStatus('webcam-cover', CollectionStatus.COLLECTED));
    expect(attempt).toThrow(InvigilatorError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'CHECK_UNKNOWN', message: expect.stringContaining('"webcam-cover"') }));
  });
});

describe('every verdict quotes the clause it enforces', () => {
  const failing: Record<CheckName, Observation> = {
    encryption: collected('encryption', { encryption: { volumes: [{ name: 'C:', role: 1, encrypted: Tri.TRI_NO }] } }),
    antivirus: collected('antivirus', { antivirus: { products: [] } }),
    firewall: collected('firewall', { firewall: { enabled: Tri.TRI_NO } }),
    'password-policy': collected('password-policy', { passwordPolicy: { minLength: 4 } }),
    'removable-media': collected('removable-media', { removableMedia: { storageBlocked: Tri.TRI_NO, writeBlocked: Tri.TRI_NO } }),
    'screen-lock': collected('screen-lock', { screenLock: { idleLockSeconds: 0, passwordOnWake: Tri.TRI_NO } }),
  };
  const expectedClause: Record<CheckName, string> = {
    encryption: '4.1', antivirus: '4.2', firewall: '4.3', 'password-policy': '5.2', 'removable-media': '6.1', 'screen-lock': '6.4',
  };

  it.each(CHECK_NAMES)('%s', (check) => {
    const verdict = evaluateObservation(failing[check], EXAMPLE_PACK, NOW);
    expect(verdict).toMatchObject({ check, status: 'fail', clauseId: expectedClause[check] });
    expect(verdict.clauseText).toBe(EXAMPLE_PACK.clauses[expectedClause[check]]);
  });
});

describe('observations as the gateway decodes them from the wire', () => {
  const roundTrip = (observation: Observation): Observation => {
    const frame = decodeFrame(encodeFrame({ batch: { events: [{ seq: 1, occurredAtMs: NOW.getTime(), observation }] } }));
    return frame.batch!.events![0]!.observation!;
  };

  it.each<[string, Observation]>([
    ['antivirus with a 64-bit signature time', collected('antivirus', { antivirus: { products: [
      { name: 'Microsoft Defender', enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_YES, signaturesUpdatedAtMs: hoursAgo(100) }] } })],
    ['password facts with -1 for unknown', collected('password-policy', { passwordPolicy: {
      minLength: 8, maxLength: -1, minCharacterClasses: 3, maxAgeDays: -1, denyListEnforced: Tri.TRI_YES } })],
    ['firewall with profiles', collected('firewall', { firewall: { enabled: Tri.TRI_YES, profiles: [{ name: 'Public', enabled: Tri.TRI_NO }] } })],
    ['could not collect', withStatus('encryption', CollectionStatus.COULD_NOT_COLLECT, { reasonCode: 'OUTPUT_TRUNCATED', reason: 'Cut short.' })],
  ])('%s: judged the same after encode/decode', (_case, observation) => {
    expect(judge(roundTrip(observation))).toEqual(judge(observation));
  });

  // proto3 cannot tell 0 from "not sent": an agent must send -1 for unknown. Left out, a fact reads as 0,
  // which fails rather than passes where the school needs it.
  it('reads password facts the agent left out as 0, the safe side', () => {
    const verdict = judge(roundTrip(collected('password-policy', { passwordPolicy: { minLength: 12, denyListEnforced: Tri.TRI_YES } })));
    expect(outcome(verdict)).toEqual({
      status: 'fail', reasonCode: 'PASSWORD_POLICY_WEAK', reason: 'Mixing letters, numbers and symbols is not required; the school requires 3 kinds of character.',
    });
  });
});
