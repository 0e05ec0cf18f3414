/**
 * Bibliographic facts about the article this site is an edition of. One source for the header,
 * the citation formats, JSON-LD and the footer.
 */
export const paper = {
  title:
    'Radiographic characteristics of neuroendocrine liver metastases do not predict clinical outcomes following liver resection',
  authors: [
    { family: 'Armstrong', given: 'Emily A.', initials: 'EA' },
    { family: 'Beal', given: 'Eliza W.', initials: 'EW' },
    { family: 'Shah', given: 'Manisha', initials: 'M' },
    { family: 'Konda', given: 'Bhavana', initials: 'B' },
    { family: 'Abdel-Misih', given: 'Sherif', initials: 'S' },
    { family: 'Ejaz', given: 'Aslam', initials: 'A' },
    { family: 'Dillhoff', given: 'Mary E.', initials: 'ME' },
    { family: 'Pawlik', given: 'Timothy M.', initials: 'TM' },
    { family: 'Cloyd', given: 'Jordan M.', initials: 'JM' },
  ],
  journal: 'HepatoBiliary Surgery and Nutrition',
  journalAbbrev: 'Hepatobiliary Surg Nutr',
  year: 2020,
  /** Issue date as printed in the running header: February 2020. */
  date: '2020-02',
  volume: '9',
  issue: '1',
  pages: '1-12',
  firstPage: '1',
  lastPage: '12',
  doi: '10.21037/hbsn.2019.06.02',
  issn: '2304-3881',
  submitted: '2019-02-04',
  accepted: '2019-05-29',
  institution: 'The Ohio State University Wexner Medical Center, Columbus, OH, USA',
} as const;

export type Paper = typeof paper;

/** The DOI as a resolvable link. */
export const doiUrl = `https://doi.org/${paper.doi}`;

/** "Armstrong EA, Beal EW, Shah M, et al." — Vancouver style, first three authors. */
export function shortAuthors(max = 3): string {
  const names = paper.authors.map((a) => `${a.family} ${a.initials}`);
  return names.length > max ? `${names.slice(0, max).join(', ')}, et al.` : names.join(', ');
}
