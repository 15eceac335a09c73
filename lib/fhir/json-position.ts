/** A problem in a JSON file, where it is. */
export class JsonSyntaxError extends Error {
  constructor(
    /** 1-based line where the problem is (for a value that does not parse: where the value starts). */
    readonly line: number,
    /** Which top-level value (1-based) was being read: above 1 means the file holds several (NDJSON). */
    readonly value: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/**
 * Line numbers for a text read in chunks, for error messages that point at a line. The next newline is
 * remembered, so counting stays linear in the text however often a line is asked for.
 */
export class LineCounter {
  private linesBefore = 0;
  private chunk = '';
  /** Where the next newline of the chunk is: -1 none, -2 not looked for yet. */
  private nextNewline = -2;
  private counted = 0;

  /** A new chunk follows the ones already counted. */
  begin(chunk: string): void {
    this.chunk = chunk;
    this.nextNewline = -2;
    this.counted = 0;
  }

  /** The 1-based line of position `i` of the current chunk (positions are asked in increasing order). */
  at(i: number): number {
    if (this.nextNewline === -2) this.nextNewline = this.chunk.indexOf('\n');
    while (this.nextNewline !== -1 && this.nextNewline < i) {
      this.counted++;
      this.nextNewline = this.chunk.indexOf('\n', this.nextNewline + 1);
    }
    return this.linesBefore + this.counted + 1;
  }

  /** The current chunk is done: its lines count towards the next one's. */
  end(): void {
    this.at(this.chunk.length);
    this.linesBefore += this.counted;
    this.counted = 0;
  }
}
