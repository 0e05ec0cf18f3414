/**
 * Writes files only once everything has been computed, and atomically: each file goes to a
 * temporary sibling and is renamed into place, so a failure never leaves a half-written file.
 * A file that cannot be written is an {@link InputError} naming it (one line, no stack trace).
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../stats/validate.ts';

function writeError(path: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  return new InputError(`${path}: cannot write the file${code ? ` (${code})` : ''}`);
}

/** Writes `contents` to a temporary sibling of `path` and returns its name; checks `path` is not a folder. */
function writeTemporary(path: string, contents: string | Uint8Array): string {
  if (existsSync(path) && statSync(path).isDirectory()) throw new InputError(`${path}: cannot write the file (it is a folder)`);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, contents);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw writeError(path, err);
  }
  return tmp;
}

export function writeFileAtomic(path: string, contents: string | Uint8Array): void {
  writeFilesAtomic({ [path]: contents });
}

/**
 * Writes several files; all contents must already be computed when this is called. Every file is
 * first written to a temporary sibling; only when all of them are written are they renamed into
 * place, so a failure part-way (disk full, a folder in the way) leaves every target untouched.
 */
export function writeFilesAtomic(files: Readonly<Record<string, string | Uint8Array>>): void {
  const written: [string, string][] = [];
  try {
    for (const [path, contents] of Object.entries(files)) written.push([writeTemporary(path, contents), path]);
  } catch (err) {
    for (const [tmp] of written) rmSync(tmp, { force: true });
    throw err;
  }
  for (const [i, [tmp, path]] of written.entries()) {
    try {
      renameSync(tmp, path);
    } catch (err) {
      for (const [rest] of written.slice(i)) rmSync(rest, { force: true });
      throw writeError(path, err);
    }
  }
}
