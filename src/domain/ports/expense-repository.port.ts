// Expenses, their approval steps and the neighbours risk checks compare against.

import type { FellTo, StageKind } from '../approvals/approval-stage.js';
import type { ApprovalStep, RecordedStep } from '../approvals/approval-step.js';
import type { Consumption } from '../budgets/consumption.js';
import type { Expense } from '../expenses/expense.js';
import type { MemberId } from '../people/actor.js';
import type { Finding } from '../risk/finding.js';
import type { HistoricalAmount, NeighbourExpense } from '../risk/risk-inputs.js';
import type { Tx } from './unit-of-work.port.js';

/** What an expense row keeps beside the domain state. */
export type ExpenseExtras = {
  readonly kind: 'expense' | 'adjustment';
  readonly findings: readonly Finding[];
  readonly overrideReason?: string | undefined;
};

export type StoredExpense = {
  readonly expense: Expense;
  readonly extras: ExpenseExtras;
  readonly createdAt: Date;
};

/** The chain an approval round opens with, kept so a finished round still says "stage 1 of 2". */
export type OpenRound = {
  readonly expenseId: string;
  readonly round: number;
  readonly stageKinds: readonly StageKind[];
};

export type OpenStep = {
  readonly expenseId: string;
  readonly round: number;
  readonly stage: number;
  readonly stageKind: StageKind | 'admin';
  readonly fellTo: FellTo;
  readonly eligibleMemberIds: readonly MemberId[];
  /** When the stage was opened (ISO instant, from the use case's clock); the database's time when absent. */
  readonly requestedAt?: string | undefined;
};

/** An undecided step widened to finance (or admin) after waiting too long (docs/product-rules.md §3 reminders). */
export type StepEscalation = {
  readonly expenseId: string;
  readonly round: number;
  readonly stage: number;
  readonly fellTo: FellTo;
  /** Everyone asked now: those asked before and those it escalated to. */
  readonly eligibleMemberIds: readonly MemberId[];
};

export type ConsumptionQuery = {
  readonly clientId: string;
  readonly projectId?: string | undefined;
  readonly categoryCode?: string | undefined;
  readonly from: string;
  readonly through: string;
  /** Leave this expense out (an edit measures the budget without its own old amount). */
  readonly excludeExpenseId?: string | undefined;
};

export type NeighbourQuery = {
  readonly clientId: string;
  readonly from: string;
  readonly through: string;
  readonly receiptSha256: readonly string[];
  readonly invoiceNumber?: string | undefined;
};

export interface ExpenseRepository {
  /** False when the id is taken (the caller draws another); never throws on a collision. */
  insert(tx: Tx, organisationId: string, expense: Expense, extras: ExpenseExtras): Promise<boolean>;
  /** Replaces the row's state; the caller holds the row lock from `get(…, { forUpdate: true })`. */
  update(tx: Tx, organisationId: string, expense: Expense, extras: ExpenseExtras): Promise<void>;
  get(
    tx: Tx,
    organisationId: string,
    id: string,
    options?: { readonly forUpdate?: boolean },
  ): Promise<StoredExpense | undefined>;
  /** Every decided step, each with its round's stored stage count; throws on a round that was never opened. */
  steps(tx: Tx, organisationId: string, expenseId: string): Promise<readonly RecordedStep[]>;
  /** Stores the chain a round opens with; opening the same round again changes nothing. */
  openRound(tx: Tx, organisationId: string, round: OpenRound): Promise<void>;
  openStep(tx: Tx, organisationId: string, step: OpenStep): Promise<void>;
  /** The eligible list recorded when a stage was opened (who was asked). */
  openStepOf(
    tx: Tx,
    organisationId: string,
    expenseId: string,
    round: number,
    stage: number,
  ): Promise<OpenStep | undefined>;
  /** Records an escalation on an undecided step; false when it was decided first. */
  escalateStep(tx: Tx, organisationId: string, escalation: StepEscalation): Promise<boolean>;
  /** Fills an undecided step; false when someone decided it first. */
  recordDecision(tx: Tx, organisationId: string, step: ApprovalStep): Promise<boolean>;
  /** Approved (actual) and pending (committed) client-currency spend in a scope and date range. */
  consumption(tx: Tx, organisationId: string, query: ConsumptionQuery): Promise<Consumption>;
  neighbours(tx: Tx, organisationId: string, query: NeighbourQuery): Promise<readonly NeighbourExpense[]>;
  categoryHistory(
    tx: Tx,
    organisationId: string,
    clientId: string,
    categoryCode: string,
    limit: number,
  ): Promise<readonly HistoricalAmount[]>;
}
