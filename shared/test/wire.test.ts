import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvigilatorError } from '../src/errors.ts';
import { MAX_FRAME_BYTES, Tri, decodeFrame, encodeFrame, observationToJson } from '../src/wire.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('wire', () => {
  it('round-trips a batch with 64-bit sequence numbers as plain numbers', () => {
    const bytes = encodeFrame({ batch: { events: [{ seq: 2 ** 40 + 7, occurredAtMs: 1_795_000_000_000,
      observation: { check: 'firewall', status: 1, firewall: { enabled: Tri.TRI_YES } } }] } });
    const frame = decodeFrame(bytes);
    expect(frame.body).toBe('batch');
    expect(frame.batch?.events?.[0]?.seq).toBe(2 ** 40 + 7);
  });

  it.each([
    ['garbled bytes', Uint8Array.from([0xff, 0xff, 0xff, 0xff]), 'FRAME_UNDECODABLE'],
    ['an empty frame', new Uint8Array(0), 'FRAME_UNDECODABLE'],
    ['an oversized frame', new Uint8Array(MAX_FRAME_BYTES + 1), 'FRAME_TOO_LARGE'],
  ])('rejects %s with a coded error', (_name, bytes, code) => {
    expect(() => decodeFrame(bytes)).toThrow(InvigilatorError);
    try { decodeFrame(bytes); } catch (error) { expect((error as InvigilatorError).code).toBe(code); }
  });

  it('refuses to encode a frame over the limit', () => {
    const events = Array.from({ length: 2000 }, (_, i) => ({ seq: i + 1, misuse: { detail: 'x'.repeat(1000) } }));
    expect(() => encodeFrame({ batch: { events } })).toThrow(/larger than the limit/);
  });

  it('renders observations with enum names for storage and the API', () => {
    expect(observationToJson({ check: 'firewall', status: 1, firewall: { enabled: Tri.TRI_NO } }))
      .toEqual({ check: 'firewall', status: 'COLLECTED', firewall: { enabled: 'TRI_NO' } });
  });

  it('keeps the generated code in step with the .proto file', () => {
    expect(() => execFileSync(process.execPath, [path.join(root, 'scripts/gen-proto.ts'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
