// "Did you mean…": the nearest of some known words by edit distance, if it is near enough to be a typo.

// Optimal string alignment: insertions, deletions, substitutions and swaps of neighbours ("lsit") cost one.
const editDistance = (a: readonly string[], b: readonly string[]): number => {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const above = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
};

/**
 * The known word closest to `word`, allowing one edit for short words and two from five characters on, none
 * for a single character (counted in characters, so a Chinese word with one wrong character is one edit away).
 */
export const closestWord = (word: string, known: Iterable<string>): string | undefined => {
  const typed = [...word.toLowerCase()];
  const allowed = typed.length <= 1 ? 0 : typed.length >= 5 ? 2 : 1;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(typed, [...candidate]);
    if (distance === 0) return candidate;
    if (distance <= allowed && (best === undefined || distance < best.distance))
      best = { word: candidate, distance };
  }
  return best?.word;
};
