import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { PutReceiptInput, ReceiptStore, StoredReceipt } from '../../domain/ports/receipt-store.port.js';
import { checkReceiptBytes } from '../../domain/receipts/detect-receipt-type.js';
import { ok } from '../../domain/shared/result.js';
import { assertReceiptKey, assertSafeOrganisationId, hashReceipt } from './receipt-keys.js';

export type S3ReceiptStoreOptions = {
  readonly bucket: string;
  /** For S3-compatible services (MinIO, R2, OSS…); absent means AWS S3 itself. */
  readonly endpoint?: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key`; most self-hosted services need it. */
  readonly forcePathStyle: boolean;
};

// Only a missing key means "no such receipt"; a missing bucket (also 404) is a misconfiguration and must surface.
const isMissingObject = (error: unknown): boolean => error instanceof Error && error.name === 'NoSuchKey';

/** Receipts in an S3-compatible bucket under `<organisationId>/<sha256>`, one object per distinct file. */
export const createS3ReceiptStore = (options: S3ReceiptStoreOptions): ReceiptStore => {
  const client = new S3Client({
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
  });

  const objectKey = (organisationId: string, sha256: string): string => {
    assertSafeOrganisationId(organisationId);
    assertReceiptKey(sha256);
    return `${organisationId}/${sha256}`;
  };

  return {
    async put(input: PutReceiptInput) {
      assertSafeOrganisationId(input.organisationId);
      const checked = checkReceiptBytes(input);
      if (!checked.ok) return checked;
      const hash = hashReceipt(input.bytes);
      // Same key for the same bytes, so a repeat put overwrites the object with itself: still one object.
      // The SHA-256 checksum lets the service refuse a body corrupted on the way.
      await client.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: objectKey(input.organisationId, hash.hex),
          Body: input.bytes,
          ContentLength: input.bytes.length,
          ContentType: checked.value,
          ChecksumSHA256: hash.base64,
        }),
      );
      const stored: StoredReceipt = {
        key: hash.hex,
        sha256: hash.hex,
        sizeBytes: input.bytes.length,
        contentType: checked.value,
      };
      return ok(stored);
    },

    async get(organisationId: string, key: string) {
      try {
        const response = await client.send(
          new GetObjectCommand({ Bucket: options.bucket, Key: objectKey(organisationId, key) }),
        );
        if (response.Body === undefined) return new Uint8Array();
        return await response.Body.transformToByteArray();
      } catch (error) {
        if (isMissingObject(error)) return undefined;
        throw error;
      }
    },

    async delete(organisationId: string, key: string) {
      await client.send(
        new DeleteObjectCommand({ Bucket: options.bucket, Key: objectKey(organisationId, key) }),
      );
    },
  };
};
