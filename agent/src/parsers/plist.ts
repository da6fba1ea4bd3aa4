// A small, strict reader for Apple's XML property lists (what `diskutil -plist`,
// `pwpolicy` and `system_profiler -xml` print). Pure: text in, values out.
// Anything that is not a whole, well-formed plist throws a coded error, so a
// damaged or cut-off report can never be read as "empty".
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { parsed, type Parsed } from '../checks/types.ts';
import { unreadable } from './reasons.ts';

export type PlistValue = string | number | bigint | boolean | Date | Uint8Array | PlistValue[] | PlistDict;
export interface PlistDict { [key: string]: PlistValue }

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const INTEGER = /^[+-]?(?:\d+|0x[0-9a-f]+)$/i;
const REAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$|^[+-]?(?:inf|infinity|nan)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

interface Tag { name: string; closing: boolean; selfClosing: boolean }

class PlistReader {
  private position = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  read(): PlistValue {
    this.skipProlog();
    const root = this.nextTag();
    if (root.name !== 'plist' || root.closing || root.selfClosing) this.malformed(`expected <plist>, found <${root.name}>`);
    const value = this.readValue(this.nextTag());
    this.expectClosing('plist');
    this.skipMisc();
    if (this.position < this.text.length) this.malformed('text follows </plist>');
    return value;
  }

  private readValue(tag: Tag): PlistValue {
    if (tag.closing) this.malformed(`unexpected </${tag.name}>`);
    switch (tag.name) {
      case 'dict': return tag.selfClosing ? Object.create(null) as PlistDict : this.readDict();
      case 'array': return tag.selfClosing ? [] : this.readArray();
      case 'true': return this.readEmpty(tag, true);
      case 'false': return this.readEmpty(tag, false);
      case 'string': return tag.selfClosing ? '' : this.readText('string');
      case 'integer': return this.toInteger(this.readText('integer').trim());
      case 'real': return this.toReal(this.readText('real').trim());
      case 'date': return this.toDate(this.readText('date').trim());
      case 'data': return this.toData(tag.selfClosing ? '' : this.readText('data'));
      default: return this.malformed(`unknown element <${tag.name}>`);
    }
  }

  private readDict(): PlistDict {
    const dict = Object.create(null) as PlistDict;
    for (;;) {
      const tag = this.nextTag();
      if (tag.closing && tag.name === 'dict') return dict;
      if (tag.name !== 'key' || tag.closing) this.malformed(`expected <key> in <dict>, found <${tag.closing ? '/' : ''}${tag.name}>`);
      const key = tag.selfClosing ? '' : this.readText('key');
      if (Object.hasOwn(dict, key)) this.malformed(`key "${key}" appears twice in one <dict>`);
      const valueTag = this.nextTag();
      if (valueTag.closing) this.malformed(`key "${key}" has no value`);
      dict[key] = this.readValue(valueTag);
    }
  }

  private readArray(): PlistValue[] {
    const items: PlistValue[] = [];
    for (;;) {
      const tag = this.nextTag();
      if (tag.closing && tag.name === 'array') return items;
      items.push(this.readValue(tag));
    }
  }

  private readEmpty(tag: Tag, value: boolean): boolean {
    if (!tag.selfClosing) this.expectClosing(tag.name);
    return value;
  }

  /** Character data up to the closing tag, entities decoded; no child elements allowed. */
  private readText(name: string): string {
    let out = '';
    for (;;) {
      const lt = this.text.indexOf('<', this.position);
      if (lt < 0) this.truncated(`<${name}> is not closed`);
      out += this.decodeEntities(this.text.slice(this.position, lt));
      this.position = lt;
      if (this.text.startsWith('<![CDATA[', lt)) {
        const end = this.text.indexOf(']]>', lt);
        if (end < 0) this.truncated('CDATA section is not closed');
        out += this.text.slice(lt + 9, end);
        this.position = end + 3;
        continue;
      }
      if (this.text.startsWith('<!--', lt)) {
        this.skipComment();
        continue;
      }
      this.expectClosing(name);
      return out;
    }
  }

  private decodeEntities(raw: string): string {
    return raw.replace(/&([^;&<\s]*);?/g, (whole, entity: string) => {
      if (!whole.endsWith(';')) this.malformed(`bare "&" in text ("${whole.slice(0, 12)}")`);
      if (entity.startsWith('#')) {
        const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
        if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) this.malformed(`bad character reference &${entity};`);
        return String.fromCodePoint(code);
      }
      const decoded = ENTITIES[entity];
      if (decoded === undefined) this.malformed(`unknown entity &${entity};`);
      return decoded;
    });
  }

  private toInteger(raw: string): number | bigint {
    if (!INTEGER.test(raw)) this.malformed(`"${raw}" is not an integer`);
    const negative = raw.startsWith('-');
    const digits = raw.replace(/^[+-]/, '');
    const big = BigInt(digits) * (negative ? -1n : 1n);
    // Sizes fit a double; only values beyond 2^53 stay exact as bigint.
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }

  private toReal(raw: string): number {
    if (!REAL.test(raw)) this.malformed(`"${raw}" is not a number`);
    const lower = raw.toLowerCase().replace(/^\+/, '');
    if (lower.includes('nan')) return Number.NaN;
    if (lower.includes('inf')) return lower.startsWith('-') ? -Infinity : Infinity;
    return Number(raw);
  }

  private toDate(raw: string): Date {
    const date = new Date(raw);
    if (!DATE.test(raw) || Number.isNaN(date.getTime())) this.malformed(`"${raw}" is not a plist date`);
    return date;
  }

  private toData(raw: string): Uint8Array {
    const compact = raw.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) this.malformed('<data> is not base64');
    return new Uint8Array(Buffer.from(compact, 'base64'));
  }

  private skipProlog(): void {
    // pwpolicy and friends may print a byte-order mark; nothing else may precede the XML.
    if (this.text.charCodeAt(0) === 0xfeff) this.position = 1;
    this.skipMisc();
  }

  /** Whitespace, comments, the XML declaration and the DOCTYPE line. */
  private skipMisc(): void {
    for (;;) {
      this.skipSpace();
      if (this.text.startsWith('<?', this.position)) {
        const end = this.text.indexOf('?>', this.position);
        if (end < 0) this.truncated('XML declaration is not closed');
        this.position = end + 2;
      } else if (this.text.startsWith('<!--', this.position)) {
        this.skipComment();
      } else if (this.text.startsWith('<!DOCTYPE', this.position)) {
        const end = this.text.indexOf('>', this.position);
        if (end < 0) this.truncated('DOCTYPE is not closed');
        this.position = end + 1;
      } else {
        return;
      }
    }
  }

  private skipComment(): void {
    const end = this.text.indexOf('-->', this.position);
    if (end < 0) this.truncated('comment is not closed');
    this.position = end + 3;
  }

  private skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position] ?? '')) this.position += 1;
  }

  private nextTag(): Tag {
    for (;;) {
      this.skipSpace();
      if (this.position >= this.text.length) this.truncated('the report ends inside the plist');
      if (this.text.startsWith('<!--', this.position)) {
        this.skipComment();
        continue;
      }
      if (this.text[this.position] !== '<') this.malformed(`unexpected text "${this.text.slice(this.position, this.position + 20)}"`);
      const end = this.text.indexOf('>', this.position);
      if (end < 0) this.truncated('a tag is not closed');
      const inner = this.text.slice(this.position + 1, end);
      this.position = end + 1;
      const match = /^(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)$/.exec(inner);
      if (!match) this.malformed(`bad tag <${inner.slice(0, 30)}>`);
      const [, slash, name, attributes, selfClose] = match;
      if (slash && (selfClose || attributes)) this.malformed(`bad closing tag <${inner}>`);
      return { name: name ?? '', closing: slash === '/', selfClosing: selfClose === '/' };
    }
  }

  private expectClosing(name: string): void {
    const tag = this.nextTag();
    if (!tag.closing || tag.name !== name) this.malformed(`expected </${name}>, found <${tag.closing ? '/' : ''}${tag.name}>`);
  }

  private malformed(detail: string): never {
    throw new InvigilatorError('OUTPUT_MALFORMED', `plist: ${detail}`);
  }

  private truncated(detail: string): never {
    throw new InvigilatorError('OUTPUT_TRUNCATED', `plist: ${detail}`);
  }
}

/** Parses one XML property list; throws InvigilatorError OUTPUT_MALFORMED or OUTPUT_TRUNCATED. */
export const parsePlist = (text: string): PlistValue => new PlistReader(text).read();

/** The same, as a parser result: a damaged plist becomes a coded reason naming the source. */
export const readPlist = (text: string, source: string): Parsed<PlistValue> => {
  try {
    return parsed(parsePlist(text));
  } catch (error) {
    if (error instanceof InvigilatorError) return unreadable(error.code, source, error.detail ?? '');
    throw error;
  }
};

/** A plist whose top level must be a <dict>. */
export const readPlistDict = (text: string, source: string): Parsed<PlistDict> => {
  const result = readPlist(text, source);
  if (!result.ok) return result;
  return isDict(result.value) ? parsed(result.value)
    : unreadable('OUTPUT_UNRECOGNISED', source, 'the top level of the plist is not a dictionary');
};

export const isDict = (value: unknown): value is PlistDict =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array);

/** Typed reads of one key; undefined when absent or of another type. */
export const stringAt = (dict: PlistDict, key: string): string | undefined => {
  const value = dict[key];
  return typeof value === 'string' ? value : undefined;
};

export const boolAt = (dict: PlistDict, key: string): boolean | undefined => {
  const value = dict[key];
  return typeof value === 'boolean' ? value : undefined;
};

export const numberAt = (dict: PlistDict, key: string): number | undefined => {
  const value = dict[key];
  if (typeof value === 'number') return value;
  return typeof value === 'bigint' ? Number(value) : undefined;
};

export const arrayAt = (dict: PlistDict, key: string): PlistValue[] | undefined => {
  const value = dict[key];
  return Array.isArray(value) ? value : undefined;
};

export const dictAt = (dict: PlistDict, key: string): PlistDict | undefined => {
  const value = dict[key];
  return isDict(value) ? value : undefined;
};
