import { describe, expect, it } from 'vitest';
import type { DateSpec } from '../../../../../src/bots/shared/grammar/index.js';
import { parseCommand, resolveDateSpec } from '../../../../../src/bots/shared/grammar/index.js';

// Monday 2 March 2026.
const TODAY = '2026-03-02';

const specOf = (word: string): DateSpec => {
  const result = parseCommand(`1 @acme #meals ${word}`);
  if (!result.ok || result.value.kind !== 'log' || result.value.date === undefined) throw new Error(word);
  return result.value.date;
};

describe('resolveDateSpec', () => {
  it.each([
    ['2026-02-14', '2026-02-14', '2026-02-14'],
    ['today', '2026-03-02', '2026-03-02'],
    ['yesterday', '2026-03-01', '2026-03-01'],
    ['前天', '2026-02-28', '2026-02-28'],
    ['mon', '2026-03-02', '2026-03-02'],
    ['fri', '2026-02-27', '2026-03-06'],
    ['周日', '2026-03-01', '2026-03-08'],
    ['3/2', '2026-03-02', '2026-03-02'],
    ['12/24', '2025-12-24', '2026-12-24'],
    ['3/20', '2025-03-20', '2026-03-20'],
  ])('%s looks back to %s and forward to %s', (word, past, future) => {
    const spec = specOf(word);
    expect(resolveDateSpec(spec, TODAY, 'past')).toStrictEqual({ ok: true, value: past });
    expect(resolveDateSpec(spec, TODAY, 'future')).toStrictEqual({ ok: true, value: future });
  });

  it('refuses a 29 February with no leap day in reach', () => {
    const spec = specOf('2/29');
    expect(resolveDateSpec(spec, TODAY)).toStrictEqual({
      ok: false,
      error: { code: 'DATE_INVALID', details: { input: '2/29' } },
    });
    expect(resolveDateSpec(spec, TODAY, 'future')).toStrictEqual({
      ok: false,
      error: { code: 'DATE_INVALID', details: { input: '2/29' } },
    });
    expect(resolveDateSpec(spec, '2024-03-10')).toStrictEqual({ ok: true, value: '2024-02-29' });
    expect(resolveDateSpec(spec, '2027-12-01', 'future')).toStrictEqual({ ok: true, value: '2028-02-29' });
  });
});
