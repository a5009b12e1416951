import { describe, expect, it } from 'vitest';
import { formatAnchor, parseAnchor } from '../../../../src/domain/audit/audit-anchor.js';

const HASH = 'ab'.repeat(32);

describe('parseAnchor', () => {
  it('reads <position>:<hash>', () => {
    expect(parseAnchor(`1042:${HASH}`)).toEqual({ ok: true, value: { position: 1042, hash: HASH } });
  });

  it('accepts an upper-case hash and surrounding spaces, and normalises to lower case', () => {
    expect(parseAnchor(`  7:${HASH.toUpperCase()} `)).toEqual({
      ok: true,
      value: { position: 7, hash: HASH },
    });
  });

  it('round-trips with formatAnchor', () => {
    const anchor = { position: 3, hash: HASH };
    expect(parseAnchor(formatAnchor(anchor))).toEqual({ ok: true, value: anchor });
    expect(formatAnchor(anchor)).toBe(`3:${HASH}`);
  });

  it.each([
    ['', 'empty'],
    [HASH, 'no position'],
    ['12:', 'no hash'],
    [`0:${HASH}`, 'position 0'],
    [`-1:${HASH}`, 'negative'],
    [`1.5:${HASH}`, 'fraction'],
    [`99999999999999999:${HASH}`, 'beyond a safe integer'],
    [`12:${HASH.slice(1)}`, 'short hash'],
    [`12:${HASH}0`, 'long hash'],
    [`12:${'g'.repeat(64)}`, 'not hex'],
    [`12 ${HASH}`, 'wrong separator'],
  ])('refuses %j (%s)', (text) => {
    const result = parseAnchor(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('AUDIT_ANCHOR_INVALID');
  });
});
