import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitToLimits, jsonWithinLimits, TEXT_LIMITS, withoutUnsafeCharacters } from '../src/field-limits.ts';
import { observationToJson, v1 } from '../src/wire.ts';

describe('field limits', () => {
  it('shortens an agent\'s own event to fit, so the collector never refuses a genuine device', () => {
    const event = { seq: 1, misuse: { kind: 4, detail: 'd'.repeat(5000), file: { name: 'n'.repeat(3000) } } };
    const fitted = fitToLimits(structuredClone(event), 'shorten');
    expect(fitted.misuse.detail).toHaveLength(TEXT_LIMITS.detail!);
    expect(fitted.misuse.file.name).toHaveLength(TEXT_LIMITS.name!);
    expect(() => fitToLimits(structuredClone(fitted), 'refuse')).not.toThrow();
  });

  it('refuses, naming the field, what is over', () => {
    const frame = v1.Frame.decode(v1.Frame.encode({ batch: { events: [{ seq: 1, observation: { check: 'firewall', sourceIds: Array.from({ length: 300 }, () => 'x') } }] } }).finish());
    expect(() => fitToLimits(frame, 'refuse')).toThrow(/frame\.batch\.events\[0\]\.observation\.sourceIds: 300 items, at most 256/);
  });

  it('removes control and bidirectional characters, keeping tabs, line feeds and ordinary text', () => {
    expect(withoutUnsafeCharacters('holiday\u202Egpj.exe')).toBe('holidaygpj.exe');
    expect(withoutUnsafeCharacters('a\tb\nc\u200fd\u0085e\u001bf')).toBe('a\tb\ncdef');
    expect(withoutUnsafeCharacters('Zoë’s Café 東京')).toBe('Zoë’s Café 東京');
  });

  describe('the quick look at JSON text', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.constantFrom('gpj.exe\u202E', 'a\\b', 'tab\there', 'line\nfeed', '\u0085', '\u007f', 'x'.repeat(128), 'x'.repeat(129)),
    );
    const observation = fc.record({
      check: text, status: fc.integer({ min: 0, max: 3 }), reason: text, sourceIds: fc.array(text, { maxLength: 300 }),
      firewall: fc.record({
        enabled: fc.integer({ min: 0, max: 3 }), backend: text,
        inboundAllowRules: fc.array(fc.record({ name: text, protocol: text, ports: text }), { maxLength: 3 }),
      }),
    });
    const decoded = (plain: object) => v1.Observation.decode(v1.Observation.encode(v1.Observation.fromObject(plain)).finish());

    it('passes a message only when the walk would neither change nor refuse it', () => {
      fc.assert(fc.property(observation, (plain) => {
        const message = decoded(plain);
        if (!jsonWithinLimits(JSON.stringify(observationToJson(message)))) return;
        const walked = decoded(plain);
        expect(() => fitToLimits(walked, 'refuse')).not.toThrow();
        expect(observationToJson(walked)).toEqual(observationToJson(message));
      }), { numRuns: 2000 });
    });

    it('passes a routine observation, and sends anything unsafe, long or numerous to the walk', () => {
      const routine = { check: 'firewall', status: 1, sourceIds: ['linux.nft-ruleset-json'], firewall: { enabled: 1, backend: 'nftables' } };
      expect(jsonWithinLimits(JSON.stringify(observationToJson(decoded(routine))))).toBe(true);
      for (const reason of ['holiday\u202Egpj.exe', 'bell\u0007', 'cr\r', 'del\u007f', 'c1\u0085', 'x'.repeat(129)]) {
        expect(jsonWithinLimits(JSON.stringify(observationToJson(decoded({ ...routine, reason })))), JSON.stringify(reason)).toBe(false);
      }
      expect(jsonWithinLimits(JSON.stringify(observationToJson(decoded({ ...routine, sourceIds: Array.from({ length: 257 }, () => '') }))))).toBe(false);
      // Escaped quotes do not end a string: 201 characters in all.
      expect(jsonWithinLimits(JSON.stringify({ reason: `${'x'.repeat(100)}"${'y'.repeat(100)}` }))).toBe(false);
    });
  });
});
