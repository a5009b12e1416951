// Why a message is not a command. Each refusal carries what was written and which command it was meant for, so
// the message can say what was wrong and show that command's example (i18n/present-failure.ts).
import { type Err, err } from '../../../domain/shared/result.js';
import type { CommandKind } from './command.js';

type Cmd = { readonly command: CommandKind };
type Written = { readonly text: string };
type MaybeWritten = { readonly text: string | null };

/** The details of each refusal. Codes shared with the domain (AMOUNT_*, RATE_*, PERIOD_INVALID…) use its keys. */
export type GrammarFailureDetails = {
  readonly EMPTY: Record<string, never>;
  /** An opening quote (`"`, `“`, `「`, `『`, `＂`) without its closing one; `text` is what followed it. */
  readonly QUOTE_UNCLOSED: { readonly quote: string; readonly text: string };
  /** `suggestion` is the nearest keyword, when one is near. */
  readonly UNKNOWN_COMMAND: { readonly word: string; readonly suggestion: string | null };
  /** `client`, `project`, `admin`, `audit` alone or with an unknown second word; `kinds` lists the choices. */
  readonly SUBCOMMAND_INVALID: {
    readonly word: string;
    readonly next: string | null;
    readonly kinds: string;
  };
  readonly AMOUNT_MISSING: Cmd;
  readonly AMOUNT_INVALID: Cmd & { readonly input: string; readonly suggestion: string | null };
  readonly AMOUNT_DECIMAL_COMMA: Cmd & { readonly input: string; readonly suggestion: string };
  readonly CLIENT_MISSING: Cmd;
  readonly CLIENT_CODE_INVALID: Cmd & Written;
  readonly PROJECT_CODE_INVALID: Cmd & Written;
  readonly PROJECT_MISSING: Cmd;
  /** A project given where only a client makes sense (`close @acme/web …`). */
  readonly PROJECT_NOT_ALLOWED: Cmd & Written;
  readonly CATEGORY_MISSING: Cmd;
  readonly TWO_CLIENTS: Cmd & { readonly first: string; readonly second: string };
  readonly TWO_CATEGORIES: Cmd & { readonly first: string; readonly second: string };
  readonly TWO_CURRENCIES: Cmd & { readonly first: string; readonly second: string };
  readonly TWO_DATES: Cmd & { readonly first: string; readonly second: string };
  readonly DATE_INVALID: Cmd & Written;
  readonly DATE_MISSING: Cmd;
  readonly PERIOD_INVALID: Cmd & Written;
  readonly PERIOD_MISSING: Cmd;
  readonly EXPENSE_ID_MISSING: Cmd;
  readonly EXPENSE_ID_INVALID: Cmd & Written;
  readonly DISPUTE_ID_MISSING: Cmd;
  readonly DISPUTE_ID_INVALID: Cmd & Written;
  /** A reason, comment or answer text the command cannot do without. */
  readonly REASON_MISSING: Cmd;
  readonly FIELD_UNKNOWN: { readonly field: string; readonly suggestion: string | null };
  readonly FIELD_VALUE_MISSING: { readonly field: string };
  readonly FIELD_REPEATED: { readonly field: string };
  readonly PAY_METHOD_INVALID: Written;
  readonly BILLABLE_CONFLICT: Record<string, never>;
  readonly EDIT_NOTHING: { readonly expenseId: string };
  readonly MEMBER_MISSING: Cmd;
  readonly MEMBER_INVALID: Cmd & Written;
  readonly STAGE_INVALID: MaybeWritten;
  readonly ROLE_INVALID: MaybeWritten;
  readonly MARK_INVALID: MaybeWritten;
  readonly EXPORT_FORMAT_INVALID: MaybeWritten;
  readonly AUDIENCE_INVALID: MaybeWritten;
  readonly BUDGET_PERIOD_INVALID: MaybeWritten;
  readonly RECURRENCE_INVALID: MaybeWritten;
  readonly RATE_INVALID: { readonly input: string };
  readonly RATE_NOT_POSITIVE: { readonly input: string };
  readonly RATE_TOO_PRECISE: {
    readonly input: string;
    readonly decimals: number;
    readonly maxDecimals: number;
  };
  readonly CURRENCY_INVALID: Cmd & MaybeWritten;
  readonly TIMEZONE_INVALID: MaybeWritten;
  readonly LOCALE_INVALID: Written;
  readonly URL_INVALID: MaybeWritten;
  readonly CRON_INVALID: Written;
  readonly NAME_MISSING: Cmd;
  readonly MERCHANT_MISSING: Cmd;
  readonly POLICY_SETTING_INVALID: MaybeWritten;
  /** `setting` is the policy setting whose number was wrong (`reminder-hours`, `max-age`…). */
  /** The domain's code and key (admin/policy-patch.ts). */
  readonly POLICY_PERCENT_INVALID: Written;
  readonly NUMBER_INVALID: MaybeWritten & { readonly setting: string };
  /** The domain's code and key (`parseAnchor`): `<position>:<64 hex digits>`. */
  readonly AUDIT_ANCHOR_INVALID: { readonly anchor: string | null };
  readonly LINK_CODE_INVALID: { readonly typed: string };
  readonly HELP_TOPIC_UNKNOWN: Written;
  readonly UNEXPECTED_WORDS: Cmd & { readonly words: string };
};

export type GrammarCode = keyof GrammarFailureDetails;

export type GrammarFailure = {
  readonly [C in GrammarCode]: { readonly code: C; readonly details: GrammarFailureDetails[C] };
}[GrammarCode];

export const refuse = <C extends GrammarCode>(
  code: C,
  details: GrammarFailureDetails[C],
): Err<GrammarFailure> => err({ code, details } as GrammarFailure);
