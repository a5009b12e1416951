import type { CurrencyCode, Money } from '../money/money.js';
import type { IsoDate } from '../periods/calendar-date.js';

/** The expense being logged or edited, as the checks need it. */
export type RiskCandidate = {
  /** Absent while logging; present on edit so the expense is not compared with itself. */
  readonly id?: string | undefined;
  readonly submitterId: string;
  readonly clientId: string;
  readonly categoryCode: string;
  /** As entered. */
  readonly amount: Money;
  /** Minor-unit digits of `amount.currency` (2 for CNY, 0 for JPY), for the round-number flag. */
  readonly amountExponent: number;
  readonly clientAmountMinor: number;
  readonly clientCurrency: CurrencyCode;
  /** Incurred date in the client's time zone. */
  readonly incurredOn: IsoDate;
  /** Lower-case hex SHA-256 of each attached receipt. */
  readonly receiptSha256: readonly string[];
  /** 发票号码 of a Chinese invoice. */
  readonly invoiceNumber?: string | undefined;
  /** The submitter's declared reason for having no receipt. */
  readonly missingReceiptReason?: string | undefined;
};

export type NeighbourStatus = 'pending' | 'approved' | 'returned' | 'rejected' | 'withdrawn' | 'voided';

/**
 * An existing expense the caller found near the candidate: same client within a few days, same receipt hash or
 * same invoice number.
 */
export type NeighbourExpense = {
  readonly id: string;
  readonly submitterId: string;
  readonly clientId: string;
  readonly categoryCode: string;
  readonly amount: Money;
  readonly clientAmountMinor: number;
  readonly incurredOn: IsoDate;
  readonly receiptSha256: readonly string[];
  readonly invoiceNumber?: string | undefined;
  readonly status: NeighbourStatus;
};

/** A past expense of the client in the candidate's category, for the unusual-amount check. */
export type HistoricalAmount = {
  readonly id?: string | undefined;
  readonly clientId: string;
  readonly categoryCode: string;
  readonly clientAmountMinor: number;
};

/** Rejected, withdrawn and voided items no longer count: re-logging one of them is not a duplicate. */
export const isLive = (neighbour: NeighbourExpense): boolean =>
  neighbour.status === 'pending' || neighbour.status === 'approved' || neighbour.status === 'returned';

export const othersThan = <T extends { readonly id?: string | undefined }>(
  candidate: RiskCandidate,
  items: readonly T[],
): T[] => items.filter((item) => candidate.id === undefined || item.id !== candidate.id);
