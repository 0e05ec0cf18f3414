import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReferenceList } from '../../../src/components/story/schema.ts';
import { PAPER_SKIP_REASON, paperText } from '../paper-text.ts';

const refs = ReferenceList.parse(JSON.parse(readFileSync('content/references.json', 'utf8')));
/** Letters and digits only, lower case: the paper's text has line breaks, hyphenation and odd characters. */
const squash = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
// Page furniture (running heads and copyright lines) interrupts references that cross a page.
const furniture = /^(\d+ Armstrong et al\..*|© HepatoBiliary Surgery and Nutrition\..*|HepatoBiliary Surgery and Nutrition, Vol.*)$/gm;
const text = paperText === null ? null : squash(paperText.replace(furniture, ''));
const contains = (needle: string) => text!.includes(squash(needle));

describe('content/references.json', () => {
  it('holds all 29 references of the article, numbered 1–29', () => {
    expect(refs).toHaveLength(29);
    expect(refs.map((r) => r.n)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
  });

  it.skipIf(text === null)(`transcribes every title, first author and journal as printed in the paper ${text === null ? PAPER_SKIP_REASON : ''}`, () => {
    for (const r of refs) {
      expect(contains(r.title), `reference ${r.n} title`).toBe(true);
      expect(contains(`${r.n}. ${r.authors.join(', ')}${r.etAl ? ', et al.' : '.'}`), `reference ${r.n} authors`).toBe(true);
      expect(contains(`${r.journal} ${r.year};${r.volume}:${r.pages}`), `reference ${r.n} journal, year, volume, pages`).toBe(true);
    }
  });

  it('carries identifiers only where they were verified (no guessed DOIs or PMIDs)', () => {
    const withIds = refs.filter((r) => r.doi || r.pmid).map((r) => ({ n: r.n, doi: r.doi, pmid: r.pmid }));
    expect(withIds).toEqual([
      { n: 1, doi: '10.1200/JCO.2007.15.4377', pmid: null },
      { n: 14, doi: '10.1111/hpb.12139', pmid: '23991643' },
    ]);
  });

  it('rejects a list with a gap or a malformed DOI', () => {
    expect(ReferenceList.safeParse(refs.filter((r) => r.n !== 5)).success).toBe(false);
    expect(ReferenceList.safeParse(refs.map((r) => (r.n === 1 ? { ...r, doi: 'https://doi.org/10.1/x' } : r))).success).toBe(false);
  });
});
