/**
 * Shared plumbing of the bad-input corpus (tests/corpus/): reading its cases, building a
 * throw-away copy of the project for the real command-line entry points, running them as child
 * processes, and fingerprinting folders to prove that nothing was written.
 *
 * Nothing here touches the real repo's data/ or src/generated/: every run works in a fresh
 * folder under the OS temp dir (src/ is copied without src/generated/, node_modules/ is a symlink).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
export const CORPUS = join(REPO, 'tests/corpus');

export interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A guard against a hung child, not a measure of speed: long enough that a busy 2-core machine
 * never reaches it (a child that needs seconds idle may need minutes there). A child killed by it
 * fails its test with its own output, never by the test's timeout, which is longer.
 */
export const CHILD_HANG_GUARD_MS = 600_000;
/** The timeout of a test that runs children one after another: past the guard of each. */
export const CHILD_TEST_TIMEOUT_MS = 2 * CHILD_HANG_GUARD_MS;

/**
 * Runs `npm run --silent <script> -- <args>` in `cwd` (npm's own banner and notices off). Tests run
 * their children one at a time (not `it.concurrent`), so the load they make does not multiply.
 */
export function runNpm(cwd: string, script: string, args: readonly string[] = [], timeoutMs = CHILD_HANG_GUARD_MS): Promise<ChildResult> {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false' };
  return runChild('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], { cwd, env }, timeoutMs);
}

/** Runs a command with its output collected; killed after `timeoutMs` (a hang guard). */
export function runChild(command: string, args: readonly string[], options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv }, timeoutMs = CHILD_HANG_GUARD_MS): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, [...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** A temp folder, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ProjectOptions {
  /** Copy data/reconstructed/ too (the site then runs on the reconstruction unless data/patients.csv is added). */
  readonly reconstructed?: boolean;
  /** Contents of data/patients.csv. */
  readonly patients?: string | Uint8Array;
  /** Also copy what `npm run …` needs (package.json, tsconfig.json, src/, node_modules symlink); in-process runs need only data/. */
  readonly runnable?: boolean;
}

/**
 * A minimal copy of the project: data/published/, optionally data/reconstructed/ and
 * data/patients.csv, and a src/generated/ holding sentinel files so that any write to it shows.
 * With `runnable`, also what `npm run stats|data|audit` needs: package.json, tsconfig.json, src/
 * (without src/generated/) and node_modules/ as a symlink.
 */
export function makeProject(options: ProjectOptions = {}): { root: string; remove: () => void } {
  const { dir: root, remove } = tempDir('corpus-project-');
  if (options.runnable) {
    for (const file of ['package.json', 'tsconfig.json']) cpSync(join(REPO, file), join(root, file));
    const generated = join(REPO, 'src/generated');
    cpSync(join(REPO, 'src'), join(root, 'src'), { recursive: true, filter: (src) => src !== generated && !src.startsWith(generated + sep) });
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  }
  cpSync(join(REPO, 'data/published'), join(root, 'data/published'), { recursive: true });
  if (options.reconstructed) cpSync(join(REPO, 'data/reconstructed'), join(root, 'data/reconstructed'), { recursive: true });
  if (options.patients !== undefined) writeFileSync(join(root, 'data/patients.csv'), options.patients);
  mkdirSync(join(root, 'src/generated'), { recursive: true });
  for (const name of ['site.json', 'views.json', 'uncertainty.json', 'ensemble.json', 'reconstruction.json', 'audit.json', 'published.json', 'power.json']) {
    writeFileSync(join(root, 'src/generated', name), `{"sentinel":"${name}"}\n`);
  }
  return { root, remove };
}

/** Path → sha256, size and mtime of every file under `dir` (symlinked folders are not followed). */
export function fingerprint(dir: string, skip: readonly string[] = ['node_modules']): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      const rel = relative(dir, path);
      if (skip.includes(rel)) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const st = statSync(path);
        const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
        out.set(rel, `${hash} ${st.size} ${st.mtimeMs}`);
      } else out.set(rel, entry.isSymbolicLink() ? 'symlink' : 'other');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The differences between two fingerprints, as readable lines (empty when equal). */
export function fingerprintDiff(before: Map<string, string>, after: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const [k, v] of before) if (after.get(k) !== v) lines.push(after.has(k) ? `changed ${k}` : `removed ${k}`);
  for (const k of after.keys()) if (!before.has(k)) lines.push(`added ${k}`);
  return lines;
}

// ------------------------------------------------------------------ corpus cases

/** Fills `{name}` placeholders of an expected message. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}

/** Names of the cases of one corpus folder: every `<case>.json` sidecar except `_…` files. */
export function caseNames(kind: 'stats' | 'patients' | 'patients-valid' | 'published'): string[] {
  return readdirSync(join(CORPUS, kind))
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export function readSidecar<T>(kind: 'stats' | 'patients' | 'patients-valid' | 'published', name: string): T {
  return JSON.parse(readFileSync(join(CORPUS, kind, `${name}.json`), 'utf8')) as T;
}

export interface StatsCase {
  readonly description: string;
  readonly args: readonly string[];
  readonly error: string;
  readonly child?: boolean;
  readonly outIsIn?: boolean;
  readonly generate?: { readonly header: string; readonly row: string; readonly rows: number; readonly last: string };
}

/** The input bytes of a stats case: its committed .csv, or the file its `generate` recipe describes. */
export function statsInput(name: string, c: StatsCase): Buffer {
  if (!c.generate) return readFileSync(join(CORPUS, 'stats', `${name}.csv`));
  const g = c.generate;
  const parts: string[] = [`${g.header}\n`];
  for (let i = 1; i <= g.rows; i++) {
    parts.push(`${fill(g.row, { i, t: ((37 * i) % 120) + 0.5, e: i % 2 })}\n`);
  }
  parts.push(`${g.last}\n`);
  return Buffer.from(parts.join(''), 'utf8');
}

export interface PatientsCase {
  readonly description: string;
  readonly error: string;
  readonly child?: boolean;
}

export function patientsInput(name: string): Buffer {
  return readFileSync(join(CORPUS, 'patients', `${name}.csv`));
}

/**
 * A well-formed patient file the site must build from although it cannot support every statistic
 * (tests/corpus/patients-valid/): `limits` are sentences of src/format/limits.ts the built pages
 * must show.
 */
export interface ValidPatientsCase {
  readonly description: string;
  readonly limits: readonly string[];
}

export function validPatientsInput(name: string): Buffer {
  return readFileSync(join(CORPUS, 'patients-valid', `${name}.csv`));
}

/** A JSON Patch (RFC 6902) operation; `test`, `add`, `replace` and `remove` are supported. */
export type PatchOp =
  | { readonly op: 'test' | 'add' | 'replace'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string };

export interface PublishedCase {
  readonly description: string;
  /** Folder of the edited file, default `data/published`. */
  readonly dir?: string;
  readonly file: string;
  readonly entry: readonly ('audit' | 'data')[];
  /** The entry point also run as a real child process. */
  readonly child?: 'audit' | 'data';
  readonly patch?: readonly PatchOp[];
  /** Text edits of the committed file: the first (and only) occurrence of `find` becomes `replace`; `cut` drops the rest. */
  readonly text?: readonly { readonly find: string; readonly replace: string; readonly cut?: boolean }[];
  /** The whole new contents. */
  readonly whole?: string;
  readonly error: string;
}

/** Marks where a text edit expects the parse error; the harness turns it into `{line}` and `{column}`. */
export const MARK = '⟨here⟩';

function pointer(path: string): string[] {
  if (!path.startsWith('/')) throw new Error(`bad JSON pointer ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Applies a JSON Patch to a parsed document in place; a failed `test` throws (the data changed under the corpus). */
export function applyPatch(doc: unknown, ops: readonly PatchOp[]): void {
  for (const op of ops) {
    const keys = pointer(op.path);
    const last = keys.pop() as string;
    let parent: any = doc;
    for (const k of keys) {
      parent = parent?.[Array.isArray(parent) ? Number(k) : k];
      if (parent === undefined) throw new Error(`JSON pointer ${op.path} does not exist`);
    }
    const key: string | number = Array.isArray(parent) ? (last === '-' ? parent.length : Number(last)) : last;
    if (op.op === 'test') {
      if (JSON.stringify(parent[key]) !== JSON.stringify(op.value)) {
        throw new Error(`corpus patch test failed at ${op.path}: found ${JSON.stringify(parent[key])}, expected ${JSON.stringify(op.value)}`);
      }
    } else if (op.op === 'remove') {
      if (!(key in parent)) throw new Error(`cannot remove missing ${op.path}`);
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (op.op === 'add' && Array.isArray(parent)) {
      parent.splice(key as number, 0, op.value);
    } else {
      if (op.op === 'replace' && !(key in parent)) throw new Error(`cannot replace missing ${op.path}`);
      parent[key] = op.value;
    }
  }
}

/** The edited file text of a published case and, when a {@link MARK} was placed, the line and column it marks. */
export function editedText(c: PublishedCase): { text: string; line?: number; column?: number } {
  const dir = c.dir ?? 'data/published';
  const original = readFileSync(join(REPO, dir, c.file), 'utf8');
  let text: string;
  if (c.whole !== undefined) text = c.whole;
  else if (c.patch) {
    const doc = JSON.parse(original);
    applyPatch(doc, c.patch);
    text = `${JSON.stringify(doc, null, 2)}\n`;
  } else if (c.text) {
    text = original;
    for (const edit of c.text) {
      const at = text.indexOf(edit.find);
      if (at < 0 || text.indexOf(edit.find, at + 1) >= 0) throw new Error(`corpus text edit: ${JSON.stringify(edit.find)} must occur exactly once in ${c.file}`);
      text = text.slice(0, at) + edit.replace + (edit.cut ? '' : text.slice(at + edit.find.length));
    }
  } else throw new Error('a published case needs patch, text or whole');
  const mark = text.indexOf(MARK);
  if (mark < 0) return { text };
  const before = text.slice(0, mark);
  const line = before.split('\n').length;
  const column = mark - (before.lastIndexOf('\n') + 1) + 1;
  return { text: text.replace(MARK, ''), line, column };
}
