import { Temporal } from 'temporal-polyfill';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * An instant typed by an operator (`outlay job --at`): date, time and an explicit UTC offset or `Z`, so it never
 * depends on the machine's time zone. Impossible dates (30 February) are refused, not rolled over.
 */
export function parseIsoInstant(text: string): Date | undefined {
  if (!ISO_INSTANT.test(text.trim())) return undefined;
  try {
    return new Date(Temporal.Instant.from(text.trim()).epochMilliseconds);
  } catch {
    return undefined;
  }
}
