import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECEIPT_BYTES, type ReceiptStore } from '../../../src/domain/ports/receipt-store.port.js';
import { createReceiptStore } from '../../../src/storage/receipts/create-receipt-store.js';
import { type FakeS3, startFakeS3 } from '../../fakes/fake-s3-server.js';
import { heicBytes, jpegBytes, pdfBytes, pngBytes } from '../../support/receipt-fixtures.js';

const ORG = 'org-1';
const CREDENTIALS = { accessKeyId: 'AKIAOUTLAYTEST', secretAccessKey: 'outlay-test-secret' } as const;
const BUCKET = 'outlay-receipts';

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

type Harness = {
  readonly store: ReceiptStore;
  /** How many receipt objects the backend holds, read behind the store's back. */
  countObjects(): Promise<number>;
  /** The stored bytes at the documented location for (organisation, sha256), read behind the store's back. */
  readRaw(organisationId: string, sha256: string): Promise<Uint8Array | undefined>;
  cleanup(): Promise<void>;
};

const startDisk = async (): Promise<Harness> => {
  const dir = await mkdtemp(join(tmpdir(), 'outlay-receipts-'));
  return {
    store: createReceiptStore({ kind: 'disk', dir }),
    // Every file counts, so a leftover temporary file would show up too.
    countObjects: async () =>
      (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length,
    readRaw: async (organisationId, sha256) => {
      try {
        return new Uint8Array(await readFile(join(dir, organisationId, sha256.slice(0, 2), sha256)));
      } catch {
        return undefined;
      }
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
};

const startS3 = async (): Promise<Harness> => {
  const fake = await startFakeS3(CREDENTIALS);
  return {
    store: createReceiptStore({
      kind: 's3',
      bucket: BUCKET,
      endpoint: fake.endpoint,
      region: 'us-east-1',
      ...CREDENTIALS,
      forcePathStyle: true,
    }),
    countObjects: () => Promise.resolve(fake.objects.size),
    readRaw: (organisationId, sha256) =>
      Promise.resolve(fake.objects.get(`${BUCKET}/${organisationId}/${sha256}`)?.body),
    cleanup: () => fake.close(),
  };
};

describe.each([
  { kind: 'disk', start: startDisk },
  { kind: 's3', start: startS3 },
])('$kind receipt store', ({ start }) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await start();
  });
  afterEach(async () => {
    await harness.cleanup();
  });

  it('stores a receipt and gives the same bytes back, at <org>/…/<sha256>', async () => {
    const bytes = jpegBytes('round-trip');
    const put = await harness.store.put({ organisationId: ORG, bytes, declaredType: 'image/jpeg' });
    expect(put).toEqual({
      ok: true,
      value: {
        key: sha256Hex(bytes),
        sha256: sha256Hex(bytes),
        sizeBytes: bytes.length,
        contentType: 'image/jpeg',
      },
    });
    if (!put.ok) return;
    expect(await harness.store.get(ORG, put.value.key)).toEqual(bytes);
    expect(await harness.readRaw(ORG, sha256Hex(bytes))).toEqual(bytes);
    expect(await harness.countObjects()).toBe(1);
  });

  it('computes the SHA-256 of the bytes, as node:crypto does', async () => {
    const bytes = pdfBytes('hash me');
    const put = await harness.store.put({ organisationId: ORG, bytes });
    expect(put.ok && put.value.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(put.ok && put.value.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores the same bytes once: a second put returns the same key', async () => {
    const bytes = pngBytes('twice');
    const first = await harness.store.put({ organisationId: ORG, bytes, fileName: 'a.png' });
    const second = await harness.store.put({ organisationId: ORG, bytes: bytes.slice(), fileName: 'b.png' });
    expect(first.ok && second.ok).toBe(true);
    expect(second).toEqual(first);
    expect(await harness.countObjects()).toBe(1);

    await harness.store.put({ organisationId: ORG, bytes: pngBytes('other') });
    expect(await harness.countObjects()).toBe(2);
  });

  it.each([
    { type: 'image/jpeg', bytes: jpegBytes() },
    { type: 'image/png', bytes: pngBytes() },
    { type: 'image/heic', bytes: heicBytes() },
    { type: 'application/pdf', bytes: pdfBytes() },
  ])('accepts $type by its magic bytes, whatever was declared', async ({ type, bytes }) => {
    const put = await harness.store.put({
      organisationId: ORG,
      bytes,
      declaredType: 'application/octet-stream',
    });
    expect(put.ok && put.value.contentType).toBe(type);
    expect(await harness.countObjects()).toBe(1);
  });

  it('refuses a text file declared as image/png, and stores nothing', async () => {
    const bytes = new TextEncoder().encode('definitely not a picture\n');
    const put = await harness.store.put({
      organisationId: ORG,
      bytes,
      declaredType: 'image/png',
      fileName: 'notes.png',
    });
    expect(put).toEqual({
      ok: false,
      error: {
        code: 'RECEIPT_TYPE_NOT_ALLOWED',
        details: {
          declaredType: 'image/png',
          fileName: 'notes.png',
          allowed: 'image/jpeg, image/png, image/heic, application/pdf',
        },
      },
    });
    expect(await harness.countObjects()).toBe(0);
  });

  it('refuses 10 MB + 1 byte and accepts exactly 10 MB', async () => {
    const tooLarge = new Uint8Array(MAX_RECEIPT_BYTES + 1);
    tooLarge.set(jpegBytes());
    expect(await harness.store.put({ organisationId: ORG, bytes: tooLarge })).toEqual({
      ok: false,
      error: {
        code: 'RECEIPT_TOO_LARGE',
        details: { sizeBytes: 10 * 1024 * 1024 + 1, maxBytes: 10 * 1024 * 1024 },
      },
    });
    expect(await harness.countObjects()).toBe(0);

    const largest = tooLarge.subarray(0, MAX_RECEIPT_BYTES);
    const put = await harness.store.put({ organisationId: ORG, bytes: largest });
    expect(put.ok && put.value.sizeBytes).toBe(10 * 1024 * 1024);
    expect(put.ok && (await harness.store.get(ORG, put.value.key))?.length).toBe(10 * 1024 * 1024);
  });

  it('refuses an empty file', async () => {
    expect(await harness.store.put({ organisationId: ORG, bytes: new Uint8Array() })).toEqual({
      ok: false,
      error: { code: 'RECEIPT_EMPTY' },
    });
    expect(await harness.countObjects()).toBe(0);
  });

  it('deletes a receipt; deleting it again is harmless', async () => {
    const keep = await harness.store.put({ organisationId: ORG, bytes: jpegBytes('keep') });
    const drop = await harness.store.put({ organisationId: ORG, bytes: jpegBytes('drop') });
    if (!keep.ok || !drop.ok) throw new Error('setup failed');

    await harness.store.delete(ORG, drop.value.key);
    expect(await harness.store.get(ORG, drop.value.key)).toBeUndefined();
    expect(await harness.store.get(ORG, keep.value.key)).toEqual(jpegBytes('keep'));
    expect(await harness.countObjects()).toBe(1);
    await expect(harness.store.delete(ORG, drop.value.key)).resolves.toBeUndefined();
  });

  it('keeps organisations apart: another organisation cannot read a receipt by its key', async () => {
    const bytes = pdfBytes('private');
    const put = await harness.store.put({ organisationId: ORG, bytes });
    if (!put.ok) throw new Error('setup failed');
    expect(await harness.store.get('org-2', put.value.key)).toBeUndefined();

    await harness.store.put({ organisationId: 'org-2', bytes });
    expect(await harness.countObjects()).toBe(2);
  });

  it('returns undefined for a well-formed key that was never stored', async () => {
    expect(await harness.store.get(ORG, 'a'.repeat(64))).toBeUndefined();
  });

  it.each(['../x', '..', 'a/b', 'a\\b', '', '.hidden', 'org 1'])(
    'throws on the unsafe organisation id %j and writes nothing',
    async (organisationId) => {
      await expect(harness.store.put({ organisationId, bytes: jpegBytes() })).rejects.toThrow(RangeError);
      await expect(harness.store.get(organisationId, 'a'.repeat(64))).rejects.toThrow(RangeError);
      await expect(harness.store.delete(organisationId, 'a'.repeat(64))).rejects.toThrow(RangeError);
      expect(await harness.countObjects()).toBe(0);
    },
  );

  it.each(['../../etc/passwd', 'A'.repeat(64), 'abc'])('throws on the malformed key %j', async (key) => {
    await expect(harness.store.get(ORG, key)).rejects.toThrow(RangeError);
    await expect(harness.store.delete(ORG, key)).rejects.toThrow(RangeError);
  });
});

describe('S3 receipt store against the fake S3', () => {
  let fake: FakeS3;
  beforeEach(async () => {
    fake = await startFakeS3(CREDENTIALS);
  });
  afterEach(async () => {
    await fake.close();
  });

  const storeWith = (credentials: { accessKeyId: string; secretAccessKey: string }): ReceiptStore =>
    createReceiptStore({
      kind: 's3',
      bucket: BUCKET,
      endpoint: fake.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      ...credentials,
    });

  it('sends the content type and the SHA-256 checksum with the object', async () => {
    const bytes = heicBytes('sent');
    const put = await storeWith(CREDENTIALS).put({ organisationId: ORG, bytes, declaredType: 'image/png' });
    expect(put.ok).toBe(true);
    const object = fake.objects.get(`${BUCKET}/${ORG}/${sha256Hex(bytes)}`);
    expect(object?.contentType).toBe('image/heic');
    expect(object?.checksumSha256).toBe(createHash('sha256').update(bytes).digest('base64'));
  });

  it('fails with a wrong secret: the fake checks the SigV4 signature', async () => {
    const store = storeWith({ ...CREDENTIALS, secretAccessKey: 'not-the-secret' });
    await expect(store.put({ organisationId: ORG, bytes: jpegBytes() })).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(store.get(ORG, 'a'.repeat(64))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    expect(fake.objects.size).toBe(0);
  });

  it('fails with another access key id', async () => {
    const store = storeWith({ ...CREDENTIALS, accessKeyId: 'AKIASOMEONEELSE' });
    await expect(store.put({ organisationId: ORG, bytes: jpegBytes() })).rejects.toMatchObject({
      name: 'InvalidAccessKeyId',
      $metadata: { httpStatusCode: 403 },
    });
    expect(fake.objects.size).toBe(0);
  });
});

describe('fake S3 server', () => {
  let fake: FakeS3;
  let client: S3Client;
  beforeEach(async () => {
    fake = await startFakeS3(CREDENTIALS);
    client = new S3Client({
      endpoint: fake.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: CREDENTIALS,
    });
  });
  afterEach(async () => {
    client.destroy();
    await fake.close();
  });

  it('refuses a request without an Authorization header with an S3 XML error', async () => {
    const response = await fetch(`${fake.endpoint}/${BUCKET}/${ORG}/x`, { method: 'PUT', body: 'hello' });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/xml');
    expect(await response.text()).toMatch(/<Error><Code>AccessDenied<\/Code><Message>[^<]+<\/Message>/);
    expect(fake.objects.size).toBe(0);
  });

  it('refuses a correctly keyed request whose signed header was changed after signing', async () => {
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers: Record<string, string> };
        request.headers['content-type'] = 'text/html';
        return next(args);
      },
      { step: 'deserialize', name: 'tamperAfterSigning' },
    );
    await expect(
      client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'k', Body: 'x', ContentType: 'image/png' })),
    ).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    expect(fake.objects.size).toBe(0);
  });

  it('refuses a body whose checksum does not match', async () => {
    await expect(
      client.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: 'k',
          Body: 'abc',
          ChecksumSHA256: createHash('sha256').update('abd').digest('base64'),
        }),
      ),
    ).rejects.toMatchObject({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } });
    expect(fake.objects.size).toBe(0);
  });

  it('serves put, head, get and delete for keys that need escaping', async () => {
    const key = 'org 1/ä+b (copy).pdf';
    await client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'content', ContentType: 'text/plain' }),
    );
    expect([...fake.objects.keys()]).toEqual([`${BUCKET}/${key}`]);

    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head.ContentLength).toBe(7);
    expect(head.ContentType).toBe('text/plain');

    const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(await got.Body?.transformToString()).toBe('content');

    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(fake.objects.size).toBe(0);
    await expect(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
    await expect(client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).rejects.toMatchObject({
      name: 'NoSuchKey',
    });
  });
});
