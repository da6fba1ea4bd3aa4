import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { check } from '../../../src/checks/password-policy/macos.ts';
import { collectedOf, commandMissing, type RawSource } from '../../helpers/macos-collected.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

const context = { removableMountRoots: ['/Volumes'] };
const capture = macosFixture('pwpolicy-getaccountpolicies.1.txt');
const interpret = (source: RawSource) => check.interpret(collectedOf({ 'macos.pwpolicy-account-policies': source }), context);

describe('password policy on macOS', () => {
  it('runs pwpolicy by absolute path', () => {
    expect(check.sources(new Map(), context)).toEqual([{ kind: 'command', id: 'macos.pwpolicy-account-policies', file: '/usr/bin/pwpolicy', args: ['getaccountpolicies'] }]);
  });

  it('reports the real profile policy', () => {
    expect(interpret(capture.slice(capture.indexOf('<?xml')))).toEqual({
      status: CollectionStatus.COLLECTED,
      passwordPolicy: {
        minLength: 8, maxLength: 0, minCharacterClasses: 3, maxAgeDays: 0, complexityRequired: Tri.TRI_YES,
        denyListEnforced: Tri.TRI_UNKNOWN, denyListProblem: expect.stringContaining('directory'), lockoutThreshold: 5, historyLength: 0,
      },
    });
  });

  it('no policy set: collected, with no minimum and no complexity', () => {
    expect(interpret('<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict/>\n</plist>\n').passwordPolicy)
      .toMatchObject({ minLength: 0, complexityRequired: Tri.TRI_NO, maxAgeDays: 0, denyListEnforced: Tri.TRI_UNKNOWN });
  });

  it.each([
    ['on stdout', macosFixture('pwpolicy-getaccountpolicies.2-none-set.txt')],
    ['on stderr, with a non-zero exit', { stdout: '', stderr: macosFixture('pwpolicy-getaccountpolicies.2-none-set.txt'), exitCode: 1 }],
  ])('"No global account policies have been set." %s: an empty policy, collected', (_name, source) => {
    const finding = interpret(source);
    expect(finding.status).toBe(CollectionStatus.COLLECTED);
    expect(finding.passwordPolicy).toMatchObject({ minLength: 0, complexityRequired: Tri.TRI_NO, maxAgeDays: 0, lockoutThreshold: 0 });
  });

  it.each([
    ['pwpolicy missing', commandMissing, 'COMMAND_NOT_FOUND'],
    ['empty output', '', 'OUTPUT_EMPTY'],
    ['truncated', capture.slice(0, 2000), 'OUTPUT_TRUNCATED'],
  ])('could not collect: %s', (_name, source, code) => {
    expect(interpret(source)).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: code });
  });
});
