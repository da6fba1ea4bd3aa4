import { describe, expect, it } from 'vitest';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { arrayAt, dictAt, isDict, parsePlist, readPlist, readPlistDict, type PlistDict } from '../../src/parsers/plist.ts';
import { macosFixture } from '../helpers/macos-fixture.ts';

const wrap = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n${body}\n</plist>\n`;

const codeOf = (text: string): string => {
  try {
    parsePlist(text);
  } catch (error) {
    if (error instanceof InvigilatorError) return error.code;
    throw error;
  }
  return 'parsed';
};

describe('parsePlist on real captures', () => {
  it('reads diskutil apfs list -plist: nested dicts, arrays, booleans, large integers', () => {
    const root = parsePlist(macosFixture('diskutil-apfs-list-plist.1.txt')) as PlistDict;
    const containers = arrayAt(root, 'Containers') ?? [];
    expect(containers).toHaveLength(3);
    const third = containers[2] as PlistDict;
    expect(third.CapacityCeiling).toBe(1995218165760);
    const data = (arrayAt(third, 'Volumes') ?? []).map((volume) => volume as PlistDict).find((volume) => volume.Name === 'Data');
    expect(data).toMatchObject({ DeviceIdentifier: 'disk3s5', FileVault: true, Encryption: true, Roles: ['Data'] });
    expect((third.Volumes as PlistDict[])[6]?.Roles).toEqual([]);
  });

  it('decodes entities and keeps UTF-8 text (pwpolicy, multi-language descriptions)', () => {
    const text = macosFixture('pwpolicy-getaccountpolicies.1.txt');
    const root = parsePlist(text.slice(text.indexOf('<?xml'))) as PlistDict;
    const auth = (arrayAt(root, 'policyCategoryAuthentication') ?? [])[0] as PlistDict;
    expect(auth.policyContent).toContain('policyAttributeFailedAuthentications < policyAttributeMaximumFailedAuthentications');
    const described = (root.policyCategoryPasswordContent as PlistDict[]).find((policy) => dictAt(policy, 'policyContentDescription'));
    expect(dictAt(described as PlistDict, 'policyContentDescription')?.ja).toContain('同じ文字');
  });
});

describe('parsePlist value types', () => {
  it.each([
    ['<string>a &amp; b &#x41;&#66;</string>', 'a & b AB'],
    ['<string/>', ''],
    ['<string><![CDATA[<x>]]></string>', '<x>'],
    ['<integer>-42</integer>', -42],
    ['<integer>0x10</integer>', 16],
    ['<integer>18446744073709551615</integer>', 18446744073709551615n],
    ['<real>1.5e3</real>', 1500],
    ['<true/>', true],
    ['<false></false>', false],
    ['<array/>', []],
    ['<data>\n  aGVsbG8=\n</data>', new Uint8Array(Buffer.from('hello'))],
  ])('%s', (body, expected) => {
    expect(parsePlist(wrap(body))).toEqual(expected);
  });

  it('reads dates as Date', () => {
    expect(parsePlist(wrap('<date>2014-10-26T14:03:27Z</date>'))).toEqual(new Date('2014-10-26T14:03:27Z'));
  });

  it('gives dictionaries without a prototype, so "__proto__" is just a key', () => {
    const dict = parsePlist(wrap('<dict><key>__proto__</key><string>x</string><key>a</key><dict/></dict>')) as PlistDict;
    expect(isDict(dict)).toBe(true);
    expect(Object.keys(dict)).toEqual(['__proto__', 'a']);
    expect(isDict(dict.a)).toBe(true);
  });
});

describe('parsePlist refuses damaged input with a code', () => {
  const apfs = macosFixture('diskutil-apfs-list-plist.1.txt');
  it.each([
    ['cut in half (derived from the real apfs capture)', apfs.slice(0, apfs.length / 2), 'OUTPUT_TRUNCATED'],
    ['empty', '', 'OUTPUT_TRUNCATED'],
    ['no plist root', '<?xml version="1.0"?><dict></dict>', 'OUTPUT_MALFORMED'],
    ['plain text', 'Could not find disk: disk9', 'OUTPUT_MALFORMED'],
    ['mismatched close', wrap('<dict><key>a</key><string>x</integer></dict>'), 'OUTPUT_MALFORMED'],
    ['key without value', wrap('<dict><key>a</key></dict>'), 'OUTPUT_MALFORMED'],
    ['value without key', wrap('<dict><string>x</string></dict>'), 'OUTPUT_MALFORMED'],
    ['duplicate key', wrap('<dict><key>a</key><true/><key>a</key><false/></dict>'), 'OUTPUT_MALFORMED'],
    ['unknown element', wrap('<set/>'), 'OUTPUT_MALFORMED'],
    ['bad integer', wrap('<integer>12abc</integer>'), 'OUTPUT_MALFORMED'],
    ['bad date', wrap('<date>yesterday</date>'), 'OUTPUT_MALFORMED'],
    ['bad base64', wrap('<data>!!</data>'), 'OUTPUT_MALFORMED'],
    ['unknown entity', wrap('<string>&nbsp;</string>'), 'OUTPUT_MALFORMED'],
    ['bare ampersand', wrap('<string>a & b</string>'), 'OUTPUT_MALFORMED'],
    ['text after the plist', `${wrap('<true/>')}Password:`, 'OUTPUT_MALFORMED'],
    ['two root values', wrap('<true/><false/>'), 'OUTPUT_MALFORMED'],
  ])('%s → %s', (_name, text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it('readPlist turns the error into a reason naming the source', () => {
    const result = readPlist('oops', 'macos.diskutil-apfs-list');
    expect(result).toMatchObject({ ok: false, code: 'OUTPUT_MALFORMED' });
    expect(!result.ok && result.reason).toContain('macos.diskutil-apfs-list');
  });

  it('readPlistDict refuses a plist whose top level is not a dictionary', () => {
    expect(readPlistDict(wrap('<array/>'), 'x')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});
