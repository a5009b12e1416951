// Pure rules: what the receipt stores admit, decided by the file's own bytes.
import { describe, expect, it } from 'vitest';
import {
  checkReceiptBytes,
  detectReceiptType,
  MAX_RECEIPT_BYTES,
} from '../../../src/domain/ports/receipt-store.port.js';
import { isoBmffBytes, jpegBytes, pdfBytes, pngBytes } from '../../support/receipt-fixtures.js';

describe('detectReceiptType', () => {
  it.each([
    ['image/jpeg', jpegBytes()],
    ['image/png', pngBytes()],
    ['application/pdf', pdfBytes()],
  ])('recognises %s', (type, bytes) => {
    expect(detectReceiptType(bytes)).toBe(type);
  });

  it.each(['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'])(
    'recognises HEIC with major brand %s',
    (brand) => {
      expect(detectReceiptType(isoBmffBytes(brand))).toBe('image/heic');
    },
  );

  it.each([
    ['AVIF (same container, other brand)', isoBmffBytes('avif')],
    ['MP4', isoBmffBytes('isom')],
    ['GIF', new TextEncoder().encode('GIF89a……')],
    ['plain text', new TextEncoder().encode('%PD not quite')],
    ['a JPEG cut after two bytes', new Uint8Array([0xff, 0xd8])],
    ['a PNG signature with one byte wrong', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b])],
    ['an ftyp box too short to hold its brand', isoBmffBytes('heic').subarray(0, 11)],
    [
      'an ftyp box that declares a size under 16',
      new Uint8Array([0, 0, 0, 8, ...isoBmffBytes('heic').subarray(4)]),
    ],
    ['nothing', new Uint8Array()],
  ])('refuses %s', (_name, bytes) => {
    expect(detectReceiptType(bytes)).toBeUndefined();
  });
});

describe('checkReceiptBytes', () => {
  it('trusts the bytes over the declared type', () => {
    expect(checkReceiptBytes({ bytes: pdfBytes(), declaredType: 'text/plain' })).toEqual({
      ok: true,
      value: 'application/pdf',
    });
  });

  it('checks emptiness, then size, then type', () => {
    expect(checkReceiptBytes({ bytes: new Uint8Array() })).toEqual({
      ok: false,
      error: { code: 'RECEIPT_EMPTY' },
    });
    const tooLarge = new Uint8Array(MAX_RECEIPT_BYTES + 1); // zero bytes: not a receipt type either
    expect(checkReceiptBytes({ bytes: tooLarge })).toMatchObject({
      ok: false,
      error: { code: 'RECEIPT_TOO_LARGE' },
    });
    expect(checkReceiptBytes({ bytes: tooLarge.subarray(1) })).toEqual({
      ok: false,
      error: {
        code: 'RECEIPT_TYPE_NOT_ALLOWED',
        details: {
          declaredType: null,
          fileName: null,
          allowed: 'image/jpeg, image/png, image/heic, application/pdf',
        },
      },
    });
  });

  it('puts the limit at 10 MiB', () => {
    expect(MAX_RECEIPT_BYTES).toBe(10_485_760);
  });
});
