/** An RFC 4180 reader that keeps the physical line of each record, for the roster import's errors. */

export type CsvIssue = 'unclosedQuote' | 'strayQuote' | 'textAfterQuote';

export interface CsvRecord {
  /** Physical line where the record starts. */
  readonly line: number;
  readonly fields: readonly string[];
  /** Syntax problems, by field index. */
  readonly issues: ReadonlyArray<{ readonly issue: CsvIssue; readonly index: number }>;
  /** No content at all: an empty line, or only spaces and commas. */
  readonly blank: boolean;
}

/**
 * RFC 4180 records with the physical line each starts on. Lenient on line
 * ends (CRLF, LF or a lone CR); strict on quotes, whose misuse is reported
 * rather than guessed at. Values keep line breaks inside quotes as written.
 */
export function* csvRecords(text: string): Generator<CsvRecord> {
  let i = 0;
  let line = 1;
  const n = text.length;
  const isEnd = (k: number): boolean => k >= n || text[k] === ',' || text[k] === '\n' || text[k] === '\r';
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    const issues: Array<{ issue: CsvIssue; index: number }> = [];
    let blank = true;
    for (;;) {
      let value = '';
      const index = fields.length;
      if (text[i] === '"') {
        blank = false;
        let closed = false;
        for (i++; i < n; ) {
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] !== '"') {
              closed = true;
              i++;
              break;
            }
            value += '"';
            i += 2;
            continue;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          value += c;
          i++;
        }
        if (!closed) issues.push({ issue: 'unclosedQuote', index });
        if (!isEnd(i)) issues.push({ issue: 'textAfterQuote', index });
        while (!isEnd(i)) value += text[i++];
      } else {
        while (!isEnd(i)) {
          if (text[i] === '"' && !issues.some((x) => x.index === index)) issues.push({ issue: 'strayQuote', index });
          value += text[i++];
        }
        if (value.trim() !== '') blank = false;
      }
      fields.push(value);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (i < n) {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
      }
      break;
    }
    yield { line: start, fields, issues, blank };
  }
}
