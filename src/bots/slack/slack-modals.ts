// The forms behind buttons that need more than a click: a reason (Reject, Needs details) or an amount with its
// comment (Approve a different amount). The modal remembers which button opened it and where to answer.
import type { types } from '@slack/bolt';
import type { CardInput } from '../../domain/messaging/card.js';
import { truncateText } from '../../domain/messaging/card.js';

export const DECISION_CALLBACK_ID = 'outlay-decision';
const REASON_BLOCK = 'reason';
const AMOUNT_BLOCK = 'amount';
const INPUT_ACTION = 'value';

export type DecisionModalMetadata = {
  /** The card action id the submission completes. */
  readonly id: string;
  readonly teamId: string;
  readonly channelId: string;
  /** Where the answer goes: the response_url of the click that opened the modal. */
  readonly responseUrl?: string;
};

const isChinese = (text: string): boolean => /[\u3400-\u9fff]/.test(text);

const plain = (text: string, max: number): types.PlainTextElement => ({
  type: 'plain_text',
  text: truncateText(text, max),
  emoji: true,
});

const textInput = (
  blockId: string,
  label: string,
  required: boolean,
  placeholder: string | undefined,
  multiline: boolean,
): types.InputBlock => ({
  type: 'input',
  block_id: blockId,
  optional: !required,
  label: plain(label, 2_000),
  element: {
    type: 'plain_text_input',
    action_id: INPUT_ACTION,
    multiline,
    ...(placeholder === undefined ? {} : { placeholder: plain(placeholder, 150) }),
  },
});

export function decisionModal(title: string, input: CardInput, metadata: DecisionModalMetadata): types.View {
  const blocks: types.KnownBlock[] =
    input.kind === 'reason'
      ? [textInput(REASON_BLOCK, input.label, input.required, input.placeholder, true)]
      : [
          textInput(
            AMOUNT_BLOCK,
            `${input.label} (${input.currency})`,
            input.required,
            input.placeholder,
            false,
          ),
          ...(input.reason === undefined
            ? []
            : [
                textInput(
                  REASON_BLOCK,
                  input.reason.label,
                  input.reason.required,
                  input.reason.placeholder,
                  true,
                ),
              ]),
        ];
  return {
    type: 'modal',
    callback_id: DECISION_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: plain(title, 24),
    submit: plain(title, 24),
    close: plain(isChinese(`${title}${input.label}`) ? '取消' : 'Cancel', 24),
    blocks,
  };
}

export function readDecisionMetadata(text: unknown): DecisionModalMetadata | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<DecisionModalMetadata>;
    if (
      typeof parsed.id !== 'string' ||
      typeof parsed.teamId !== 'string' ||
      typeof parsed.channelId !== 'string'
    )
      return undefined;
    return {
      id: parsed.id,
      teamId: parsed.teamId,
      channelId: parsed.channelId,
      ...(typeof parsed.responseUrl === 'string' ? { responseUrl: parsed.responseUrl } : {}),
    };
  } catch {
    return undefined;
  }
}

type ViewState = { readonly values: Record<string, Record<string, { readonly value?: string | null }>> };

/** What the form collected, trimmed; absent fields are left out. */
export function readDecisionInput(state: ViewState): { reason?: string; amount?: string } {
  const read = (block: string) => state.values[block]?.[INPUT_ACTION]?.value?.trim() || undefined;
  const reason = read(REASON_BLOCK);
  const amount = read(AMOUNT_BLOCK);
  return { ...(reason === undefined ? {} : { reason }), ...(amount === undefined ? {} : { amount }) };
}
