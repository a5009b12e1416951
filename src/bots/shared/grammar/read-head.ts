// Which command a message is: its first word or two, in English or Chinese, or an amount (a log needs no keyword).
import type { Result } from '../../../domain/shared/result.js';
import { ok } from '../../../domain/shared/result.js';
import { closestWord } from './closest-word.js';
import type { CommandKind } from './command.js';
import { type GrammarFailure, refuse } from './grammar-failure.js';
import { COMMAND_WORDS, GROUP_WORDS, PREAMBLE_WORDS } from './keywords.js';
import { ownValue } from './own-value.js';
import { looksLikeAmount, readMention, symbolCurrency } from './read-values.js';
import type { Token } from './tokenize.js';

type Spelling = { readonly kind: CommandKind; readonly words: readonly string[] };

// Longest first, so `budget set` wins over `budget`.
const SPELLINGS: readonly Spelling[] = (
  Object.entries(COMMAND_WORDS) as [CommandKind, (typeof COMMAND_WORDS)[CommandKind]][]
)
  .flatMap(([kind, words]) =>
    [...words.en, ...words.zh].map((spelling) => ({ kind, words: spelling.split(' ') })),
  )
  .sort((a, b) => b.words.length - a.words.length);

const FIRST_WORDS: readonly string[] = [
  ...new Set([...SPELLINGS.map((s) => s.words[0] ?? ''), ...Object.keys(GROUP_WORDS)]),
];

// Chinese heads that can be glued to what follows (`报销45元`, `查看ACME-7K3Q`), longest first.
const GLUABLE: readonly string[] = SPELLINGS.filter(
  (s) => s.words.length === 1 && /^\p{Script=Han}+$/u.test(s.words[0] ?? ''),
)
  .map((s) => s.words[0] ?? '')
  .sort((a, b) => b.length - a.length);

const normalise = (word: string): string => word.normalize('NFKC').toLowerCase();

export type Head = { readonly kind: CommandKind; readonly args: readonly Token[] };

/** The command spelled by the first words, or undefined. Only bare words count. */
export const matchHead = (tokens: readonly Token[]): Head | undefined => {
  for (const spelling of SPELLINGS) {
    const matches = spelling.words.every((word, i) => {
      const token = tokens[i];
      return token?.bare === true && normalise(token.text) === word;
    });
    if (matches) return { kind: spelling.kind, args: tokens.slice(spelling.words.length) };
  }
  return undefined;
};

const startsLikeArgument = /^[\d０-９+\-.@#¥￥$€£A-Za-z<]/u;

const splitGluedHead = (tokens: readonly Token[]): readonly Token[] | undefined => {
  const [first, ...rest] = tokens;
  if (first === undefined || !first.bare) return undefined;
  const head = GLUABLE.find((word) => first.text.startsWith(word));
  if (head === undefined) return undefined;
  const remainder = first.text.slice(head.length);
  if (!startsLikeArgument.test(remainder)) return undefined;
  return [{ text: head, bare: true, head }, { text: remainder, bare: true, head: remainder }, ...rest];
};

/** Drops what the platform leaves in front: a bot mention, `expense`/`/expense`, a stray `:` or `,`. */
export const dropPreamble = (tokens: readonly Token[]): readonly Token[] => {
  let start = 0;
  while (start < tokens.length - 1) {
    const token = tokens[start];
    if (token === undefined || !token.bare) break;
    const word = normalise(token.text);
    const droppable =
      PREAMBLE_WORDS.has(word) || /^[:,，、]+$/u.test(word) || readMention(token.text) !== undefined;
    if (!droppable) break;
    start++;
  }
  const last = tokens[start];
  // `expense` alone means "nothing asked yet", like an empty `/expense`.
  if (start === tokens.length - 1 && last?.bare === true && PREAMBLE_WORDS.has(normalise(last.text)))
    return [];
  return tokens.slice(start);
};

const startsWithAmount = (tokens: readonly Token[]): boolean => {
  const [first, second] = tokens;
  if (first === undefined || !first.bare) return false;
  if (looksLikeAmount(first.text)) return true;
  return (
    second?.bare === true &&
    symbolCurrency(first.text, 'before') !== undefined &&
    looksLikeAmount(second.text)
  );
};

/** The command and its arguments, or why the first words are no command. `tokens` is not empty. */
export const readHead = (tokens: readonly Token[]): Result<Head, GrammarFailure> => {
  if (startsWithAmount(tokens)) return ok({ kind: 'log', args: tokens });
  const head = matchHead(tokens);
  if (head !== undefined) return ok(head);
  const [first, second] = tokens;
  const word = first === undefined ? '' : normalise(first.text);
  const group = first?.bare === true ? ownValue(GROUP_WORDS, word) : undefined;
  if (group !== undefined) {
    return refuse('SUBCOMMAND_INVALID', {
      word: first?.text ?? word,
      next: second?.text ?? null,
      kinds: group.join(','),
    });
  }
  const glued = splitGluedHead(tokens);
  const split = glued === undefined ? undefined : matchHead(glued);
  if (split !== undefined) return ok(split);
  return refuse('UNKNOWN_COMMAND', {
    word: first?.text ?? '',
    suggestion: first?.bare === true ? (closestWord(word, FIRST_WORDS) ?? null) : null,
  });
};
