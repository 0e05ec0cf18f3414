/**
 * `npm run build` swaps a complete new site into dist/ or leaves the old one exactly as it was.
 * `astro build` itself is replaced by a stand-in (a full build per case would take minutes); the
 * stand-in writes into the folder it is given, as astro does, and fails part-way when asked to.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBuild, type AstroBuild } from '../../../src/cli/build.ts';
import { CHILD_TEST_TIMEOUT_MS, fill, fingerprint, fingerprintDiff, makeProject, patientsInput, readSidecar, runNpm, validPatientsInput, type PatientsCase } from '../robustness/harness.ts';

const projects: { remove: () => void }[] = [];
afterEach(() => {
  for (const p of projects.splice(0)) p.remove();
});

function project(patients?: Buffer) {
  const p = makeProject({ reconstructed: true, patients });
  projects.push(p);
  mkdirSync(join(p.root, 'dist', '_astro'), { recursive: true });
  writeFileSync(join(p.root, 'dist', 'index.html'), 'old site');
  writeFileSync(join(p.root, 'dist', '_astro', 'old.js'), 'old chunk');
  return p.root;
}

function run(root: string, astro: AstroBuild, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const saved = { BASE_PATH: process.env.BASE_PATH, SITE_URL: process.env.SITE_URL };
  Object.assign(process.env, env);
  try {
    const code = runBuild([], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, root, astro);
    return { code, stdout, stderr };
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

/** Stray chunks first, then a crash before index.html: what a failing astro build leaves. */
const crashingAstro: AstroBuild = (outDir) => {
  mkdirSync(join(outDir, '_astro'), { recursive: true });
  writeFileSync(join(outDir, '_astro', 'stray.js'), 'half');
  return 1;
};

const completeAstro: AstroBuild = (outDir) => {
  writeFileSync(join(outDir, 'index.html'), 'new site');
  return 0;
};

describe('npm run build: dist/ is replaced only by a complete build', () => {
  it('a failing astro build leaves dist/ as it was and removes its temporary folder', () => {
    const root = project();
    const before = fingerprint(join(root, 'dist'));
    const { code, stderr } = run(root, crashingAstro);
    expect(stderr).toBe('error: astro build failed (exit code 1): dist/ was left as it was\n');
    expect(code).toBe(1);
    expect(fingerprintDiff(before, fingerprint(join(root, 'dist')))).toEqual([]);
    expect(readdirSync(root).filter((n) => n.startsWith('dist'))).toEqual(['dist']);
  });

  it('a complete build replaces dist/ entirely (no stale chunks left)', () => {
    const root = project();
    const { code, stderr } = run(root, completeAstro);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('new site');
    expect(readdirSync(join(root, 'dist'))).toEqual(['index.html']);
    expect(readdirSync(root).filter((n) => n.startsWith('dist'))).toEqual(['dist']);
  });

  it('an invalid BASE_PATH stops before the data step and astro, dist/ untouched', () => {
    const root = project();
    let astroRan = false;
    const before = fingerprint(root);
    const { code, stderr } = run(root, () => ((astroRan = true), 0), { BASE_PATH: '//evil.example/' });
    expect(stderr).toBe('error: BASE_PATH="//evil.example/" is not a valid base path: it must not contain // (that names another host) (e.g. /supplementary/hbsn-2019-06-02/)\n');
    expect(code).toBe(1);
    expect(astroRan).toBe(false);
    expect(fingerprintDiff(before, fingerprint(root))).toEqual([]);
  });
});

describe('npm run build with the drop-in files that used to crash astro build (tests/corpus/patients-valid/)', () => {
  // They are valid files: the data step accepts them and astro builds (here a stand-in; the real
  // build of each is tests/e2e/drop-in.e2e.ts). Before issue 16 they crashed astro half-way, then
  // were refused; now they must reach astro and replace dist/.
  for (const name of ['no-mixed-group', 'no-hyper-group', 'all-censored']) {
    it(`${name}: the data step passes, astro runs, and its complete build replaces dist/`, () => {
      const root = project(validPatientsInput(name));
      let astroRan = false;
      const { code, stderr } = run(root, (outDir) => ((astroRan = true), completeAstro(outDir, root)));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(astroRan).toBe(true);
      expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('new site');
      const site = JSON.parse(readFileSync(join(root, 'src/generated/site.json'), 'utf8'));
      expect(site).toMatchObject({ reconstructed: false, patientFile: 'data/patients.csv' });
    });
  }
});

describe('the real `npm run build` in a child process', () => {
  it('a file that cannot be used (rfs-after-os): one line naming file, row and column, exit 1, before astro; dist/ as it was', async () => {
    const p = makeProject({ reconstructed: true, runnable: true, patients: patientsInput('rfs-after-os') });
    projects.push(p);
    mkdirSync(join(p.root, 'dist'));
    writeFileSync(join(p.root, 'dist', 'index.html'), 'old site');
    const before = fingerprint(p.root);
    // The command runs in the project folder, so it names the file relative to it.
    const expected = fill(readSidecar<PatientsCase>('patients', 'rfs-after-os').error, { file: 'data/patients.csv' });
    expect(expected).toMatch(/^data\/patients\.csv: .* at row \d+, column "rfs_months"/);
    const { code, stdout, stderr } = await runNpm(p.root, 'build');
    expect(stderr).toBe(`error: ${expected}\n`);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    // No dist-build-* folder was made: astro never started.
    expect(fingerprintDiff(before, fingerprint(p.root))).toEqual([]);
  }, CHILD_TEST_TIMEOUT_MS);
});
