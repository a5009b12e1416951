// Chinese input methods produce full-width forms (１２．５, ￥, Ｕ Ｓ Ｄ, －); money text is read in ASCII.
// Deliberately not NFKC: that would also turn "12²" into "122".
const SPECIALS: Readonly<Record<string, string>> = {
  '\uFFE5': '¥', // ￥ FULLWIDTH YEN SIGN
  '\uFFE1': '£', // ￡ FULLWIDTH POUND SIGN
  '\uFFE6': '₩', // ￦ FULLWIDTH WON SIGN
  '\u2212': '-', // − MINUS SIGN
  '\u3000': ' ', // ideographic space
};

export const toHalfWidth = (text: string): string =>
  text.replace(/[\uFF01-\uFF5E\uFFE5\uFFE1\uFFE6\u2212\u3000]/g, (ch) => {
    const special = SPECIALS[ch];
    return special ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  });
