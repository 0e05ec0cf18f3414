/**
 * The formulas the journal club page shows, in TeX, by id. `Formula.astro` renders one by id as
 * MathML at build time (src/lib/katex.ts).
 */
export const FORMULAS = {
  schoenfeld: String.raw`D_{\text{S}} = \frac{\left(z_{1-\alpha/2} + z_{1-\beta}\right)^2 (1 + k)^2}{k \,\ln^2 \mathrm{HR}}`,
  freedman: String.raw`D_{\text{F}} = \frac{\left(z_{1-\alpha/2} + z_{1-\beta}\right)^2 (1 + k\,\mathrm{HR})^2}{k\,(1 - \mathrm{HR})^2}`,
  detectable: String.raw`\mathrm{HR}_{\text{detectable}} = \exp\!\left(\pm\,\frac{\left(z_{1-\alpha/2} + z_{1-\beta}\right)(1 + k)}{\sqrt{k D}}\right)`,
  power: String.raw`1 - \beta = \Phi\!\left(\frac{\sqrt{k D}\;\lvert \ln \mathrm{HR} \rvert}{1 + k} - z_{1-\alpha/2}\right)`,
  patients: String.raw`N = \left\lceil \frac{D}{\hat\pi} \right\rceil, \qquad \hat\pi = \frac{\text{events observed}}{\text{patients compared}}`,
  km: String.raw`\hat S(t) = \prod_{t_j \le t} \left(1 - \frac{d_j}{n_j}\right)`,
  logrankE: String.raw`E_{A j} = d_j \,\frac{n_{A j}}{n_j}, \qquad V_j = \frac{d_j\,(n_j - d_j)}{n_j - 1}\cdot\frac{n_{A j}}{n_j}\left(1 - \frac{n_{A j}}{n_j}\right)`,
  logrankChi: String.raw`\chi^2 = \frac{\left(\sum_j (d_{A j} - E_{A j})\right)^2}{\sum_j V_j} \;\sim\; \chi^2_1`,
  expectedFalse: String.raw`\mathbb{E}[\text{false positives}] = m\,\alpha, \qquad P(\text{at least one}) = 1 - (1 - \alpha)^m`,
} as const;

export type FormulaId = keyof typeof FORMULAS;

/** Formulas shown in display (block) mode; the others are inline. */
export const DISPLAY: Readonly<Record<FormulaId, boolean>> = {
  schoenfeld: true,
  freedman: true,
  detectable: true,
  power: true,
  patients: true,
  km: true,
  logrankE: true,
  logrankChi: true,
  expectedFalse: true,
};
