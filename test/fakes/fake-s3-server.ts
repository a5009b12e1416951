// A loopback stand-in for an S3-compatible service: path-style PutObject, GetObject, HeadObject and
// DeleteObject, objects in memory, and real SigV4 checking (header form) so a wrong key id or secret is
// refused the way S3 refuses it. Only what @aws-sdk/client-s3 sends for those calls is implemented.
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeS3Object = {
  readonly body: Uint8Array;
  readonly contentType: string | undefined;
  /** Base64 SHA-256 the client declared (x-amz-checksum-sha256), already checked against the body. */
  readonly checksumSha256: string | undefined;
  readonly etag: string;
};

export type FakeS3 = {
  /** e.g. `http://127.0.0.1:54321`; use with `forcePathStyle: true`. */
  readonly endpoint: string;
  /** Keyed by `<bucket>/<object key>` (key decoded). */
  readonly objects: Map<string, FakeS3Object>;
  close(): Promise<void>;
};

export type FakeS3Options = {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
};

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

const sameText = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

// RFC 3986 unreserved characters stay as they are; everything else is %XX, as SigV4 requires.
const encodeRfc3986 = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const canonicalQuery = (rawQuery: string): string =>
  rawQuery === ''
    ? ''
    : rawQuery
        .split('&')
        .filter((pair) => pair !== '')
        .map((pair) => {
          const at = pair.indexOf('=');
          const name = decodeURIComponent(at === -1 ? pair : pair.slice(0, at));
          const value = at === -1 ? '' : decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' '));
          return [encodeRfc3986(name), encodeRfc3986(value)] as const;
        })
        .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
        .map(([name, value]) => `${name}=${value}`)
        .join('&');

type ParsedAuthorization = {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
};

const parseAuthorization = (header: string | undefined): ParsedAuthorization => {
  if (header === undefined || header === '') {
    throw new S3Error(403, 'AccessDenied', 'Anonymous access is not allowed.');
  }
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(
      header,
    );
  if (match === null) {
    throw new S3Error(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed.');
  }
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match;
  return {
    accessKeyId: accessKeyId!,
    date: date!,
    region: region!,
    service: service!,
    signedHeaders: signedHeaders!.split(';'),
    signature: signature!,
  };
};

// Canonical request → string to sign → HMAC chain, exactly as the client did; a different secret, a
// tampered header or a changed path gives a different signature.
const verifySignature = (request: IncomingMessage, body: Uint8Array, options: FakeS3Options): void => {
  const auth = parseAuthorization(request.headers.authorization);
  if (auth.accessKeyId !== options.accessKeyId) {
    throw new S3Error(
      403,
      'InvalidAccessKeyId',
      'The AWS access key Id you provided does not exist in our records.',
    );
  }
  if (!auth.signedHeaders.includes('host')) {
    throw new S3Error(403, 'AccessDenied', 'The host header must be signed.');
  }
  const amzDate = request.headers['x-amz-date'];
  if (typeof amzDate !== 'string' || !amzDate.startsWith(auth.date)) {
    throw new S3Error(403, 'AccessDenied', 'x-amz-date is missing or does not match the credential scope.');
  }
  const payloadHash = request.headers['x-amz-content-sha256'];
  if (typeof payloadHash !== 'string') {
    throw new S3Error(
      400,
      'InvalidRequest',
      'Missing required header for this request: x-amz-content-sha256.',
    );
  }
  if (payloadHash.startsWith('STREAMING-')) {
    throw new S3Error(501, 'NotImplemented', 'The fake does not implement chunked (streaming) uploads.');
  }
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256Hex(body)) {
    throw new S3Error(
      400,
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match.",
    );
  }

  const rawUrl = request.url ?? '/';
  const queryAt = rawUrl.indexOf('?');
  const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? '' : rawUrl.slice(queryAt + 1);
  const canonicalHeaders = auth.signedHeaders
    .map((name) => {
      const values = request.headersDistinct[name];
      if (values === undefined) {
        throw new S3Error(403, 'SignatureDoesNotMatch', `Signed header ${name} is missing.`);
      }
      return `${name}:${values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',')}\n`;
    })
    .join('');
  // S3 signs the path as sent (no double encoding, no dot-segment normalisation).
  const canonicalRequest = [
    request.method ?? 'GET',
    rawPath,
    canonicalQuery(rawQuery),
    canonicalHeaders,
    auth.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = [auth.date, auth.region, auth.service, 'aws4_request'].reduce<Buffer | string>(
    (key, part) => hmac(key, part),
    `AWS4${options.secretAccessKey}`,
  );
  const expected = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  if (!sameText(expected, auth.signature)) {
    throw new S3Error(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
  }
};

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

const sendError = (response: ServerResponse, method: string | undefined, error: S3Error): void => {
  const requestId = randomUUID();
  if (method === 'HEAD') {
    // HEAD responses carry no body; the SDK maps the status alone.
    response.writeHead(error.status, { 'x-amz-request-id': requestId });
    response.end();
    return;
  }
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
    `<RequestId>${requestId}</RequestId></Error>`;
  response.writeHead(error.status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(xml),
    'x-amz-request-id': requestId,
  });
  response.end(xml);
};

const readBody = async (request: IncomingMessage): Promise<Uint8Array> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  // A plain Uint8Array, like the ones the stores hand out, so tests can compare them directly.
  return new Uint8Array(Buffer.concat(chunks));
};

const locateObject = (rawUrl: string): { bucket: string; key: string } => {
  const path = rawUrl.split('?', 1)[0] ?? '/';
  const [, bucket, ...keyParts] = path.split('/');
  if (bucket === undefined || bucket === '' || keyParts.length === 0 || keyParts.join('') === '') {
    throw new S3Error(
      501,
      'NotImplemented',
      'Only object operations (path-style /bucket/key) are implemented.',
    );
  }
  return { bucket: decodeURIComponent(bucket), key: keyParts.map(decodeURIComponent).join('/') };
};

export const startFakeS3 = async (options: FakeS3Options): Promise<FakeS3> => {
  const objects = new Map<string, FakeS3Object>();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    verifySignature(request, body, options);
    const { bucket, key } = locateObject(request.url ?? '/');
    const id = `${bucket}/${key}`;

    switch (request.method ?? '') {
      case 'PUT': {
        const declared = request.headers['x-amz-checksum-sha256'];
        const checksumSha256 = typeof declared === 'string' ? declared : undefined;
        if (
          checksumSha256 !== undefined &&
          checksumSha256 !== createHash('sha256').update(body).digest('base64')
        ) {
          throw new S3Error(
            400,
            'BadDigest',
            'The SHA256 you specified did not match the calculated checksum.',
          );
        }
        const etag = `"${createHash('md5').update(body).digest('hex')}"`;
        objects.set(id, { body, contentType: request.headers['content-type'], checksumSha256, etag });
        response.writeHead(200, {
          etag,
          ...(checksumSha256 ? { 'x-amz-checksum-sha256': checksumSha256 } : {}),
        });
        response.end();
        return;
      }
      case 'GET':
      case 'HEAD': {
        const object = objects.get(id);
        if (object === undefined) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
        const withChecksum =
          request.headers['x-amz-checksum-mode'] === 'ENABLED' && object.checksumSha256 !== undefined;
        response.writeHead(200, {
          'content-type': object.contentType ?? 'binary/octet-stream',
          'content-length': object.body.length,
          etag: object.etag,
          ...(withChecksum ? { 'x-amz-checksum-sha256': object.checksumSha256 } : {}),
        });
        response.end(request.method === 'GET' ? object.body : undefined);
        return;
      }
      case 'DELETE':
        objects.delete(id);
        response.writeHead(204);
        response.end();
        return;
      default:
        throw new S3Error(
          405,
          'MethodNotAllowed',
          'The specified method is not allowed against this resource.',
        );
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const s3Error =
        error instanceof S3Error
          ? error
          : new S3Error(500, 'InternalError', error instanceof Error ? error.message : String(error));
      sendError(response, request.method, s3Error);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // The SDK keeps sockets alive; without this, close() would wait for them to time out.
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
