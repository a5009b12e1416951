// A binding's report schedule (docs/product-rules.md §6): `weekly`, `monthly`, or five cron fields in the client's
// time zone. Only the shape is checked here; the scheduler is what runs it.
import { type Failure, fail, ok, type Result } from '../shared/result.js';

export type ReportScheduleInput =
  | { readonly kind: 'weekly' }
  | { readonly kind: 'monthly' }
  | { readonly kind: 'cron'; readonly expression: string };

export type ScheduleInvalid = Failure<'SCHEDULE_INVALID'>;

type FieldRule = {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const FIELDS: readonly FieldRule[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  // 0 and 7 are both Sunday, as in every cron.
  { name: 'day of week', min: 0, max: 7, names: WEEKDAYS },
];

const fieldValue = (text: string, rule: FieldRule): number | undefined => {
  if (/^\d{1,2}$/.test(text)) {
    const n = Number(text);
    return n >= rule.min && n <= rule.max ? n : undefined;
  }
  const named = rule.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named < 0) return undefined;
  return rule.names === MONTHS ? named + 1 : named;
};

const itemFits = (item: string, rule: FieldRule): boolean => {
  const [range = '', step, ...extra] = item.split('/');
  if (extra.length > 0) return false;
  if (step !== undefined && !(/^\d{1,2}$/.test(step) && Number(step) >= 1)) return false;
  if (range === '*') return true;
  const [from = '', to, ...more] = range.split('-');
  if (more.length > 0) return false;
  const low = fieldValue(from, rule);
  if (low === undefined) return false;
  if (to === undefined) return true;
  const high = fieldValue(to, rule);
  return high !== undefined && high >= low;
};

/** Five fields — minute, hour, day of month, month, day of week — each `*`, numbers, ranges, lists and steps. */
export const checkCronExpression = (expression: string): Result<string, ScheduleInvalid> => {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== FIELDS.length) {
    return fail('SCHEDULE_INVALID', { expression, problem: 'fields', expected: 5, found: fields.length });
  }
  for (const [i, rule] of FIELDS.entries()) {
    const field = fields[i] ?? '';
    if (!field.split(',').every((item) => itemFits(item, rule))) {
      return fail('SCHEDULE_INVALID', { expression, problem: 'field', field: rule.name, text: field });
    }
  }
  return ok(fields.join(' '));
};

/** The text stored on the binding: `weekly`, `monthly` or the normalised cron expression. */
export const storedSchedule = (schedule: ReportScheduleInput): Result<string, ScheduleInvalid> =>
  schedule.kind === 'cron' ? checkCronExpression(schedule.expression) : ok(schedule.kind);
