import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, Parser } from 'csv-parse';

/** A CSV file that cannot be read past some line (an unclosed quote, say). */
export type CsvReadFailure = { line: number; message: string };

/**
 * csv-parse's streaming parser, handing each record straight to a callback with the physical line it
 * starts on. The records never enter the stream's buffer: csv-parse calls `push` synchronously at the
 * end of each record, while `info.lines` still describes that record. (Its `info: true` option gives
 * the same number but builds an object per record, which made a million-row file three times slower.)
 */
class LineNumberedParser extends Parser {
  constructor(private readonly onRecord: (fields: string[], line: number) => void) {
    super({ bom: true, relax_column_count: true, skip_empty_lines: true });
  }

  override push(record: unknown): boolean {
    if (record === null) return super.push(null);
    const fields = record as string[];
    this.onRecord(fields, this.info.lines - lineBreaksIn(fields));
    return true;
  }
}

/** Line breaks inside quoted values: `info.lines` counts each CR and LF in them. */
function lineBreaksIn(fields: string[]): number {
  let breaks = 0;
  for (const field of fields) {
    if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue;
    for (let i = 0; i < field.length; i++) {
      const code = field.charCodeAt(i);
      if (code === 10 || code === 13) breaks++;
    }
  }
  return breaks;
}

const csvErrorMessages: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'A quoted value is never closed: add the closing double quote.',
  CSV_INVALID_CLOSING_QUOTE:
    'A quoted value has text after its closing quote: a quote must be followed by a comma or the end of the line.',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE:
    'A quoted value has text after its closing quote: a quote must be followed by a comma or the end of the line.',
  CSV_INVALID_OPENING_QUOTE:
    'A value has a double quote in the middle: put the whole value in double quotes.',
  CSV_MAX_RECORD_SIZE: 'This line is far too long to be a row of the data set.',
};

/**
 * Reads a CSV file (UTF-8, with or without a byte order mark, CRLF or LF line ends), calling `onRow`
 * for each non-empty line. Stops at the first line that is not valid CSV and says which.
 * The messages never quote the file's contents.
 */
export async function readCsvRows(
  source: Readable,
  onRow: (fields: string[], line: number) => void,
): Promise<CsvReadFailure | null> {
  const parser = new LineNumberedParser(onRow);
  try {
    await pipeline(source, parser);
    return null;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return {
      line: Math.max(1, parser.info.lines),
      message: csvErrorMessages[error.code] ?? 'This line cannot be read as CSV.',
    };
  }
}

/** A buffer as a stream of 64 KiB chunks, so a large upload is parsed a piece at a time, not in one go. */
export function chunkedStream(buffer: Buffer, chunkBytes = 64 * 1024): Readable {
  function* chunks() {
    for (let start = 0; start < buffer.length; start += chunkBytes)
      yield buffer.subarray(start, start + chunkBytes);
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** Lines after the header: the rows a file holds (blank lines aside), for progress. */
export function countDataLines(buffer: Buffer): number {
  let lines = 0;
  for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) lines++;
  if (buffer.length > 0 && buffer[buffer.length - 1] !== 10) lines++;
  return Math.max(0, lines - 1);
}
