/**
 * The questions of the discussion guide, in order, shared by the guide (with model answers), the
 * presenter's last slide and the printable handout.
 */
export interface Question {
  readonly id: string;
  readonly title: string;
}

/** `printedP` is the paper's log-rank p for calcification and overall survival, as printed. */
export function questions(printedP: string): Question[] {
  return [
    { id: 'q-selection', title: 'Who could have been in this study, and who could not?' },
    { id: 'q-denominators', title: 'How many patients does each comparison really rest on?' },
    { id: 'q-plus', title: 'What does the “+” next to a percentage in Table 1 tell you?' },
    { id: 'q-multiplicity', title: 'How many p-values do Tables 2 and 3 print, and how many would chance alone put below 0.05?' },
    { id: 'q-p', title: `Calcification and overall survival: p = ${printedP}. What does it mean, and what does it not?` },
    { id: 'q-absence', title: 'Does the study show that calcification and enhancement do not matter?' },
    { id: 'q-sample-size', title: 'How many patients would the study have needed to detect a hazard ratio of 0.5?' },
    { id: 'q-three-groups', title: 'Three enhancement groups: one test or three?' },
    { id: 'q-tails', title: 'What do the right-hand ends of the curves tell you?' },
    { id: 'q-measurement', title: 'Could the way the scans were read have hidden an effect?' },
    { id: 'q-reconstruction', title: 'This site works on reconstructed patient data. What can a reconstruction show, and what not?' },
    { id: 'q-conclusion', title: 'How would you word the conclusion?' },
  ];
}
