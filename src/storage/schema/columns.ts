// Column helpers shared by every table, so the conventions live in one place:
// tenants lead every key, money is bigint minor units beside a char(3) currency, time is timestamptz.
import { bigint, char, text, timestamp } from 'drizzle-orm/pg-core';

export const organisationId = () => text().notNull();

/** Integer minor units. `mode: 'number'` is exact up to 2^53; the domain refuses anything above 2^51. */
export const minorUnits = () => bigint({ mode: 'number' });

export const currencyCode = () => char({ length: 3 });

export const createdAt = () => timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const instant = () => timestamp({ withTimezone: true, mode: 'date' });
