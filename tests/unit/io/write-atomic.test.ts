import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, writeFilesAtomic } from '../../../src/io/write-atomic.ts';
import { InputError } from '../../../src/stats/validate.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'write-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function refused(fn: () => void, message: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message).not.toContain('\n');
}

/** Names in `dir` other than the given ones: leftovers such as temporary files. */
function extra(...expected: string[]): string[] {
  return readdirSync(dir).filter((n) => !expected.includes(n));
}

describe('writeFileAtomic: never replaces what it must not', () => {
  it('refuses a symlink to the input as the output, and leaves the input as it was', () => {
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'a,b\n1,2\n');
    symlinkSync(input, join(dir, 'link.csv'));
    refused(() => writeFileAtomic(join(dir, 'link.csv'), '{}', { inputs: [input] }), /it is the input file/);
    refused(() => writeFileAtomic(input, '{}', { inputs: [join(dir, 'link.csv')] }), /it is the input file/);
    expect(readFileSync(input, 'utf8')).toBe('a,b\n1,2\n');
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(extra('in.csv', 'link.csv')).toEqual([]);
  });

  it('refuses the input reached through a symlinked folder, and a hard link to it', () => {
    mkdirSync(join(dir, 'real'));
    const input = join(dir, 'real', 'in.csv');
    writeFileSync(input, 'x\n');
    symlinkSync(join(dir, 'real'), join(dir, 'alias'));
    refused(() => writeFileAtomic(join(dir, 'alias', 'in.csv'), '{}', { inputs: [input] }), /it is the input file/);
    linkSync(input, join(dir, 'hard.csv'));
    refused(() => writeFileAtomic(join(dir, 'hard.csv'), '{}', { inputs: [input] }), /it is the input file/);
    expect(readFileSync(input, 'utf8')).toBe('x\n');
  });

  it('refuses a named pipe, a folder, a dangling link and a link to a pipe (never replaced by a file)', () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    refused(() => writeFileAtomic(fifo, '{}'), /pipe\b.*named pipe, not a regular file/);
    expect(statSync(fifo).isFIFO()).toBe(true);
    symlinkSync(fifo, join(dir, 'to-pipe'));
    refused(() => writeFileAtomic(join(dir, 'to-pipe'), '{}'), /named pipe/);
    mkdirSync(join(dir, 'folder'));
    refused(() => writeFileAtomic(join(dir, 'folder'), '{}'), /a folder/);
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    refused(() => writeFileAtomic(join(dir, 'dangling'), '{}'), /symbolic link to nothing/);
    expect(extra('pipe', 'to-pipe', 'folder', 'dangling')).toEqual([]);
  });

  it('refuses a device (a character device found in /dev, which is only inspected, never written)', () => {
    // /dev/null itself is never the target: a symlink to it in the temp folder is.
    symlinkSync('/dev/null', join(dir, 'null'));
    refused(() => writeFileAtomic(join(dir, 'null'), '{}'), /a device, not a regular file/);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('does not follow a symlink planted where a temporary file could go', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    // The old temporary name was `<out>.<pid>.tmp`; plant links at every name a pid-based scheme could use.
    symlinkSync(victim, join(dir, `out.json.${process.pid}.tmp`));
    writeFileAtomic(join(dir, 'out.json'), '{"ok":1}');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('{"ok":1}');
    expect(extra('victim.txt', 'out.json', `out.json.${process.pid}.tmp`)).toEqual([]);
  });

  it('writes through a symlink to a regular file (the file it points to is replaced, the link kept)', () => {
    writeFileSync(join(dir, 'old.json'), 'old');
    symlinkSync(join(dir, 'old.json'), join(dir, 'out.json'));
    writeFileAtomic(join(dir, 'out.json'), 'new');
    expect(lstatSync(join(dir, 'out.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'old.json'), 'utf8')).toBe('new');
  });

  it('leaves every previous output untouched and no temporary file when one target fails', () => {
    writeFileSync(join(dir, 'a.json'), 'old a');
    mkdirSync(join(dir, 'b.json'));
    refused(() => writeFilesAtomic({ [join(dir, 'a.json')]: 'new a', [join(dir, 'b.json')]: 'new b' }), /b\.json: .*folder/);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('old a');
    expect(extra('a.json', 'b.json')).toEqual([]);
  });

  it('keeps the permissions of the file it replaces', () => {
    const path = join(dir, 'private.json');
    writeFileSync(path, 'old', { mode: 0o600 });
    writeFileAtomic(path, 'new');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('creates missing folders and writes the bytes given', () => {
    writeFilesAtomic(new Map([[join(dir, 'x', 'y', 'z.json'), 'z']]));
    expect(readFileSync(join(dir, 'x', 'y', 'z.json'), 'utf8')).toBe('z');
  });
});
