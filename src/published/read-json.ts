/**
 * Reads one JSON file of `data/published/` and validates it with its zod schema.
 * Any problem becomes a single line naming the file and the JSON path, e.g.
 * `data/published/survival.json: figures.0.atRisk.no: has 3 counts for 4 times`.
 * A file that is not valid JSON is named with the line and column of the first error
 * (`data/published/table1.json: cannot read JSON: line 12, column 5: trailing comma`), and so is a
 * key that appears twice in one object, which `JSON.parse` would silently resolve to the last.
 * The errors are located with jsonc-parser's scanner; `JSON.parse` decides validity.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../stats/validate.ts';
import { printParseErrorCode, visit } from 'jsonc-parser';
import type { ParseErrorCode } from 'jsonc-parser';

/** How a data file is named in messages: relative to the working folder when inside it, else as given. */
export function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** The first problem of a JSON text: a syntax error or a duplicated key, with its offset. */
export interface JsonProblem {
  readonly kind: 'syntax' | 'duplicate-key';
  readonly offset: number;
  readonly message: string;
}

/** Reasons by jsonc-parser's error name (its codes are a const enum). */
const WORDS: Readonly<Record<string, string>> = {
  InvalidNumberFormat: 'invalid number',
  UnexpectedEndOfNumber: 'invalid number',
  UnexpectedEndOfString: 'unterminated string',
  InvalidCharacter: 'control character inside a string (escape it)',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape',
  InvalidCommentToken: 'comments are not JSON',
  UnexpectedEndOfComment: 'comments are not JSON',
};

/**
 * Scans JSON text (RFC 8259) with jsonc-parser (comments and trailing commas disallowed) and returns
 * its first problem, or null: the first syntax error (with a short reason such as `trailing comma`
 * or `unexpected "}"`), else the first key that occurs twice in one object.
 */
export function findJsonProblem(text: string): JsonProblem | null {
  const n = text.length;
  const describe = (at: number) => (at >= n ? 'end of file' : JSON.stringify(String.fromCodePoint(text.codePointAt(at) as number)));
  /** Whether the last character before `at` that is not whitespace is a comma. */
  const afterComma = (at: number) => /,\s*$/.test(text.slice(Math.max(0, at - 256), at));
  const reason = (code: ParseErrorCode, at: number): string => {
    if (at >= n) return 'unexpected end of file';
    const c = text[at];
    switch (printParseErrorCode(code)) {
      case 'PropertyNameExpected':
        return c === '}' && afterComma(at) ? 'trailing comma' : `expected a property name in double quotes, found ${describe(at)}`;
      case 'ValueExpected':
        return (c === ']' || c === '}') && afterComma(at) ? 'trailing comma' : `unexpected ${describe(at)}`;
      case 'ColonExpected':
        return `expected ":" after the property name, found ${describe(at)}`;
      case 'CommaExpected':
        return `expected "," found ${describe(at)}`;
      case 'CloseBraceExpected':
        return `expected "," or "}", found ${describe(at)}`;
      case 'CloseBracketExpected':
        return `expected "," or "]", found ${describe(at)}`;
      case 'EndOfFileExpected':
        return `unexpected ${describe(at)} after the end of the JSON value`;
      default:
        return WORDS[printParseErrorCode(code)] ?? `unexpected ${describe(at)}`;
    }
  };
  let syntax: JsonProblem | null = null;
  let duplicate: JsonProblem | null = null;
  const objects: Set<string>[] = [];
  try {
    visit(
      text,
      {
        onObjectBegin: () => {
          objects.push(new Set());
        },
        onObjectEnd: () => {
          objects.pop();
        },
        onObjectProperty: (key, offset) => {
          const keys = objects[objects.length - 1];
          // A syntax error anywhere matters more: note the first duplicate and go on.
          if (keys.has(key)) duplicate ??= { kind: 'duplicate-key', offset, message: `key ${JSON.stringify(key)} appears twice in the same object` };
          keys.add(key);
        },
        onError: (code, offset) => {
          syntax ??= { kind: 'syntax', offset, message: reason(code, offset) };
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (err) {
    // Nesting deeper than the call stack: the scanner gives up (JSON.parse still decides validity).
    if (err instanceof RangeError) return null;
    throw err;
  }
  return syntax ?? duplicate;
}

/** 1-based line and column (in characters) of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Parses JSON text named `name` in messages. A UTF-8 byte-order mark is ignored. Throws an
 * {@link InputError} naming the line and column of a syntax error or of a duplicated key.
 */
export function parseJsonText(text: string, name: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  let parseError: unknown = null;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    parseError = err;
  }
  const problem = findJsonProblem(body);
  // JSON.parse decides validity; the scanner only locates its errors and finds duplicated keys.
  if (problem && (parseError || problem.kind === 'duplicate-key')) {
    const { line, column } = lineColumn(body, problem.offset);
    throw new InputError(`${name}: cannot read JSON: line ${line}, column ${column}: ${problem.message}`);
  }
  if (parseError) {
    const reason = parseError instanceof Error ? parseError.message.split('\n')[0] : String(parseError);
    throw new InputError(`${name}: cannot read JSON: ${reason}`);
  }
  return raw;
}

/** Reads a JSON file (see {@link parseJsonText}); a file that cannot be read is one line naming it. */
export function readJsonFile(file: string, name = displayName(file)): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${name}: cannot read the file${code ? ` (${code})` : ''}`);
  }
  return parseJsonText(text, name);
}

export function readPublishedJson<S extends z.ZodTypeAny>(file: string, schema: S): z.output<S> {
  const name = displayName(file);
  const raw = readJsonFile(file, name);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.length ? issue.path.join('.') : '(root)';
    throw new InputError(`${name}: ${path}: ${issue.message}`, undefined, path);
  }
  return parsed.data;
}
