// Writes Apple XML property lists (the configuration profiles built on Linux). Keys keep
// their order, so the same values give the same bytes.
export type PlistInput = string | number | boolean | PlistInput[] | { [key: string]: PlistInput };

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const element = (value: PlistInput, indent: string): string => {
  if (typeof value === 'string') return `${indent}<string>${escape(value)}</string>\n`;
  if (typeof value === 'boolean') return `${indent}<${value}/>\n`;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`plist integers only here, got ${value}`);
    return `${indent}<integer>${value}</integer>\n`;
  }
  if (Array.isArray(value)) return `${indent}<array>\n${value.map((item) => element(item, `${indent}  `)).join('')}${indent}</array>\n`;
  return `${indent}<dict>\n${Object.entries(value)
    .map(([key, item]) => `${indent}  <key>${escape(key)}</key>\n${element(item, `${indent}  `)}`).join('')}${indent}</dict>\n`;
};

export const toPlistXml = (value: PlistInput): string =>
  '<?xml version="1.0" encoding="UTF-8"?>\n'
  + '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
  + `<plist version="1.0">\n${element(value, '')}</plist>\n`;
