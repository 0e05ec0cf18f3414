/**
 * The paper's full text, for tests that check our transcriptions against it. It lives outside the
 * repository (../shared/paper/ beside the checkout, or wherever PAPER_TEXT points) and is not
 * redistributed with it, so on a machine without it those tests are skipped, saying why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const PAPER_PATH = resolve(process.env.PAPER_TEXT ?? '../shared/paper/armstrong-2020-hbsn-nelm.txt');

/** The text, or null when the file is not on this machine. */
export const paperText: string | null = existsSync(PAPER_PATH) ? readFileSync(PAPER_PATH, 'utf8') : null;

export const PAPER_SKIP_REASON = `(skipped: the paper text is not at ${PAPER_PATH}; set PAPER_TEXT)`;
