/** Tuning of the statistical and heuristic checks; defaults suit most firms. */
export type RiskSettings = {
  /** Fewer past items than this and the unusual-amount check stays silent. */
  readonly unusualMinSample: number;
  /** k in median + k·MAD; about 3.5 robust standard deviations (3.5 × 1.4826 ≈ 5). */
  readonly unusualMadMultiplier: number;
  /** And at least this share of the median, so a tight history does not flag every small rise. */
  readonly unusualMinPercentOfMedian: number;
  /** Amounts that are whole multiples of this many major units are flagged as round. */
  readonly roundNumberMajor: number;
  /** Duplicates are looked for this many days either side of the incurred date. */
  readonly duplicateWindowDays: number;
};

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  unusualMinSample: 8,
  unusualMadMultiplier: 5,
  unusualMinPercentOfMedian: 200,
  roundNumberMajor: 100,
  duplicateWindowDays: 1,
};
