// The README's security section quotes what the attack tests measured. Each test counts its attempts and outcomes
// and checks them against its row here, so the figures a reader sees are the ones the suite ran — a new attack case
// fails its test until the README says so too.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));

export type SecurityFigures = Readonly<Record<string, number>>;

/** The numeric cells of the README security table row named `family`, keyed by the table's column headings. */
export function readmeSecurityFigures(family: string): SecurityFigures {
  const text = readFileSync(README, 'utf8');
  const section = text.split(/^## /m).find((part) => part.startsWith('Security'));
  if (section === undefined) throw new Error('README.md has no "## Security" section');
  const tables = section.split(/\n\s*\n/).filter((block) => block.trimStart().startsWith('|'));
  for (const table of tables) {
    const [head, , ...rows] = table.trim().split('\n');
    const headings = cellsOf(head ?? '');
    for (const row of rows) {
      const cells = cellsOf(row);
      if (cells[0] !== family) continue;
      const figures: Record<string, number> = {};
      headings.forEach((heading, i) => {
        const cell = cells[i] ?? '';
        if (i > 0 && /^\d+$/.test(cell)) figures[heading] = Number(cell);
      });
      return figures;
    }
  }
  throw new Error(`README.md security section has no row "${family}"`);
}

/** Fails unless the README row for `family` shows exactly the figures measured. */
export function expectReadmeFigures(family: string, measured: SecurityFigures): void {
  expect({ family, ...readmeSecurityFigures(family) }).toEqual({ family, ...measured });
}

const cellsOf = (row: string): string[] =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim().replace(/^`|`$/g, ''));
