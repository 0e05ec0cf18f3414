// runAudit (src/audit/run-audit.ts) and the CLI (src/cli/audit.ts).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellOrder, runAudit } from '../../../src/audit/run-audit.ts';
import { SCOPES, VERDICTS } from '../../../src/audit/types.ts';
import { runAuditCli } from '../../../src/cli/audit.ts';
import { audit, published } from './shared.ts';

const io = () => {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
};

describe('runAudit', () => {
  it('is deterministic: same ids in the same order', () => {
    const again = runAudit(published);
    expect(again.findings.map((f) => f.id)).toEqual(audit.findings.map((f) => f.id));
    expect(JSON.stringify(again)).toBe(JSON.stringify(audit));
  });
  it('ids are unique and every finding points at a cell of /tables/', () => {
    const cells = new Set(cellOrder(published));
    expect(new Set(audit.findings.map((f) => f.id)).size).toBe(audit.findings.length);
    for (const f of audit.findings) {
      for (const c of [...f.cells, ...f.related]) expect(cells.has(c), `${f.id} → ${c}`).toBe(true);
      expect(f.explanation.length).toBeGreaterThan(20);
      expect(f.consequence === null).toBe(f.verdict !== 'inconsistent');
    }
  });
  it('summary counts add up', () => {
    const s = audit.summary;
    expect(s.checked).toBe(audit.findings.length);
    expect(VERDICTS.reduce((a, v) => a + s.byVerdict[v], 0)).toBe(s.checked);
    expect(SCOPES.reduce((a, t) => a + s.byTable[t].total, 0)).toBe(s.checked);
    expect(s.byConsequence.conclusion + s.byConsequence.number + s.byConsequence.presentation).toBe(s.byVerdict.inconsistent);
  });
  it('findings are in reading order of /tables/', () => {
    const order = new Map(cellOrder(published).map((c, i) => [c, i]));
    const idx = audit.findings.map((f) => order.get(f.cells[0])!);
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
  });
});

describe('npm run audit', () => {
  it('prints counts by verdict, then every finding', () => {
    const { out, io: cli } = io();
    expect(runAuditCli([], cli)).toBe(0);
    expect(out.stdout).toMatch(/numbers or groups of numbers checked/);
    expect(out.stdout).toContain('t2-asa-p-pvalue');
  });
  it('--json prints { summary, findings }', () => {
    const { out, io: cli } = io();
    expect(runAuditCli(['--json'], cli)).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(Object.keys(json)).toEqual(['summary', 'findings']);
    expect(json.findings).toHaveLength(audit.findings.length);
  });
  it('a bad published file: one line naming the file and JSON path, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    try {
      cpSync('data/published', dir, { recursive: true });
      const file = join(dir, 'table2.json');
      const t = JSON.parse(readFileSync(file, 'utf8'));
      t.rows[1].cells.no.count = 29;
      writeFileSync(file, JSON.stringify(t));
      const { out, io: cli } = io();
      expect(runAuditCli(['--dir', dir], cli)).toBe(1);
      expect(out.stdout).toBe('');
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr).toMatch(/table2\.json: rows\.1\.cells\.no\.count: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('unknown option: exit 1', () => {
    const { out, io: cli } = io();
    expect(runAuditCli(['--nope'], cli)).toBe(1);
    expect(out.stderr).toContain('unknown option --nope');
  });
});
