// `manage-bde -status` (English text) → fixed volumes. The tool's labels are
// translated on non-English Windows; those are reported as localised, not guessed.
import { Tri } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { kebabCase, type TriValue } from '../windows-json.ts';
import { bitlockerVolume, KNOWN_STATES, type EncryptedVolume } from './bitlocker-volume.ts';

const VOLUME_HEADER = /^Volume (\S+)(?: \[.*\])?$/;
const FIELD_LINE = /^\s+([A-Za-z][A-Za-z ]*?):\s*(.*)$/;
const REQUIRED = ['Conversion Status', 'Percentage Encrypted', 'Protection Status'] as const;

interface VolumeBlock {
  name: string;
  kind: string;
  fields: Map<string, string>;
}

const blocksOf = (lines: readonly string[]): VolumeBlock[] => {
  const blocks: VolumeBlock[] = [];
  for (const line of lines) {
    const header = VOLUME_HEADER.exec(line.trimEnd());
    const current = blocks.at(-1);
    if (header?.[1]) blocks.push({ name: header[1], kind: '', fields: new Map() });
    else if (current && /^\[.*Volume\]$/.test(line.trim()) && current.kind === '') current.kind = line.trim();
    else if (current) {
      const match = FIELD_LINE.exec(line.trimEnd());
      if (match?.[1]) current.fields.set(match[1], (match[2] ?? '').trim());
    }
  }
  return blocks;
};

/** "100.0%", or "100,0%" where the regional format writes a decimal comma; a space may precede the sign. */
const percentOf = (text: string): number | undefined => {
  const match = /^(\d{1,3})(?:[.,](\d+))? ?%$/.exec(text);
  return match?.[1] ? Number(`${match[1]}.${match[2] ?? '0'}`) : undefined;
};

const protectionOf = (text: string): TriValue | undefined =>
  text === 'Protection On' ? Tri.TRI_YES : text === 'Protection Off' ? Tri.TRI_NO : text === 'Protection Unknown' ? Tri.TRI_UNKNOWN : undefined;

const volumeOf = (block: VolumeBlock): Parsed<EncryptedVolume> => {
  const missing = REQUIRED.filter((name) => !block.fields.has(name));
  if (missing.length === REQUIRED.length && block.fields.size > 0) {
    return notParsed('OUTPUT_LOCALISED', `manage-bde described volume ${block.name} in a language other than English.`);
  }
  if (missing.length > 0) {
    return notParsed('OUTPUT_TRUNCATED', `manage-bde stops part-way through volume ${block.name} (no ${missing.join(', ')}).`);
  }
  const state = kebabCase(block.fields.get('Conversion Status') ?? '');
  const percent = percentOf(block.fields.get('Percentage Encrypted') ?? '');
  const protectionOn = protectionOf(block.fields.get('Protection Status') ?? '');
  if (!KNOWN_STATES.has(state) || percent === undefined || protectionOn === undefined) {
    return notParsed('OUTPUT_UNRECOGNISED',
      `manage-bde reported volume ${block.name} in a form the agent cannot read ("${block.fields.get('Conversion Status')}", "${block.fields.get('Percentage Encrypted')}", "${block.fields.get('Protection Status')}").`);
  }
  const method = block.fields.get('Encryption Method') ?? '';
  const volume = bitlockerVolume({
    name: block.name,
    system: block.kind === '[OS Volume]',
    state,
    percent,
    protectionOn,
    method: method === '' || method === 'None' ? '' : kebabCase(method),
  });
  // manage-bde calls a USB stick a "[Data Volume]" like a fixed disk: an unencrypted data volume
  // may be a pupil's stick, so whether a disk of the device is unencrypted stays unknown.
  return parsed(block.kind !== '[OS Volume]' && volume.encrypted === Tri.TRI_NO
    ? { ...volume, encrypted: Tri.TRI_UNKNOWN, state: `${state}-or-removable` }
    : volume);
};

export const parseManageBdeStatus = (text: string): Parsed<EncryptedVolume[]> => {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const blocks = blocksOf(lines);
  if (blocks.length === 0) {
    return text.includes('BitLocker')
      ? notParsed('OUTPUT_LOCALISED', 'manage-bde answered in a language other than English.')
      : notParsed('OUTPUT_UNRECOGNISED', 'manage-bde printed no volume the agent recognises.');
  }
  const volumes: EncryptedVolume[] = [];
  for (const block of blocks) {
    if (/Removable/i.test(block.kind)) continue;
    const volume = volumeOf(block);
    if (!volume.ok) return volume;
    volumes.push(volume.value);
  }
  return parsed(volumes);
};
