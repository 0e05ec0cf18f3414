/**
 * Vitest global setup: some modules under test read the data step's output through
 * src/lib/generated.ts (the site's numbers, validated). A fresh clone has no src/generated/, so the
 * data step runs once before the tests when its output is missing, as `npm run build` would run it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function setup(): void {
  if (existsSync('src/generated/site.json')) return;
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/build-data.ts'], { stdio: 'inherit' });
}
