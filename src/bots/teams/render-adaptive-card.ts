// The neutral Card as an Adaptive Card 1.5 for Teams. Buttons are Universal Actions (`Action.Execute`), so a click
// arrives as an `adaptiveCard/action` invoke whose verb is the card's opaque action id and whose answer replaces the
// card for the clicker. A button that needs a form (a reason, an amount) opens it with `Action.ShowCard`; each
// form's inputs carry the button's index in their ids, because Teams sends every input on the card with a click.
import { type Card, type CardAction, type CardTone, fitCard } from '../../domain/messaging/card.js';
import { parseMarkup } from '../../domain/messaging/card-markup.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type AdaptiveElement = Readonly<Record<string, unknown>>;

export type AdaptiveCard = {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly AdaptiveElement[];
  readonly actions: readonly AdaptiveElement[];
  readonly msteams: { readonly width: 'Full' };
};

/** What an `Action.Execute` carries besides the inputs: which input ids belong to this button. */
export type OutlayActionData = {
  readonly outlayAction: string;
  readonly reasonInput?: string;
  readonly amountInput?: string;
};

const REASON_MAX = 500;

const TONE_COLOR: Readonly<Record<CardTone, string>> = {
  info: 'Accent',
  success: 'Good',
  warning: 'Warning',
  danger: 'Attention',
};

const TONE_STYLE: Readonly<Record<CardTone, string>> = {
  info: 'emphasis',
  success: 'good',
  warning: 'warning',
  danger: 'attention',
};

// TextBlocks read markdown; user text must stay literal, so every character markdown could take is escaped.
const MARKDOWN_SPECIAL = /[\\`*_~[\]()#>!|<&]/g;
const BULLET_START = /^(\s*)([-+])(\s)/;
const NUMBER_START = /^(\s*\d+)\.(\s)/;

/** Plain text as literal TextBlock markdown. */
export const escapeAdaptiveText = (text: string): string =>
  text
    .replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`)
    .replace(BULLET_START, '$1\\$2$3')
    .replace(NUMBER_START, '$1\\.$2');

const textBlock = (text: string, extra: Record<string, unknown> = {}): AdaptiveElement => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

/** One TextBlock per markup line: line breaks survive every Teams client the same way. */
const markupBlocks = (markup: string): AdaptiveElement[] =>
  parseMarkup(markup).map((line, index) =>
    textBlock(
      line
        .map((span) => (span.bold ? `**${escapeAdaptiveText(span.text)}**` : escapeAdaptiveText(span.text)))
        .join('') || ' ',
      index === 0 ? {} : { spacing: 'None' },
    ),
  );

const buttonStyle = (action: CardAction): Record<string, unknown> =>
  action.style === 'primary'
    ? { style: 'positive' }
    : action.style === 'danger'
      ? { style: 'destructive' }
      : {};

const reasonInputId = (index: number): string => `reason-${index}`;
const amountInputId = (index: number): string => `amount-${index}`;

const formInputs = (action: CardAction, index: number): AdaptiveElement[] => {
  const input = action.input;
  if (input === undefined) return [];
  if (input.kind === 'reason') {
    return [
      {
        type: 'Input.Text',
        id: reasonInputId(index),
        label: input.label,
        isMultiline: true,
        maxLength: REASON_MAX,
        isRequired: input.required,
        ...(input.placeholder === undefined ? {} : { placeholder: input.placeholder }),
      },
    ];
  }
  return [
    {
      type: 'Input.Text',
      id: amountInputId(index),
      label: `${input.label} (${input.currency})`,
      isRequired: input.required,
      ...(input.placeholder === undefined ? {} : { placeholder: input.placeholder }),
    },
    ...(input.reason === undefined
      ? []
      : [
          {
            type: 'Input.Text',
            id: reasonInputId(index),
            label: input.reason.label,
            isMultiline: true,
            maxLength: REASON_MAX,
            isRequired: input.reason.required,
            ...(input.reason.placeholder === undefined ? {} : { placeholder: input.reason.placeholder }),
          },
        ]),
  ];
};

const actionData = (action: CardAction, index: number): OutlayActionData => {
  const input = action.input;
  return {
    outlayAction: action.id,
    ...(input === undefined ? {} : { reasonInput: reasonInputId(index) }),
    ...(input?.kind === 'amount' ? { amountInput: amountInputId(index) } : {}),
  };
};

const execute = (action: CardAction, index: number): AdaptiveElement => ({
  type: 'Action.Execute',
  title: action.label,
  verb: action.id,
  data: actionData(action, index),
  ...buttonStyle(action),
});

const renderAction = (action: CardAction, index: number): AdaptiveElement =>
  action.input === undefined
    ? execute(action, index)
    : {
        type: 'Action.ShowCard',
        title: action.label,
        card: {
          type: 'AdaptiveCard',
          body: formInputs(action, index),
          actions: [execute(action, index)],
        },
      };

/** The card as Teams shows it; long texts are cut to the neutral limits first. */
export function renderAdaptiveCard(neutral: Card): AdaptiveCard {
  const card = fitCard(neutral);
  const body: AdaptiveElement[] = [
    textBlock(escapeAdaptiveText(card.title), {
      size: 'Medium',
      weight: 'Bolder',
      style: 'heading',
      ...(card.accent === undefined ? {} : { color: TONE_COLOR[card.accent] }),
    }),
  ];
  if (card.subtitle !== undefined) {
    body.push(textBlock(escapeAdaptiveText(card.subtitle), { isSubtle: true, spacing: 'None' }));
  }
  if (card.fields.length > 0) {
    body.push({
      type: 'FactSet',
      facts: card.fields.map((field) => ({
        title: escapeAdaptiveText(field.label),
        value: escapeAdaptiveText(field.value),
      })),
    });
  }
  for (const section of card.sections) {
    body.push({
      type: 'Container',
      ...(section.tone === undefined ? {} : { style: TONE_STYLE[section.tone] }),
      items: [
        ...(section.heading === undefined
          ? []
          : [textBlock(escapeAdaptiveText(section.heading), { weight: 'Bolder' })]),
        ...markupBlocks(section.text),
      ],
    });
  }
  for (const image of card.images) {
    body.push({ type: 'Image', url: image.url, altText: image.alt, size: 'Large' });
  }
  if (card.resolved !== undefined) {
    body.push(textBlock(`**${escapeAdaptiveText(card.resolved.text)}**`, { color: 'Good', separator: true }));
  }
  if (card.footer !== undefined) {
    body.push(textBlock(escapeAdaptiveText(card.footer), { isSubtle: true, size: 'Small' }));
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions: [
      ...(card.resolved === undefined ? card.actions.map(renderAction) : []),
      ...(card.links ?? []).map((link) => ({ type: 'Action.OpenUrl', title: link.label, url: link.url })),
    ],
    msteams: { width: 'Full' },
  };
}

/** An attachment carrying the card, for a message activity. */
export const adaptiveCardAttachment = (card: Card) => ({
  contentType: ADAPTIVE_CARD_CONTENT_TYPE,
  content: renderAdaptiveCard(card),
});

const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The action id and form values of a click: an `Action.Execute` (verb + data) or an `Action.Submit` fallback. */
export function readCardClick(
  verb: unknown,
  data: unknown,
): { readonly actionId: string; readonly input?: { reason?: string; amount?: string } } | undefined {
  const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const actionId = textOf(verb) ?? textOf(fields.outlayAction);
  if (actionId === undefined) return undefined;
  const reasonKey = textOf(fields.reasonInput);
  const amountKey = textOf(fields.amountInput);
  const reason = reasonKey === undefined ? undefined : textOf(fields[reasonKey]);
  const amount = amountKey === undefined ? undefined : textOf(fields[amountKey]);
  if (reason === undefined && amount === undefined) return { actionId };
  return {
    actionId,
    input: { ...(reason === undefined ? {} : { reason }), ...(amount === undefined ? {} : { amount }) },
  };
}
