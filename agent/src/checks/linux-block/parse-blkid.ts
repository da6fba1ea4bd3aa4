// `blkid -o export <device>`: KEY=value lines; blkid escapes spaces and quotes with a backslash.
// Exit code 2 with no output means "nothing recognised on this device".
export const BLKID_NOTHING_FOUND_EXIT = 2;

export const parseBlkidExport = (text: string): Readonly<Record<string, string>> => {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields[match[1]!] = match[2]!.replace(/\\(.)/g, '$1');
  }
  return fields;
};
