export const FINDING_CODES = [
  'PROHIBITED_CATEGORY',
  'OVER_BUDGET',
  'OVER_CATEGORY_LIMIT',
  'DUPLICATE_INVOICE',
  'DUPLICATE_RECEIPT',
  'DUPLICATE_SUSPECTED',
  'SPLIT_SUSPECTED',
  'MISSING_RECEIPT',
  'LATE_SUBMISSION',
  'UNUSUAL_AMOUNT',
  'ROUND_NUMBER',
  'WEEKEND',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Severity = 'info' | 'warn' | 'high';

/**
 * One risk finding. Evidence holds the facts a localised message is built from: amounts as minor units with a
 * `currency`, dates as ISO strings, ids as strings, lists joined with commas.
 */
export type Finding = {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly evidence: Readonly<Record<string, string | number>>;
};

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warn: 1, high: 2 };

/** Findings that stop auto-approval and deserve an approver's eye: severity warn or high. */
export const needsAttention = (findings: readonly Finding[]): boolean =>
  findings.some((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK.warn);

/** Findings ordered by severity (high first), then by the fixed code order, for cards and reports. */
export const sortFindings = (findings: readonly Finding[]): Finding[] =>
  [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      FINDING_CODES.indexOf(a.code) - FINDING_CODES.indexOf(b.code),
  );
