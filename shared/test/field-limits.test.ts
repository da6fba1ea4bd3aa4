import { describe, expect, it } from 'vitest';
import { fitToLimits, TEXT_LIMITS, withoutUnsafeCharacters } from '../src/field-limits.ts';
import { v1 } from '../src/wire.ts';

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
});
