import { readFileSync } from 'node:fs';
import { encrypt, getSignature } from '@wecom/crypto';
import { describe, expect, it } from 'vitest';
import { isWecomSignatureValid, openWecomCiphertext } from '../../../src/bots/wecom/wecom-callback-crypto.js';

type Vector = {
  token: string;
  encodingAESKey: string;
  corpId: string;
  verifyUrl: {
    msg_signature: string;
    timestamp: string;
    nonce: string;
    echostr: string;
    expectedPlaintext: string;
  };
  message: { msg_signature: string; timestamp: string; nonce: string; encrypt: string };
};
const vector = JSON.parse(readFileSync('/work/shared/fixtures/wecom-test-vector.json', 'utf8')) as Vector;
const keys = { token: vector.token, encodingAesKey: vector.encodingAESKey, corpId: vector.corpId };
const urlQuery = {
  msgSignature: vector.verifyUrl.msg_signature,
  timestamp: vector.verifyUrl.timestamp,
  nonce: vector.verifyUrl.nonce,
};
const messageQuery = {
  msgSignature: vector.message.msg_signature,
  timestamp: vector.message.timestamp,
  nonce: vector.message.nonce,
};

describe("Tencent's published vector", () => {
  it('verifies and decrypts the URL check to its echo', () => {
    expect(openWecomCiphertext(keys, urlQuery, vector.verifyUrl.echostr)).toEqual({
      ok: true,
      message: '1616140317555161061',
    });
  });

  it('verifies and decrypts the text message', () => {
    const opened = openWecomCiphertext(keys, messageQuery, vector.message.encrypt);
    expect(opened.ok).toBe(true);
    expect(opened.ok && opened.message).toContain('<Content><![CDATA[hello]]></Content>');
    expect(opened.ok && opened.message).toContain('<FromUserName><![CDATA[mycreate]]></FromUserName>');
  });

  it('accepts an upper-case signature but refuses a changed one, a changed nonce, and a non-hex one', () => {
    expect(
      isWecomSignatureValid(
        keys.token,
        { ...messageQuery, msgSignature: messageQuery.msgSignature.toUpperCase() },
        vector.message.encrypt,
      ),
    ).toBe(true);
    const flipped = `${messageQuery.msgSignature.slice(0, -1)}${messageQuery.msgSignature.endsWith('6') ? '7' : '6'}`;
    expect(
      openWecomCiphertext(keys, { ...messageQuery, msgSignature: flipped }, vector.message.encrypt),
    ).toEqual({
      ok: false,
      refusal: 'BAD_SIGNATURE',
    });
    expect(openWecomCiphertext(keys, { ...messageQuery, nonce: '1' }, vector.message.encrypt)).toEqual({
      ok: false,
      refusal: 'BAD_SIGNATURE',
    });
    expect(
      openWecomCiphertext(keys, { ...messageQuery, msgSignature: 'zz' }, vector.message.encrypt),
    ).toEqual({
      ok: false,
      refusal: 'BAD_SIGNATURE',
    });
  });
});

describe('openWecomCiphertext refusals after a valid signature', () => {
  const signed = (ciphertext: string) => ({
    msgSignature: getSignature(keys.token, '1700000000', 'n1', ciphertext),
    timestamp: '1700000000',
    nonce: 'n1',
  });

  it('round-trips with a fixed random and refuses a ciphertext for another corp', () => {
    const random = Buffer.alloc(16, 7);
    const ours = encrypt(keys.encodingAesKey, '<xml/>', keys.corpId, random);
    expect(encrypt(keys.encodingAesKey, '<xml/>', keys.corpId, random)).toBe(ours);
    expect(openWecomCiphertext(keys, signed(ours), ours)).toEqual({ ok: true, message: '<xml/>' });
    const theirs = encrypt(keys.encodingAesKey, '<xml/>', 'wwSomeOtherCorp00', random);
    expect(openWecomCiphertext(keys, signed(theirs), theirs)).toEqual({
      ok: false,
      refusal: 'WRONG_RECEIVER',
    });
  });

  it.each([
    ['truncated', vector.message.encrypt.slice(0, 40)],
    ['not base64', '!!!not-base64!!!'],
    ['an odd block count', Buffer.alloc(48, 1).toString('base64')],
    ['empty', ''],
  ])('refuses %s ciphertext without throwing', (_name, ciphertext) => {
    expect(openWecomCiphertext(keys, signed(ciphertext), ciphertext)).toEqual({
      ok: false,
      refusal: 'BAD_CIPHERTEXT',
    });
  });

  it('refuses garbage of the right shape as not ours', () => {
    const garbage = Buffer.alloc(64, 0x5a).toString('base64');
    expect(openWecomCiphertext(keys, signed(garbage), garbage)).toEqual({
      ok: false,
      refusal: 'WRONG_RECEIVER',
    });
  });
});
