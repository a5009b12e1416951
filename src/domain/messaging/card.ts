// The platform-neutral message Outlay sends. Builders in this folder produce Cards; each bot renders one to
// Block Kit, an Adaptive Card, a WeCom template card or console text. Only `sections[].text` carries markup
// (see card-markup.ts); every other string is plain text and is shown as written.
import type { CurrencyCode } from '../money/money.js';

export type CardTone = 'info' | 'warning' | 'danger' | 'success';

export type CardField = {
  readonly label: string;
  readonly value: string;
  /** Short enough to sit beside another short field (two columns where the platform has them). */
  readonly short?: boolean;
};

export type CardSection = {
  readonly heading?: string;
  /** Markup: `**bold**` and line breaks only; escape user text with `escapeMarkup`. */
  readonly text: string;
  readonly tone?: CardTone;
};

export type CardImage = { readonly url: string; readonly alt: string };

/** A link the reader opens outside the chat (a report's CSV, XLSX or chart); plain text label, absolute URL. */
export type CardLink = { readonly label: string; readonly url: string };

/**
 * Common reasons offered for one click where a platform has a picker (a WeCom card's drop-down), in the card's
 * language; `other` is the choice that means "I will type it", and is what the picker starts on.
 */
export type CardReasonPresets = { readonly options: readonly string[]; readonly other: string };

export type CardReasonInput = {
  readonly kind: 'reason';
  readonly label: string;
  readonly placeholder?: string;
  readonly required: boolean;
  readonly presets?: CardReasonPresets;
};

/** An amount typed in `currency`; `reason` asks for the comment that goes with it (a partial approval's why). */
export type CardAmountInput = {
  readonly kind: 'amount';
  readonly label: string;
  readonly placeholder?: string;
  readonly required: boolean;
  readonly currency: CurrencyCode;
  readonly reason?: {
    readonly label: string;
    readonly placeholder?: string;
    readonly required: boolean;
  };
};

export type CardInput = CardReasonInput | CardAmountInput;

/**
 * A button. `id` is opaque to renderers and comes back verbatim with the click (see action-id.ts). A button with
 * an `input` needs a form: platforms without forms ask for a reason in the next message (docs/product-rules.md §10)
 * and leave out amount buttons.
 */
export type CardAction = {
  readonly id: string;
  readonly label: string;
  readonly style: 'primary' | 'danger' | 'default';
  readonly input?: CardInput;
};

/** What a decided card says instead of its buttons, e.g. "Approved by Alice · stage 1 of 2 · 14:02". */
export type CardResolution = {
  readonly text: string;
  /** The instant of the decision, ISO 8601. */
  readonly at: string;
};

export type Card = {
  readonly title: string;
  readonly subtitle?: string;
  readonly accent?: CardTone;
  readonly fields: readonly CardField[];
  readonly sections: readonly CardSection[];
  readonly images: readonly CardImage[];
  readonly actions: readonly CardAction[];
  /** Absent on most cards; renderers show each as a link (Slack mrkdwn, Teams Action.OpenUrl, markdown, anchors). */
  readonly links?: readonly CardLink[];
  readonly resolved?: CardResolution;
  readonly footer?: string;
};

const TONE_RANK: Readonly<Record<CardTone, number>> = { success: 0, info: 1, warning: 2, danger: 3 };

/** The most alarming of some tones (danger > warning > info > success), `info` when there are none. */
export const worstTone = (tones: readonly (CardTone | undefined)[]): CardTone =>
  tones.reduce<CardTone>(
    (worst, tone) => (tone !== undefined && TONE_RANK[tone] > TONE_RANK[worst] ? tone : worst),
    'info',
  );

/** Every copy of a decided card shows the outcome and no buttons, so nobody can click a settled question. */
export const resolveCard = (card: Card, text: string, at: string, accent?: CardTone): Card => ({
  ...card,
  ...(accent === undefined ? {} : { accent }),
  actions: [],
  resolved: { text, at },
});

/**
 * Neutral caps that keep cards readable and inside every platform's text limits (Slack: header 150, field 2 000,
 * section 3 000, button 75 characters; WeCom: ≤ 6 buttons). Counts are not a platform's per-block maximum:
 * renderers split fields into blocks of their own size (Slack 10 per section, WeCom 6 rows) and cut tighter slots.
 */
export const CARD_LIMITS = {
  title: 150,
  subtitle: 150,
  fieldLabel: 50,
  fieldValue: 1_000,
  fields: 16,
  sectionHeading: 150,
  sectionText: 2_900,
  sections: 12,
  actionLabel: 75,
  actions: 5,
  linkLabel: 75,
  links: 5,
  footer: 300,
  resolvedText: 300,
} as const;

export type CardLimits = { readonly [K in keyof typeof CARD_LIMITS]: number };

const ELLIPSIS = '…';

/**
 * At most `max` characters (code points, so a surrogate pair is never split), ending in "…" when cut.
 * Throws on a `max` below 1: a limit of nothing is a bug.
 */
export const truncateText = (text: string, max: number): string => {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`A text limit must be ≥ 1, not ${max}`);
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max - 1).join('')}${ELLIPSIS}`;
};

/** The number of characters `truncateText` counts. */
export const textLength = (text: string): number => Array.from(text).length;

/**
 * The card cut to `limits`: long texts end in "…", fields and sections beyond the count are dropped. Actions are
 * never cut (their ids must stay intact); a builder that adds more than `limits.actions` is wrong, so this throws.
 */
export const fitCard = (card: Card, limits: CardLimits = CARD_LIMITS): Card => {
  if (card.actions.length > limits.actions) {
    throw new RangeError(`A card carries at most ${limits.actions} actions, not ${card.actions.length}`);
  }
  return {
    ...card,
    title: truncateText(card.title, limits.title),
    ...(card.subtitle === undefined ? {} : { subtitle: truncateText(card.subtitle, limits.subtitle) }),
    fields: card.fields.slice(0, limits.fields).map((field) => ({
      ...field,
      label: truncateText(field.label, limits.fieldLabel),
      value: truncateText(field.value, limits.fieldValue),
    })),
    sections: card.sections.slice(0, limits.sections).map((section) => ({
      ...section,
      ...(section.heading === undefined
        ? {}
        : { heading: truncateText(section.heading, limits.sectionHeading) }),
      text: truncateText(section.text, limits.sectionText),
    })),
    actions: card.actions.map((action) => ({
      ...action,
      label: truncateText(action.label, limits.actionLabel),
    })),
    ...(card.links === undefined
      ? {}
      : {
          links: card.links
            .slice(0, limits.links)
            .map((link) => ({ ...link, label: truncateText(link.label, limits.linkLabel) })),
        }),
    ...(card.resolved === undefined
      ? {}
      : { resolved: { ...card.resolved, text: truncateText(card.resolved.text, limits.resolvedText) } }),
    ...(card.footer === undefined ? {} : { footer: truncateText(card.footer, limits.footer) }),
  };
};
