import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { SweepQuery } from '../../domain/ports/sweep-query.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { approvalSteps, clients, expenses } from '../schema/index.js';
import { toClient } from './drizzle-directory.js';

export function createDrizzleSweepQuery(): SweepQuery {
  return {
    async activeClients(tx, organisationId, clientId) {
      const conditions: SQL[] = [eq(clients.organisationId, organisationId), eq(clients.status, 'active')];
      if (clientId !== undefined) conditions.push(eq(clients.id, clientId));
      const rows = await executorOf(tx)
        .select()
        .from(clients)
        .where(and(...conditions))
        .orderBy(asc(clients.code));
      return rows.map(toClient);
    },

    async waitingSteps(tx, organisationId, clientId) {
      const conditions: SQL[] = [eq(expenses.organisationId, organisationId), eq(expenses.status, 'pending')];
      if (clientId !== undefined) conditions.push(eq(expenses.clientId, clientId));
      // Only the step of the current round and stage waits; earlier rounds' undecided rows are history.
      const rows = await executorOf(tx)
        .select({
          expenseId: expenses.id,
          clientId: expenses.clientId,
          submitterId: expenses.submitterId,
          round: approvalSteps.round,
          stage: approvalSteps.stage,
          stageKind: approvalSteps.stageKind,
          eligibleMemberIds: approvalSteps.eligibleMemberIds,
          requestedAt: approvalSteps.requestedAt,
        })
        .from(expenses)
        .innerJoin(
          approvalSteps,
          and(
            eq(approvalSteps.organisationId, expenses.organisationId),
            eq(approvalSteps.expenseId, expenses.id),
            eq(approvalSteps.round, expenses.approvalRound),
            eq(approvalSteps.stage, expenses.stage),
            isNull(approvalSteps.decision),
          ),
        )
        .where(and(...conditions))
        .orderBy(asc(approvalSteps.requestedAt), asc(expenses.id));
      return rows.map((row) => ({
        expenseId: row.expenseId,
        clientId: row.clientId,
        submitterId: row.submitterId,
        round: row.round,
        stage: row.stage,
        fellTo: row.stageKind,
        eligibleMemberIds: row.eligibleMemberIds,
        requestedAt: row.requestedAt,
      }));
    },

    async returnedItems(tx, organisationId, clientId) {
      const conditions: SQL[] = [
        eq(expenses.organisationId, organisationId),
        eq(expenses.status, 'returned'),
      ];
      if (clientId !== undefined) conditions.push(eq(expenses.clientId, clientId));
      const rows = await executorOf(tx)
        .select({
          expenseId: expenses.id,
          clientId: expenses.clientId,
          submitterId: expenses.submitterId,
          round: approvalSteps.round,
          returnedAt: approvalSteps.decidedAt,
        })
        .from(expenses)
        .innerJoin(
          approvalSteps,
          and(
            eq(approvalSteps.organisationId, expenses.organisationId),
            eq(approvalSteps.expenseId, expenses.id),
            eq(approvalSteps.round, expenses.approvalRound),
            eq(approvalSteps.decision, 'returned'),
          ),
        )
        .where(and(...conditions))
        .orderBy(asc(approvalSteps.decidedAt), asc(expenses.id));
      return rows.flatMap((row) =>
        row.returnedAt === null
          ? []
          : [
              {
                expenseId: row.expenseId,
                clientId: row.clientId,
                submitterId: row.submitterId,
                round: row.round,
                returnedAt: row.returnedAt,
              },
            ],
      );
    },
  };
}
