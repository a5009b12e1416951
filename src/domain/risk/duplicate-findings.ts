import { daysBetween } from '../periods/calendar-date.js';
import type { Finding } from './finding.js';
import { isLive, type NeighbourExpense, othersThan, type RiskCandidate } from './risk-inputs.js';

const liveOthers = (candidate: RiskCandidate, neighbours: readonly NeighbourExpense[]): NeighbourExpense[] =>
  othersThan(candidate, neighbours).filter(isLive);

const idsOf = (items: readonly NeighbourExpense[]): string => items.map((item) => item.id).join(',');

/** Same person, same client, same amount as entered, within ±`windowDays` days. */
export const checkDuplicateSuspected = (
  candidate: RiskCandidate,
  neighbours: readonly NeighbourExpense[],
  windowDays: number,
): Finding | undefined => {
  const matches = liveOthers(candidate, neighbours).filter(
    (other) =>
      other.submitterId === candidate.submitterId &&
      other.clientId === candidate.clientId &&
      other.amount.amountMinor === candidate.amount.amountMinor &&
      other.amount.currency === candidate.amount.currency &&
      Math.abs(daysBetween(candidate.incurredOn, other.incurredOn)) <= windowDays,
  );
  if (matches.length === 0) return undefined;
  return {
    code: 'DUPLICATE_SUSPECTED',
    severity: 'warn',
    evidence: {
      count: matches.length,
      otherIds: idsOf(matches),
      otherDates: matches.map((m) => m.incurredOn).join(','),
      incurredOn: candidate.incurredOn,
      amountMinor: candidate.amount.amountMinor,
      currency: candidate.amount.currency,
      windowDays,
    },
  };
};

const normaliseHash = (hash: string): string => hash.trim().toLowerCase();

/** The same receipt file on another live expense, whoever logged it and for whichever client. */
export const checkDuplicateReceipt = (
  candidate: RiskCandidate,
  neighbours: readonly NeighbourExpense[],
): Finding | undefined => {
  const own = new Set(candidate.receiptSha256.map(normaliseHash));
  if (own.size === 0) return undefined;
  const hits = liveOthers(candidate, neighbours).flatMap((other) => {
    const hash = other.receiptSha256.map(normaliseHash).find((h) => own.has(h));
    return hash === undefined ? [] : [{ other, hash }];
  });
  const first = hits[0];
  if (first === undefined) return undefined;
  return {
    code: 'DUPLICATE_RECEIPT',
    severity: 'high',
    evidence: { sha256: first.hash, count: hits.length, otherIds: idsOf(hits.map((hit) => hit.other)) },
  };
};

/** 发票号码 compared without spaces and case, after folding full-width digits. */
export const normaliseInvoiceNumber = (text: string): string =>
  text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/** The same Chinese invoice number on another live expense: one 发票 can be claimed once. */
export const checkDuplicateInvoice = (
  candidate: RiskCandidate,
  neighbours: readonly NeighbourExpense[],
): Finding | undefined => {
  const invoice = normaliseInvoiceNumber(candidate.invoiceNumber ?? '');
  if (invoice === '') return undefined;
  const matches = liveOthers(candidate, neighbours).filter(
    (other) => other.invoiceNumber !== undefined && normaliseInvoiceNumber(other.invoiceNumber) === invoice,
  );
  if (matches.length === 0) return undefined;
  return {
    code: 'DUPLICATE_INVOICE',
    severity: 'high',
    evidence: { invoiceNumber: invoice, count: matches.length, otherIds: idsOf(matches) },
  };
};
