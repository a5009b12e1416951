// The markup of section texts, kept tiny so every platform can render it faithfully (Slack mrkdwn, Adaptive Card
// TextBlock markdown, WeCom markdown, console ANSI) and nothing else needs escaping per platform:
//   **bold**     bold; a `**` without a partner on its line is literal text
//   line break   `\n` (or `\r\n`); bold never runs across a line break
//   \* and \\    a literal star and a literal backslash (`escapeMarkup` produces them)
// Everything else is literal, including `_`, `~`, backticks, `<`, `>`, which renderers escape for their platform.

export type MarkupSpan = { readonly text: string; readonly bold: boolean };
/** One array of spans per line. */
export type MarkupLines = readonly (readonly MarkupSpan[])[];

/** User text (names, descriptions, reasons) as literal markup: it can never turn bold by accident. */
export const escapeMarkup = (text: string): string => text.replace(/[\\*]/g, (ch) => `\\${ch}`);

/** `text` in bold, escaped. */
export const bold = (text: string): string => `**${escapeMarkup(text)}**`;

type Token = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'star2' };

const tokenizeLine = (line: string): Token[] => {
  const tokens: Token[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') tokens.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    const next = line.charAt(i + 1);
    if (ch === '\\' && (next === '\\' || next === '*')) {
      text += next;
      i++;
    } else if (ch === '*' && next === '*') {
      flush();
      tokens.push({ kind: 'star2' });
      i++;
    } else {
      text += ch;
    }
  }
  flush();
  return tokens;
};

const spansOf = (tokens: readonly Token[]): MarkupSpan[] => {
  const markers = tokens.filter((token) => token.kind === 'star2').length;
  // An odd marker count leaves the last marker unpaired: it is shown as the two stars that were typed.
  let pairedLeft = markers - (markers % 2);
  let isBold = false;
  const spans: MarkupSpan[] = [];
  const push = (text: string, spanBold: boolean): void => {
    if (text === '') return;
    const last = spans.at(-1);
    if (last !== undefined && last.bold === spanBold)
      spans[spans.length - 1] = { text: last.text + text, bold: spanBold };
    else spans.push({ text, bold: spanBold });
  };
  for (const token of tokens) {
    if (token.kind === 'text') push(token.text, isBold);
    else if (pairedLeft > 0) {
      isBold = !isBold;
      pairedLeft--;
    } else push('**', isBold);
  }
  return spans;
};

export const parseMarkup = (text: string): MarkupLines =>
  text.split(/\r?\n/).map((line) => spansOf(tokenizeLine(line)));

/** The text a reader sees, without markup: for previews, notifications and plain-text platforms. */
export const stripMarkup = (text: string): string =>
  parseMarkup(text)
    .map((line) => line.map((span) => span.text).join(''))
    .join('\n');
