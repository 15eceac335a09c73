import { closingQuote, ESCAPE_AT_END } from './json-string-end';
import { JsonSyntaxError, LineCounter } from './json-position';

export { JsonSyntaxError };

/**
 * An incremental JSON reader for large FHIR files: text goes in chunk by chunk, and each complete
 * element of a top-level array, each complete `entry` of a top-level Bundle, and each other top-level
 * value (NDJSON gives several) comes out as soon as its last character has arrived. Only the value being
 * read is held, so memory follows the largest resource, not the file. The scanner finds where values
 * begin and end; `JSON.parse` reads (and checks) each value itself.
 */

export type ScannedValue =
  /** An entry of a top-level Bundle (entries are read one by one when `resourceType` comes before `entry`). */
  | { kind: 'entry'; value: unknown; line: number }
  /** An element of a top-level array. */
  | { kind: 'element'; value: unknown; line: number }
  /** A whole top-level value (a resource, or anything else). */
  | { kind: 'value'; value: unknown; line: number; index: number };

// Where the scanner stands between values.
const TOP = 0;
const KEY_OR_END = 1;
const KEY = 2;
const COLON = 3;
const MEMBER = 4;
const COMMA_OR_END = 5;
const ELEMENT_OR_END = 6;
const ELEMENT = 7;
const ELEMENT_COMMA_OR_END = 8;

type Target = 'top' | 'key' | 'member' | 'element';

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export class JsonScanner {
  private state = TOP;
  private values = 0;
  private readonly lines = new LineCounter();
  private started = false;
  // The value being captured.
  private capturing = false;
  private target: Target = 'top';
  private scalar = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private start = 0;
  private parts: string[] = [];
  private captureLine = 0;
  // The top-level object being read.
  private objectLine = 0;
  private members: string[] = [];
  private key = '';
  private keyText = '';
  private resourceType: unknown;
  private entries = false;
  private inEntries = false;
  private out: ScannedValue[] = [];

  /** Reads one more piece of text; returns the values it completed. */
  push(text: string): ScannedValue[] {
    this.out = [];
    let s = text;
    if (!this.started && s.length) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    this.lines.begin(s);
    const n = s.length;
    let i = 0;
    while (i < n) {
      if (this.capturing) {
        i = this.scalar ? this.scalarEnd(s, i) : this.containerEnd(s, i);
        continue;
      }
      const c = s.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      i = this.structural(s, i, c);
    }
    if (this.capturing) {
      this.parts.push(s.slice(this.start));
      this.start = 0;
    }
    this.lines.end();
    return this.out;
  }

  /** The text has ended: returns what completed, or throws when the JSON is cut short. */
  end(): ScannedValue[] {
    this.out = [];
    this.lines.begin('');
    if (this.capturing && this.scalar) this.finish(this.parts.join(''));
    else if (this.capturing)
      throw new JsonSyntaxError(this.captureLine, this.values, 'the file ends inside a value that starts here');
    if (this.state !== TOP)
      throw new JsonSyntaxError(this.lines.at(0), this.values, 'the file ends before the JSON is complete');
    if (this.values === 0) throw new JsonSyntaxError(1, 0, 'the file holds no JSON value');
    return this.out;
  }

  private fail(i: number, reason: string): never {
    throw new JsonSyntaxError(this.lines.at(i), this.values, reason);
  }

  private capture(s: string, i: number, target: Target): number {
    const c = s.charCodeAt(i);
    this.capturing = true;
    this.target = target;
    this.scalar = c !== 123 && c !== 91 && c !== 34;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.start = i;
    this.parts = [];
    this.captureLine = this.lines.at(i);
    return i;
  }

  /** Numbers, true, false, null (and anything wrong, which JSON.parse names) end at a delimiter. */
  private scalarEnd(s: string, from: number): number {
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 44 || c === 125 || c === 93 || isSpace(c)) {
        this.finish(this.text(s, i));
        return i;
      }
    }
    return s.length;
  }

  /** Objects, arrays and strings end at the bracket or quote that closes them. */
  private containerEnd(s: string, from: number): number {
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    const n = s.length;
    for (let i = from; i < n; i++) {
      if (inString) {
        if (escaped) {
          escaped = false;
          continue;
        }
        const q = closingQuote(s, i);
        if (q < 0) {
          escaped = q === ESCAPE_AT_END;
          break;
        }
        i = q;
        inString = false;
        if (depth === 0) {
          this.finish(this.text(s, i + 1));
          return i + 1;
        }
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        depth--;
        if (depth <= 0) {
          this.finish(this.text(s, i + 1));
          return i + 1;
        }
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return s.length;
  }

  private text(s: string, end: number): string {
    const last = s.slice(this.start, end);
    return this.parts.length ? this.parts.join('') + last : last;
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^JSON\.parse: /, '') : 'not JSON';
      throw new JsonSyntaxError(this.captureLine, this.values, reason.slice(0, 200));
    }
  }

  private finish(text: string): void {
    this.capturing = false;
    this.parts = [];
    switch (this.target) {
      case 'key': {
        const key = this.parse(text);
        this.key = typeof key === 'string' ? key : '';
        this.keyText = text;
        this.state = COLON;
        return;
      }
      case 'member':
        if (this.key === 'resourceType') this.resourceType = this.parse(text);
        this.members.push(`${this.keyText}:${text}`);
        this.state = COMMA_OR_END;
        return;
      case 'element':
        this.out.push({ kind: this.inEntries ? 'entry' : 'element', value: this.parse(text), line: this.captureLine });
        this.state = ELEMENT_COMMA_OR_END;
        return;
      case 'top':
        this.out.push({ kind: 'value', value: this.parse(text), line: this.captureLine, index: this.values });
        this.state = TOP;
    }
  }

  private structural(s: string, i: number, c: number): number {
    switch (this.state) {
      case TOP:
        this.values++;
        if (c === 123) {
          this.objectLine = this.lines.at(i);
          this.members = [];
          this.resourceType = undefined;
          this.entries = false;
          this.state = KEY_OR_END;
          return i + 1;
        }
        if (c === 91) {
          this.inEntries = false;
          this.state = ELEMENT_OR_END;
          return i + 1;
        }
        return this.capture(s, i, 'top');
      case KEY_OR_END:
      case KEY:
        if (c === 125 && this.state === KEY_OR_END) return this.endObject(i);
        if (c !== 34) this.fail(i, 'a property name (in double quotes) was expected');
        return this.capture(s, i, 'key');
      case COLON:
        if (c !== 58) this.fail(i, "':' was expected after a property name");
        this.state = MEMBER;
        return i + 1;
      case MEMBER:
        // A Bundle's entries, one by one: FHIR JSON writes resourceType first.
        if (c === 91 && this.key === 'entry' && this.resourceType === 'Bundle' && !this.entries) {
          this.entries = true;
          this.inEntries = true;
          this.state = ELEMENT_OR_END;
          return i + 1;
        }
        return this.capture(s, i, 'member');
      case COMMA_OR_END:
        if (c === 44) {
          this.state = KEY;
          return i + 1;
        }
        if (c === 125) return this.endObject(i);
        return this.fail(i, "',' or '}' was expected");
      case ELEMENT_OR_END:
        if (c === 93) return this.endArray(i);
        return this.capture(s, i, 'element');
      case ELEMENT:
        if (c === 93) this.fail(i, "a value was expected after ','");
        return this.capture(s, i, 'element');
      default:
        if (c === 44) {
          this.state = ELEMENT;
          return i + 1;
        }
        if (c === 93) return this.endArray(i);
        return this.fail(i, "',' or ']' was expected");
    }
  }

  private endArray(i: number): number {
    this.state = this.inEntries ? COMMA_OR_END : TOP;
    this.inEntries = false;
    return i + 1;
  }

  private endObject(i: number): number {
    this.state = TOP;
    this.captureLine = this.objectLine;
    // Parsed even for a Bundle read entry by entry (which has given its content already): checks the rest.
    const whole = this.parse(`{${this.members.join(',')}}`);
    if (!this.entries) this.out.push({ kind: 'value', value: whole, line: this.objectLine, index: this.values });
    this.members = [];
    return i + 1;
  }
}
