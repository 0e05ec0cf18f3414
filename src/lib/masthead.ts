/**
 * The edition's masthead (colophon): who makes it, how to reach them, where the source is, the
 * licences, and how it relates to the article's authors and journal. Read from content/masthead.json
 * (the publisher of a copy edits that file) and validated here; the version comes from package.json
 * and the date from the last commit, so two builds of one commit say the same thing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const HTTPS_OR_MAIL = z.string().regex(/^(https:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+)$/, 'an https:// or mailto: address');

const MastheadSchema = z
  .object({
    maker: z.string().min(1),
    /** How to report a correction: an https:// page or a mailto: address; null when not given. */
    contact: HTTPS_OR_MAIL.nullable(),
    /** The source repository (https://), or null. */
    source: z.string().regex(/^https:\/\/[^\s]+$/, 'an https:// address').nullable(),
    codeLicence: z.string().min(1),
    textLicence: z.string().min(1),
    relation: z.string().min(1),
  })
  .strict();

export type Masthead = z.infer<typeof MastheadSchema> & { readonly version: string; readonly commit: string | null; readonly date: string | null };

/** Parses masthead JSON text; throws one line naming the file and the field. */
export function parseMasthead(text: string, file = 'content/masthead.json'): z.infer<typeof MastheadSchema> {
  const parsed = MastheadSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Last commit (short hash, ISO date), or nulls outside a git checkout. */
function lastCommit(): { commit: string | null; date: string | null } {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%h %cI'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const [commit, date] = out.split(' ');
    return { commit: commit || null, date: date ? date.slice(0, 10) : null };
  } catch {
    return { commit: null, date: null };
  }
}

let cached: Masthead | null = null;
export function masthead(): Masthead {
  if (cached) return cached;
  const data = parseMasthead(readFileSync('content/masthead.json', 'utf8'));
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  cached = { ...data, version, ...lastCommit() };
  return cached;
}
