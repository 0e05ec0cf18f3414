/**
 * Reads one JSON file of `data/published/` and validates it with its zod schema.
 * Any problem becomes a single line naming the file and the JSON path, e.g.
 * `data/published/survival.json: figures.0.atRisk.no: has 3 counts for 4 times`.
 * A file that is not valid JSON is named with the line and column of the first error
 * (`data/published/table1.json: cannot read JSON: line 12, column 5: trailing comma`), and so is a
 * key that appears twice in one object, which `JSON.parse` would silently resolve to the last.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../stats/validate.ts';

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

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Scans JSON text (RFC 8259) and returns its first problem, or null: the first syntax error (with a
 * short reason such as `trailing comma` or `unexpected "}"`), else the first key that occurs twice in
 * one object.
 */
export function findJsonProblem(text: string): JsonProblem | null {
  let i = 0;
  const n = text.length;
  let duplicate: JsonProblem | null = null;
  class Stop extends Error {
    constructor(readonly problem: JsonProblem) {
      super(problem.message);
    }
  }
  const fail = (offset: number, message: string): never => {
    throw new Stop({ kind: 'syntax', offset, message: offset >= n ? 'unexpected end of file' : message });
  };
  const describe = (at: number) => (at >= n ? 'end of file' : JSON.stringify(String.fromCodePoint(text.codePointAt(at) as number)));
  const skip = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const string = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= n) fail(start, 'unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return out;
      }
      if (c < 0x20) fail(i, `control character ${JSON.stringify(text[i])} inside a string (escape it)`);
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i, 'invalid \\u escape');
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          out += e;
          i += 2;
        } else fail(i, `invalid escape ${describe(i + 1)}`);
      } else {
        out += text[i];
        i++;
      }
    }
  };
  const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
  const number = () => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) fail(i, `invalid number`);
    i += (m as RegExpExecArray)[0].length;
    const next = text.charCodeAt(i);
    if (i < n && ((next >= 0x30 && next <= 0x39) || next === 0x2e)) fail(i, 'invalid number');
  };
  const value = (): void => {
    skip();
    if (i >= n) fail(i, 'unexpected end of file');
    const c = text[i];
    if (c === '{') {
      i++;
      const keys = new Set<string>();
      skip();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skip();
        if (text[i] !== '"') fail(i, text[i] === '}' ? 'trailing comma' : `expected a property name in double quotes, found ${describe(i)}`);
        const keyAt = i;
        const key = string();
        // A syntax error later in the text matters more: note the first duplicate and go on.
        if (keys.has(key)) duplicate ??= { kind: 'duplicate-key', offset: keyAt, message: `key ${JSON.stringify(key)} appears twice in the same object` };
        keys.add(key);
        skip();
        if (text[i] !== ':') fail(i, `expected ":" after the property name, found ${describe(i)}`);
        i++;
        value();
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(i, `expected "," or "}", found ${describe(i)}`);
      }
    }
    if (c === '[') {
      i++;
      skip();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        skip();
        if (text[i] === ']') fail(i, 'trailing comma');
        value();
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(i, `expected "," or "]", found ${describe(i)}`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      number();
      return;
    }
    fail(i, `unexpected ${describe(i)}`);
  };
  try {
    value();
    skip();
    if (i < n) fail(i, `unexpected ${describe(i)} after the end of the JSON value`);
    return duplicate;
  } catch (err) {
    if (err instanceof Stop) return err.problem;
    // Nesting deeper than the call stack: the scanner gives up (JSON.parse still decides validity).
    if (err instanceof RangeError) return null;
    throw err;
  }
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
