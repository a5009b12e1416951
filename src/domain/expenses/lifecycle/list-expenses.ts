// `list [mine|pending|@client] [period]`: what I logged, what waits on me, or one client's expenses in a
// period (this month unless said otherwise). Newest first, a page at a time. Reading changes nothing.
import { authorise, type Forbidden } from '../../people/permissions.js';
import { todayIn } from '../../periods/calendar-date.js';
import type { PeriodRange } from '../../periods/period-range.js';
import { type PeriodInvalid, reportPeriod } from '../../periods/report-period.js';
import type { ClientRecord, ProjectRecord } from '../../ports/directory.port.js';
import type { ExpenseListScope, ExpenseSummary } from '../../ports/expense-query.port.js';
import type { Tx } from '../../ports/unit-of-work.port.js';
import type { RequestContext } from '../../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../../shared/result.js';
import { transact } from '../../shared/transact.js';
import type { LifecycleDeps } from './lifecycle-deps.js';

export type ListScopeInput =
  | { readonly kind: 'mine' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'client'; readonly clientCode: string; readonly projectCode?: string | undefined };

export type ListExpensesInput = {
  /** Absent: `mine`. */
  readonly scope?: ListScopeInput | undefined;
  /** As typed (`last-month`, `2026-03`…). A client's list defaults to this month; the others to everything. */
  readonly period?: string | undefined;
  /** 1-based. */
  readonly page?: number | undefined;
  readonly pageSize?: number | undefined;
  /** Where "this month" is for lists that span clients (mine, pending); a client's list uses the client's zone. */
  readonly timeZone?: string | undefined;
};

export type ExpenseList = {
  readonly items: readonly ExpenseSummary[];
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
  readonly period?: PeriodRange | undefined;
  readonly client?: ClientRecord | undefined;
  readonly project?: ProjectRecord | undefined;
};

export type ListExpensesFailure =
  | Forbidden
  | PeriodInvalid
  | Failure<'CLIENT_UNKNOWN' | 'PROJECT_UNKNOWN' | 'PAGE_INVALID'>;

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export type ListExpensesDeps = Pick<LifecycleDeps, 'uow' | 'clock' | 'directory' | 'expenseQuery'>;

export const listExpenses =
  (deps: ListExpensesDeps) =>
  (ctx: RequestContext, input: ListExpensesInput = {}): Promise<Result<ExpenseList, ListExpensesFailure>> =>
    transact<ExpenseList, ListExpensesFailure>(deps.uow, (tx) => listInTransaction(deps, tx, ctx, input));

async function listInTransaction(
  deps: ListExpensesDeps,
  tx: Tx,
  ctx: RequestContext,
  input: ListExpensesInput,
): Promise<Result<ExpenseList, ListExpensesFailure>> {
  const org = ctx.organisationId;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(page) || page < 1) return fail('PAGE_INVALID', { page });
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return fail('PAGE_INVALID', { pageSize, maxPageSize: MAX_PAGE_SIZE });
  }
  const scopeInput = input.scope ?? { kind: 'mine' };
  const me = ctx.actor.memberId;

  let scope: ExpenseListScope;
  let client: ClientRecord | undefined;
  let project: ProjectRecord | undefined;
  let periodText = input.period;
  let timeZone = input.timeZone ?? 'UTC';
  switch (scopeInput.kind) {
    case 'mine':
    case 'pending': {
      // Both are the member's own business: what they logged, and what they were asked to decide.
      const allowed = authorise(ctx.actor, 'view-own', { submitterId: me });
      if (!allowed.ok) return allowed;
      scope =
        scopeInput.kind === 'mine'
          ? { kind: 'submitted-by', memberId: me }
          : { kind: 'waiting-on', memberId: me };
      break;
    }
    case 'client': {
      // Archived clients keep their history, so they can still be listed.
      client = await deps.directory.clientByCode(tx, org, scopeInput.clientCode.toLowerCase());
      if (!client) return fail('CLIENT_UNKNOWN', { code: scopeInput.clientCode });
      const allowed = authorise(ctx.actor, 'view-client', { clientId: client.id, view: 'internal' });
      if (!allowed.ok) return allowed;
      if (scopeInput.projectCode !== undefined) {
        project = await deps.directory.projectByCode(
          tx,
          org,
          client.id,
          scopeInput.projectCode.toLowerCase(),
        );
        if (!project) {
          return fail('PROJECT_UNKNOWN', { client: client.code, code: scopeInput.projectCode });
        }
      }
      scope = { kind: 'client', clientId: client.id, projectId: project?.id };
      periodText ??= 'this-month';
      timeZone = client.timeZone;
      break;
    }
  }

  let period: PeriodRange | undefined;
  if (periodText !== undefined) {
    const resolved = reportPeriod(periodText, todayIn(deps.clock.now().getTime(), timeZone));
    if (!resolved.ok) return resolved;
    period = resolved.value;
  }
  // One line more than the page says whether there is a next page without counting everything.
  const rows = await deps.expenseQuery.list(tx, org, {
    scope,
    from: period?.start,
    through: period?.end,
    offset: (page - 1) * pageSize,
    limit: pageSize + 1,
  });
  return ok({
    items: rows.slice(0, pageSize),
    page,
    pageSize,
    hasMore: rows.length > pageSize,
    ...(period === undefined ? {} : { period }),
    ...(client === undefined ? {} : { client }),
    ...(project === undefined ? {} : { project }),
  });
}
