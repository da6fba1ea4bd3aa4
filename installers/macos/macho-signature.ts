// The little of the Mach-O format the macOS build needs on Linux: list a 64-bit binary's
// load commands, and remove its code signature before the agent is injected (what
// `codesign --remove-signature` does on a Mac). The Mac then signs the result once.
const MH_MAGIC_64 = 0xfeedfacf;
const LC_SEGMENT_64 = 0x19;
const LC_CODE_SIGNATURE = 0x1d;
const HEADER_SIZE = 32;

export interface LoadCommand {
  cmd: number;
  offset: number;
  size: number;
  /** Set for LC_SEGMENT_64. */
  segmentName?: string;
}

export const machOLoadCommands = (binary: Buffer): LoadCommand[] => {
  if (binary.length < HEADER_SIZE || binary.readUInt32LE(0) !== MH_MAGIC_64) {
    throw new Error('not a thin 64-bit little-endian Mach-O binary');
  }
  const count = binary.readUInt32LE(16);
  const commands: LoadCommand[] = [];
  let offset = HEADER_SIZE;
  for (let index = 0; index < count; index += 1) {
    const cmd = binary.readUInt32LE(offset);
    const size = binary.readUInt32LE(offset + 4);
    const segmentName = cmd === LC_SEGMENT_64 ? binary.toString('latin1', offset + 8, offset + 24).replace(/\0+$/, '') : undefined;
    commands.push({ cmd, offset, size, ...(segmentName === undefined ? {} : { segmentName }) });
    offset += size;
  }
  return commands;
};

export const hasCodeSignature = (binary: Buffer): boolean => machOLoadCommands(binary).some((command) => command.cmd === LC_CODE_SIGNATURE);

export const segmentNames = (binary: Buffer): string[] =>
  machOLoadCommands(binary).flatMap((command) => (command.segmentName === undefined ? [] : [command.segmentName]));

/** A copy without LC_CODE_SIGNATURE and without the signature bytes at the end of __LINKEDIT. */
export const stripMachOSignature = (binary: Buffer): Buffer => {
  const commands = machOLoadCommands(binary);
  const signature = commands.find((command) => command.cmd === LC_CODE_SIGNATURE);
  if (!signature) return Buffer.from(binary);
  const linkedit = commands.find((command) => command.segmentName === '__LINKEDIT');
  if (!linkedit) throw new Error('Mach-O binary has a code signature but no __LINKEDIT segment');
  const dataOffset = binary.readUInt32LE(signature.offset + 8);
  const linkeditFileOffset = Number(binary.readBigUInt64LE(linkedit.offset + 40));
  const linkeditFileSize = Number(binary.readBigUInt64LE(linkedit.offset + 48));
  if (linkeditFileOffset + linkeditFileSize !== binary.length || dataOffset < linkeditFileOffset) {
    throw new Error('the code signature is not at the end of the Mach-O binary; refusing to guess');
  }
  const out = Buffer.from(binary.subarray(0, dataOffset));
  const commandsEnd = HEADER_SIZE + binary.readUInt32LE(20);
  // Later load commands move up over the removed one; the freed tail is zeroed.
  binary.copy(out, signature.offset, signature.offset + signature.size, commandsEnd);
  out.fill(0, commandsEnd - signature.size, commandsEnd);
  out.writeUInt32LE(binary.readUInt32LE(16) - 1, 16);
  out.writeUInt32LE(binary.readUInt32LE(20) - signature.size, 20);
  const movedLinkedit = linkedit.offset > signature.offset ? linkedit.offset - signature.size : linkedit.offset;
  out.writeBigUInt64LE(BigInt(dataOffset - linkeditFileOffset), movedLinkedit + 48);
  return out;
};
