/**
 * Writes files only once everything has been computed, atomically, and never over anything that
 * is not an ordinary file:
 *
 * - the target is resolved to its real path (symlinks and symlinked folders followed) and compared
 *   with the real path *and* the device/inode of every input, so no spelling of the input (a link,
 *   `./a/../in.csv`, a hard link) can be overwritten;
 * - a target that exists must be a regular file: a device (`/dev/null`), a FIFO, a socket, a folder
 *   or a dangling symlink is refused, because renaming over it would replace it with a file;
 * - the temporary file is created exclusively (`O_CREAT|O_EXCL`, so a symlink planted at its name is
 *   not followed) under a random name in the target's folder, written, fsynced, then renamed;
 * - on any failure every temporary file is removed and every previous output is left untouched.
 *
 * A file that cannot be written is an {@link InputError} naming it (one line, no stack trace).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../stats/validate.ts';

export interface WriteOptions {
  /** Files the command read: none of them may be a target, however it is spelled. */
  readonly inputs?: readonly string[];
}

function writeError(path: string, err: unknown): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  return new InputError(`${path}: cannot write the file${code ? ` (${code})` : ''}`);
}

/** What a non-regular file is, in words, or null for a regular file. */
function kindOf(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function statOrNull(path: string, follow: boolean): Stats | null {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** An input's real path and identity (null when it does not exist: nothing to protect). */
function identity(path: string): { real: string; dev: number; ino: number } | null {
  const stats = statOrNull(path, true);
  if (!stats) return null;
  return { real: realpathSync(path), dev: stats.dev, ino: stats.ino };
}

/** Real path of a file that may not exist yet: the nearest existing folder resolved, the rest appended. */
function realPathOfNew(path: string): string {
  let dir = dirname(resolve(path));
  const rest = [basename(path)];
  while (!statOrNull(dir, true)) {
    rest.unshift(basename(dir));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return join(realpathSync(dir), ...rest);
}

/** True when `output` names the same file as `input` (real paths, or the same device and inode). */
export function isSameFile(output: string, input: string): boolean {
  const a = identity(input);
  const b = statOrNull(output, true) ? identity(output) : null;
  if (!a) return false;
  if (b) return a.real === b.real || (a.dev === b.dev && a.ino === b.ino);
  return !statOrNull(output, false) && realPathOfNew(output) === a.real;
}

/**
 * Checks that `path` may be replaced and returns the real path to rename onto: absent, or a
 * regular file that is none of the inputs. Writes nothing.
 */
export function checkTarget(path: string, inputs: readonly string[] = []): string {
  const link = statOrNull(path, false);
  const target = link ? statOrNull(path, true) : null;
  if (link && !target) throw new InputError(`${path}: cannot write the file (it is a symbolic link to nothing)`);
  if (target) {
    const kind = kindOf(target);
    if (kind) throw new InputError(`${path}: cannot write the file (it is ${kind}, not a regular file)`);
  }
  const real = target ? realpathSync(path) : realPathOfNew(path);
  for (const input of inputs) {
    const id = identity(input);
    if (!id) continue;
    if (id.real === real || (target && target.dev === id.dev && target.ino === id.ino)) {
      throw new InputError(`${path}: cannot write the file (it is the input file ${input})`);
    }
  }
  return real;
}

/**
 * Creates a new file with a random name beside `real` (never following a planted link), writes and
 * fsyncs it. It gets the permissions of the file it will replace, so a private output stays private.
 */
function writeTemporary(real: string, contents: string | Uint8Array): string {
  mkdirSync(dirname(real), { recursive: true });
  const tmp = join(dirname(real), `.${basename(real)}.${randomBytes(8).toString('hex')}.tmp`);
  const previous = statOrNull(real, true);
  // 'wx' = O_CREAT | O_EXCL | O_WRONLY: fails if anything (a symlink included) is already there.
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    if (previous) fchmodSync(fd, previous.mode & 0o777);
    const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  return tmp;
}

/** Flushes a folder's entry list (so the rename survives a crash); not every system allows it. */
function fsyncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Folders cannot be opened for fsync on some systems; the rename itself is still atomic.
  }
}

export function writeFileAtomic(path: string, contents: string | Uint8Array, options: WriteOptions = {}): void {
  writeFilesAtomic({ [path]: contents }, options);
}

/**
 * Writes several files; all contents must already be computed when this is called. Every target
 * is checked, then every file is written to its own temporary file; only when all are written are
 * they renamed into place (each target checked again just before), so a failure part-way (disk
 * full, a folder in the way) leaves every target untouched.
 */
export function writeFilesAtomic(files: ReadonlyMap<string, string | Uint8Array> | Readonly<Record<string, string | Uint8Array>>, options: WriteOptions = {}): void {
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  const inputs = options.inputs ?? [];
  const written: { tmp: string; real: string; path: string }[] = [];
  const removeAll = () => {
    for (const { tmp } of written) rmSync(tmp, { force: true });
  };
  try {
    const reals = new Set<string>();
    for (const [path, contents] of entries) {
      let real: string;
      try {
        real = checkTarget(path, inputs);
        if (reals.has(real)) throw new InputError(`${path}: cannot write the file (another output of this command has the same path)`);
        reals.add(real);
        written.push({ tmp: writeTemporary(real, contents), real, path });
      } catch (err) {
        throw writeError(path, err);
      }
    }
    for (const { path } of written) {
      try {
        checkTarget(path, inputs);
      } catch (err) {
        throw writeError(path, err);
      }
    }
  } catch (err) {
    removeAll();
    throw err;
  }
  for (const [i, { tmp, real, path }] of written.entries()) {
    try {
      renameSync(tmp, real);
    } catch (err) {
      for (const rest of written.slice(i)) rmSync(rest.tmp, { force: true });
      throw writeError(path, err);
    }
  }
  for (const dir of new Set(written.map((w) => dirname(w.real)))) fsyncFolder(dir);
}
