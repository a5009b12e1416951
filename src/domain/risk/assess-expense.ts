import type { BudgetEvaluation } from '../budgets/evaluate-new-expense.js';
import type { IsoDate } from '../periods/calendar-date.js';
import type { Policy } from '../policy/policy.js';
import { checkBudgets } from './budget-findings.js';
import {
  checkDuplicateInvoice,
  checkDuplicateReceipt,
  checkDuplicateSuspected,
} from './duplicate-findings.js';
import { FINDING_CODES, type Finding } from './finding.js';
import { checkRoundNumber, checkWeekend } from './flag-findings.js';
import {
  checkCategoryLimit,
  checkLateSubmission,
  checkMissingReceipt,
  checkProhibitedCategory,
} from './policy-findings.js';
import type { HistoricalAmount, NeighbourExpense, RiskCandidate } from './risk-inputs.js';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from './risk-settings.js';
import { checkSplit } from './split-finding.js';
import { checkUnusualAmount } from './unusual-amount.js';

export type AssessmentInput = {
  readonly candidate: RiskCandidate;
  readonly policy: Policy;
  /** Every budget the item falls under, evaluated with the item included. */
  readonly budgetEvaluations?: readonly BudgetEvaluation[] | undefined;
  /**
   * Existing expenses near the candidate that the caller looked up: the client's items within the duplicate
   * window, and any item (any client) sharing a receipt hash or invoice number.
   */
  readonly recentSimilar?: readonly NeighbourExpense[] | undefined;
  /** The client's past items in the candidate's category. */
  readonly history?: readonly HistoricalAmount[] | undefined;
  /** Today in the client's time zone. */
  readonly today: IsoDate;
  readonly settings?: RiskSettings | undefined;
};

/** Every check on an expense being logged or edited; findings come in the fixed order of FINDING_CODES. */
export const assessExpense = (input: AssessmentInput): Finding[] => {
  const { candidate, policy, today } = input;
  const settings = input.settings ?? DEFAULT_RISK_SETTINGS;
  const neighbours = input.recentSimilar ?? [];
  const findings = [
    checkProhibitedCategory(candidate, policy),
    ...checkBudgets(input.budgetEvaluations ?? []),
    checkCategoryLimit(candidate, policy),
    checkDuplicateInvoice(candidate, neighbours),
    checkDuplicateReceipt(candidate, neighbours),
    checkDuplicateSuspected(candidate, neighbours, settings.duplicateWindowDays),
    checkSplit(candidate, neighbours, policy),
    checkMissingReceipt(candidate, policy),
    checkLateSubmission(candidate, policy, today),
    checkUnusualAmount(candidate, input.history ?? [], settings),
    checkRoundNumber(candidate, settings.roundNumberMajor),
    checkWeekend(candidate),
  ].filter((finding): finding is Finding => finding !== undefined);
  return findings.sort((a, b) => FINDING_CODES.indexOf(a.code) - FINDING_CODES.indexOf(b.code));
};
