// Invariants of expense details. The command parser and use cases refuse bad input with a message first,
// so reaching here with a broken expense is a programming error and throws.
import { isSafeMinor, type Money } from '../money/money.js';
import { toPlainDate } from './closed-period.js';
import { type ExpenseDetails, PAYMENT_METHODS } from './expense.js';

const DECIMAL_RATE = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

const assertPositive = (label: string, money: Money): void => {
  if (!isSafeMinor(money.amountMinor) || money.amountMinor <= 0) {
    throw new RangeError(`${label} must be a positive whole number of minor units, not ${money.amountMinor}`);
  }
};

export const assertValidDetails = (details: ExpenseDetails): void => {
  assertPositive('original', details.original);
  assertPositive('clientAmount', details.clientAmount);
  toPlainDate(details.incurredOn);
  if (!PAYMENT_METHODS.includes(details.paymentMethod)) {
    throw new RangeError(`Unknown payment method ${JSON.stringify(details.paymentMethod)}`);
  }
  if (details.original.currency === details.clientAmount.currency) {
    if (details.original.amountMinor !== details.clientAmount.amountMinor) {
      throw new RangeError('Same currency, different amounts: original and clientAmount must agree');
    }
    return;
  }
  if (details.rate === undefined || details.rateDate === undefined) {
    throw new RangeError(`A conversion from ${details.original.currency} needs its rate and rate date`);
  }
  if (!DECIMAL_RATE.test(details.rate))
    throw new RangeError(`Not a decimal rate: ${JSON.stringify(details.rate)}`);
  toPlainDate(details.rateDate);
};
