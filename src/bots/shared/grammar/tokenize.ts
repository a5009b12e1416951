// Splits a message into words the way people write them in chat: whitespace (including the ideographic space)
// separates words, quotes keep text together and literal, and a quote may start inside a word
// (`merchant:"Blue Bottle"`). Chinese input methods type `＠＃：／`; outside quotes they count as `@#:/`.
import type { Result } from '../../../domain/shared/result.js';
import { ok } from '../../../domain/shared/result.js';
import { type GrammarFailure, refuse } from './grammar-failure.js';

export type Token = {
  /** The word with quotes removed and, outside quotes, full-width `＠＃：／` folded. */
  readonly text: string;
  /** No part of it was quoted: only bare words are read as `@client`, `#category`, dates, keywords… */
  readonly bare: boolean;
  /** The part before the first quote (all of `text` when bare); `key:` of a field must be here. */
  readonly head: string;
};

/** Opening quote → its closing quote. */
export const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '"': '"',
  '“': '”',
  '「': '」',
  '『': '』',
  '＂': '＂',
};

const FOLDED: Readonly<Record<string, string>> = { '＠': '@', '＃': '#', '：': ':', '／': '/' };

const WHITESPACE = /\s/u;

type Building = { text: string; head: string; bare: boolean; started: boolean };

export const tokenize = (input: string): Result<readonly Token[], GrammarFailure> => {
  const tokens: Token[] = [];
  const chars = [...input];
  let current: Building = { text: '', head: '', bare: true, started: false };
  const finish = (): void => {
    if (current.started) tokens.push({ text: current.text, bare: current.bare, head: current.head });
    current = { text: '', head: '', bare: true, started: false };
  };
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] ?? '';
    const closer = QUOTE_PAIRS[ch];
    if (closer !== undefined) {
      const end = chars.indexOf(closer, i + 1);
      if (end < 0) {
        const rest = chars
          .slice(i + 1)
          .join('')
          .slice(0, 40);
        return refuse('QUOTE_UNCLOSED', { quote: ch, text: rest });
      }
      current.text += chars.slice(i + 1, end).join('');
      current.bare = false;
      current.started = true;
      i = end + 1;
      continue;
    }
    if (WHITESPACE.test(ch)) {
      finish();
      i++;
      continue;
    }
    const folded = FOLDED[ch] ?? ch;
    current.text += folded;
    if (current.bare) current.head += folded;
    current.started = true;
    i++;
  }
  finish();
  return ok(tokens);
};

/** Characters that change meaning outside quotes: openers start quotes, full-width forms are folded. */
const NEEDS_QUOTES = /[\s"“「『＂＠＃：／]/u;

/** A word that reads back as itself when written bare (no quotes, no folding, no whitespace). */
export const isBareSafe = (text: string): boolean => text !== '' && !NEEDS_QUOTES.test(text);

/**
 * Writes `text` as one fully quoted word that tokenizes back to exactly `text`: plain double quotes when they
 * fit, else another pair whose closer does not occur, else quoted pieces joined inside one word.
 */
export const quoteText = (text: string): string => {
  for (const [open, close] of Object.entries(QUOTE_PAIRS)) {
    if (!text.includes(close)) return `${open}${text}${close}`;
  }
  // Every closer occurs: quote the double quotes one by one with 「」 and the rest with "".
  return text
    .split('"')
    .map((piece) => `"${piece}"`)
    .join('「"」');
};
