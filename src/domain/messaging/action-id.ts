// A button's id says everything the click means, so a click needs no server-side session to be understood:
// `exp:approve:ACME-7K3Q:v3:s1` is "approve stage 1 of ACME-7K3Q as it was at version 3". The version lets a
// click on a card that was edited since be refused; the stage lets a click on a card of an earlier stage be
// refused. The id comes back from the platform verbatim, so decoding is strict and never throws.
import { MAX_STAGES } from '../approvals/approval-stage.js';
import { parseExpenseId } from '../expenses/expense-id.js';

export const EXPENSE_ACTION_KINDS = ['approve', 'reject', 'return', 'approve-amount'] as const;
export type ExpenseActionKind = (typeof EXPENSE_ACTION_KINDS)[number];

export type ExpenseAction = {
  readonly kind: ExpenseActionKind;
  readonly expenseId: string;
  readonly version: number;
  readonly stage: number;
};

/** The tightest button-id budget we promise renderers (Slack allows 255, WeCom 1 024 bytes). */
export const MAX_ACTION_ID_LENGTH = 64;

const PREFIX = 'exp';

// `amount` rather than `approve-amount` on the wire: the six characters keep the longest expense ids inside 64.
const WIRE_VERB: Readonly<Record<ExpenseActionKind, string>> = {
  approve: 'approve',
  reject: 'reject',
  return: 'return',
  'approve-amount': 'amount',
};

const KIND_OF_VERB: ReadonlyMap<string, ExpenseActionKind> = new Map(
  EXPENSE_ACTION_KINDS.map((kind) => [WIRE_VERB[kind], kind]),
);

const isCanonicalExpenseId = (text: string): boolean => parseExpenseId(text)?.id === text;

const isVersion = (n: number): boolean => Number.isSafeInteger(n) && n >= 1;
const isStage = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= MAX_STAGES;

/** Throws on an action no card should carry: a non-canonical id, a version below 1, a stage outside 1..4. */
export const encodeActionId = (action: ExpenseAction): string => {
  if (!isCanonicalExpenseId(action.expenseId))
    throw new RangeError(`Not a canonical expense id: ${JSON.stringify(action.expenseId)}`);
  if (!isVersion(action.version)) throw new RangeError(`Not an expense version: ${action.version}`);
  if (!isStage(action.stage)) throw new RangeError(`Not an approval stage: ${action.stage}`);
  const id = `${PREFIX}:${WIRE_VERB[action.kind]}:${action.expenseId}:v${action.version}:s${action.stage}`;
  if (id.length > MAX_ACTION_ID_LENGTH)
    throw new RangeError(`Action id longer than ${MAX_ACTION_ID_LENGTH}: ${id}`);
  return id;
};

const SHAPE = /^exp:([a-z]+):([A-Z0-9-]+):v([1-9][0-9]{0,15}):s([1-9])$/;

/** The action a button id stands for, or undefined for anything else (another kind of button, garbage, tampering). */
export const decodeActionId = (id: unknown): ExpenseAction | undefined => {
  if (typeof id !== 'string' || id.length > MAX_ACTION_ID_LENGTH) return undefined;
  const match = SHAPE.exec(id);
  if (match === null) return undefined;
  const [, verb = '', expenseId = '', versionText = '', stageText = ''] = match;
  const kind = KIND_OF_VERB.get(verb);
  const version = Number(versionText);
  const stage = Number(stageText);
  if (kind === undefined || !isCanonicalExpenseId(expenseId) || !isVersion(version) || !isStage(stage)) {
    return undefined;
  }
  return { kind, expenseId, version, stage };
};

/** Whether a button id belongs to the expense actions (the prefix is enough to route a click). */
export const isExpenseActionId = (id: unknown): boolean =>
  typeof id === 'string' && id.startsWith(`${PREFIX}:`);
