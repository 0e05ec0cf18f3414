/**
 * Citation formats for the article, generated from its bibliographic facts (src/lib/paper.ts) by
 * pure functions: APA 7, Vancouver (ICMJE/NLM), BibTeX and RIS. The DOI is always written as a
 * resolvable https://doi.org/ link (BibTeX and RIS also carry the bare DOI in their DOI field).
 */
/** What the formats read of an article (src/lib/paper.ts satisfies it; tests pass others). */
export interface CitablePaper {
  readonly title: string;
  readonly authors: readonly { readonly family: string; readonly given: string; readonly initials: string }[];
  readonly journal: string;
  readonly journalAbbrev: string;
  readonly year: number;
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  readonly date: string;
  readonly volume: string;
  readonly issue: string;
  /** `1-12` */
  readonly pages: string;
  readonly firstPage: string;
  readonly lastPage: string;
  /** Bare DOI, `10.21037/hbsn.2019.06.02`. */
  readonly doi: string;
}

export type CitationFormat = 'apa' | 'vancouver' | 'bibtex' | 'ris';

export const CITATION_FORMATS: readonly { readonly id: CitationFormat; readonly label: string }[] = [
  { id: 'apa', label: 'APA' },
  { id: 'vancouver', label: 'Vancouver' },
  { id: 'bibtex', label: 'BibTeX' },
  { id: 'ris', label: 'RIS' },
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export function doiLink(doi: string): string {
  return `https://doi.org/${doi}`;
}

/** Month number (1–12) of `YYYY-MM[-DD]`, or null. */
function month(date: string): number | null {
  const m = /^\d{4}-(\d{2})/.exec(date);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 12 ? n : null;
}

/** `E. A.` from `Emily A.`; hyphenated given names keep the hyphen (`J.-P.`). */
function apaInitials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((part) =>
      part
        .split('-')
        .map((p) => `${p.replace(/\.$/, '').charAt(0).toUpperCase()}.`)
        .join('-'),
    )
    .join(' ');
}

/** `1–12`: page range with an en dash (APA). */
function enDashRange(p: CitablePaper): string {
  return p.firstPage === p.lastPage ? p.firstPage : `${p.firstPage}\u2013${p.lastPage}`;
}

/**
 * APA 7th edition reference. Up to 20 authors are all listed, the last after "&".
 * `italic` marks the spans APA sets in italics (journal name and volume) so HTML can render them.
 */
export function apaParts(p: CitablePaper): { readonly text: string; readonly italic: readonly string[] } {
  const names = p.authors.map((a) => `${a.family}, ${apaInitials(a.given)}`);
  let authors: string;
  if (names.length === 1) authors = names[0];
  else if (names.length <= 20) authors = `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]}`;
  else authors = `${names.slice(0, 19).join(', ')}, . . . ${names[names.length - 1]}`;
  const title = p.title.replace(/\.$/, '');
  const text = `${authors} (${p.year}). ${title}. ${p.journal}, ${p.volume}(${p.issue}), ${enDashRange(p)}. ${doiLink(p.doi)}`;
  return { text, italic: [p.journal, p.volume] };
}

export function apa(p: CitablePaper): string {
  return apaParts(p).text;
}

/**
 * Vancouver (ICMJE / NLM "Citing Medicine"): the first six authors, then "et al."; journal
 * abbreviation; `2020 Feb;9(1):1-12`; the DOI as a link.
 */
export function vancouver(p: CitablePaper): string {
  const names = p.authors.map((a) => `${a.family} ${a.initials}`);
  const authors = names.length > 6 ? `${names.slice(0, 6).join(', ')}, et al` : names.join(', ');
  const m = month(p.date);
  const when = m ? `${p.year} ${MONTHS[m - 1]}` : String(p.year);
  const title = p.title.replace(/\.$/, '');
  return `${authors}. ${title}. ${p.journalAbbrev}. ${when};${p.volume}(${p.issue}):${p.pages}. ${doiLink(p.doi)}`;
}

/** BibTeX key: first author's family name (ASCII, lower case) + year + first title word of 4+ letters. */
export function bibtexKey(p: CitablePaper): string {
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  const word = p.title.split(/\s+/).map(ascii).find((w) => w.length >= 4) ?? 'article';
  return `${ascii(p.authors[0]?.family ?? 'anon')}${p.year}${word}`;
}

/** Escapes the characters BibTeX treats specially inside a braced field. */
function bibEscape(s: string): string {
  return s.replace(/\\/g, '\\textbackslash{}').replace(/([&%$#_])/g, '\\$1').replace(/[{}]/g, (c) => `\\${c}`);
}

export function bibtex(p: CitablePaper): string {
  const m = month(p.date);
  const fields: [string, string][] = [
    ['author', p.authors.map((a) => `${bibEscape(a.family)}, ${bibEscape(a.given)}`).join(' and ')],
    // Double braces keep the title's capitalisation as published.
    ['title', `{${bibEscape(p.title)}}`],
    ['journal', bibEscape(p.journal)],
    ['year', String(p.year)],
    ['volume', p.volume],
    ['number', p.issue],
    ['pages', `${p.firstPage}--${p.lastPage}`],
    ...(m ? ([['month', MONTHS[m - 1].toLowerCase()]] as [string, string][]) : []),
    ['doi', p.doi],
    ['url', doiLink(p.doi)],
  ];
  const width = Math.max(...fields.map(([k]) => k.length));
  const body = fields
    .map(([k, v]) => (k === 'month' ? `  ${k.padEnd(width)} = ${v}` : `  ${k.padEnd(width)} = {${v}}`))
    .join(',\n');
  return `@article{${bibtexKey(p)},\n${body}\n}`;
}

/** RIS (Research Information Systems) record, CRLF-free; one tag per line, `ER  - ` last. */
export function ris(p: CitablePaper): string {
  const m = month(p.date);
  const lines: [string, string][] = [
    ['TY', 'JOUR'],
    ...p.authors.map((a) => ['AU', `${a.family}, ${a.given}`] as [string, string]),
    ['TI', p.title],
    ['T2', p.journal],
    ['JO', p.journalAbbrev],
    ['PY', String(p.year)],
    ...(m ? ([['DA', `${p.year}/${String(m).padStart(2, '0')}`]] as [string, string][]) : []),
    ['VL', p.volume],
    ['IS', p.issue],
    ['SP', p.firstPage],
    ['EP', p.lastPage],
    ['DO', p.doi],
    ['UR', doiLink(p.doi)],
  ];
  return `${lines.map(([tag, value]) => `${tag}  - ${value}`).join('\n')}\nER  - `;
}

/** All four formats, in display order. */
export function citations(p: CitablePaper): readonly { readonly id: CitationFormat; readonly label: string; readonly text: string }[] {
  const fn: Record<CitationFormat, (x: CitablePaper) => string> = { apa, vancouver, bibtex, ris };
  return CITATION_FORMATS.map((f) => ({ ...f, text: fn[f.id](p) }));
}
