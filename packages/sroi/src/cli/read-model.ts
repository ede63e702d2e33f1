import { readFileSync } from 'node:fs';
import { jsonErrorOffset } from './json-error-position.ts';

/** A failure to read or parse a model file, with the file and, for bad JSON, line and column. */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/** Read and parse a JSON file; errors name the file and where the JSON went wrong. */
export function readModelFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(cause);
    throw new ModelFileError(`cannot read ${file}: ${why}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const offset = jsonErrorOffset(text);
    const where = offset >= 0 ? lineAndColumn(text, offset) : null;
    const firstLine = message.split('\n')[0];
    throw new ModelFileError(
      `${file}${where ? `:${where.line}:${where.column}` : ''}: not valid JSON (${firstLine})`,
    );
  }
}
