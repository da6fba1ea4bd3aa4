// `cryptsetup status <mapping>` (run with LC_ALL=C):
//   /dev/mapper/x is active and is in use.
//     type:    LUKS2
//     cipher:  aes-xts-plain64
//     keysize: 512 bits
// "is inactive." (exit 4) for a mapping that is not open.
import { ERRORS } from '@invigilator/shared/errors.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';

export interface CryptStatus {
  mapping: string;
  active: boolean;
  inUse: boolean;
  /** As cryptsetup prints it: LUKS1, LUKS2, PLAIN, TCRYPT, BITLK. */
  type: string | null;
  cipher: string | null;
  keySizeBits: number | null;
  backingDevice: string | null;
}

export const CRYPTSETUP_INACTIVE_EXIT = 4;

export const parseCryptsetupStatus = (text: string, sourceId: string): Parsed<CryptStatus> => {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const head = /^(\S+) is (active|inactive)(?: and is (in use))?\.$/.exec(lines[0]?.trim() ?? '');
  if (!head) {
    return notParsed('OUTPUT_UNRECOGNISED', `${ERRORS.OUTPUT_UNRECOGNISED} (${sourceId}: "${(lines[0] ?? '').trim().slice(0, 80)}")`);
  }
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const match = /^\s*([a-z ]+):\s*(.*)$/.exec(line);
    if (match) fields.set(match[1]!.trim(), match[2]!.trim());
  }
  const active = head[2] === 'active';
  if (active && !fields.has('type')) {
    return notParsed('OUTPUT_TRUNCATED', `${ERRORS.OUTPUT_TRUNCATED} (${sourceId}: an active mapping without its type)`);
  }
  const keySize = /^(\d+) bits$/.exec(fields.get('keysize') ?? '')?.[1];
  return parsed({
    mapping: head[1]!,
    active,
    inUse: head[3] !== undefined,
    type: fields.get('type') ?? null,
    cipher: fields.get('cipher') ?? null,
    keySizeBits: keySize === undefined ? null : Number(keySize),
    backingDevice: fields.get('device') ?? null,
  });
};
