// Who may add a receipt to an expense, or declare one missing, and when. The permission table has no row for
// receipts: they are evidence for the submitter's own claim (docs/product-rules.md §1 row 1), which finance and
// admins may also chase and file (§1 row 4), so either grant suffices.
import type { Expense } from '../expenses/expense.js';
import type { WrongStatus } from '../expenses/expense-transitions.js';
import type { MemberActor } from '../people/actor.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import type { Finding, FindingCode } from '../risk/finding.js';
import { FINDING_CODES } from '../risk/finding.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';

export function authoriseReceiptWork(
  actor: MemberActor,
  expense: Expense,
  action: 'attach-receipt' | 'declare-missing-receipt',
): Result<void, Forbidden | WrongStatus> {
  const context = { submitterId: expense.submitterId, clientId: expense.clientId };
  const asSubmitter = authorise(actor, 'edit', context);
  const asFinance = authorise(actor, 'mark', context);
  if (!asSubmitter.ok && !asFinance.ok) {
    return fail('FORBIDDEN', { action, allowedRoles: 'submitter, finance, admin', rule: 'own-expense' });
  }
  // A voided expense is closed evidence: what it was voided with stays as it was.
  if (expense.status === 'voided') {
    return fail('WRONG_STATUS', {
      action,
      status: expense.status,
      allowedStatuses: 'pending, returned, approved, rejected, withdrawn',
    });
  }
  return ok(undefined);
}

/** The expense's findings with the receipt checks replaced by what is true now. */
export const withReceiptFindings = (
  findings: readonly Finding[],
  replacements: readonly Finding[],
): Finding[] => {
  const replaced: readonly FindingCode[] = ['MISSING_RECEIPT', 'DUPLICATE_RECEIPT'];
  return [...findings.filter((f) => !replaced.includes(f.code)), ...replacements].sort(
    (a, b) => FINDING_CODES.indexOf(a.code) - FINDING_CODES.indexOf(b.code),
  );
};

export type ReceiptAlreadyAttached = Failure<'RECEIPT_ALREADY_ATTACHED'>;
