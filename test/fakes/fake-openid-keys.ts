// A loopback stand-in for the Bot Framework's token keys: an OpenID metadata document whose `jwks_uri` lists one
// RSA key generated here (endorsed for `msteams`, as the real keys are), and a signer for channel tokens with it or
// with a key the document does not publish. It also forges tokens the way an attacker would — unsigned (`alg: none`),
// HMAC-signed with the published public key (key confusion), or signed by another key under the published `kid` —
// each properly encoded and signed, so a refusal is botbuilder's verdict on the forgery and not on a typo.
// botbuilder caches metadata per URL, so each instance has its own port.
import { createHmac, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export type ChannelTokenClaims = {
  readonly aud: string;
  readonly serviceurl: string;
  readonly iss?: string;
  /** Seconds since the epoch; defaults to now − 60 and now + 3 600. */
  readonly nbf?: number;
  readonly exp?: number;
};

export type FakeOpenIdKeys = {
  /** For BOT_OPENID_METADATA_URL. */
  readonly metadataUrl: string;
  /** A bearer token the Bot Framework channel would send, signed with the published key. */
  sign(claims: ChannelTokenClaims): string;
  /** The same token signed with a key that is not in the JWKS (its `kid` is unknown too). */
  signWithUnpublishedKey(claims: ChannelTokenClaims): string;
  /** Forgeries that name the published key (`kid`) but are not signed by it. */
  readonly forge: {
    /** `alg: none` and an empty signature. */
    unsigned(claims: ChannelTokenClaims): string;
    /** HS256 with the published RSA public key (its PEM, as an attacker downloads it) as the HMAC secret. */
    hmacWithPublicKey(claims: ChannelTokenClaims): string;
    /** RS256 by a key that is not published, under the published key's `kid`. */
    otherKeyUnderPublishedKid(claims: ChannelTokenClaims): string;
  };
  close(): Promise<void>;
};

const rsaKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

const payloadOf = (claims: ChannelTokenClaims) => {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: claims.iss ?? BOT_FRAMEWORK_ISSUER,
    aud: claims.aud,
    serviceurl: claims.serviceurl,
    nbf: claims.nbf ?? now - 60,
    exp: claims.exp ?? now + 3_600,
  };
};

const signWith = (key: KeyObject, kid: string, claims: ChannelTokenClaims): string =>
  jwt.sign(payloadOf(claims), key, { algorithm: 'RS256', keyid: kid });

const segment = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** A compact JWT assembled by hand, for the algorithms jsonwebtoken rightly refuses to sign with these keys. */
const assemble = (header: object, claims: ChannelTokenClaims, sign: (input: string) => string): string => {
  const input = `${segment({ typ: 'JWT', ...header })}.${segment(payloadOf(claims))}`;
  return `${input}.${sign(input)}`;
};

export async function startFakeOpenIdKeys(): Promise<FakeOpenIdKeys> {
  const published = rsaKey();
  const unpublished = rsaKey();
  const kid = `kid-${randomUUID()}`;
  const strangerKid = `kid-${randomUUID()}`;
  const jwk = {
    ...published.publicKey.export({ format: 'jwk' }),
    kid,
    use: 'sig',
    alg: 'RS256',
    endorsements: ['msteams'],
  };

  const server = createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const send = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/v1/.well-known/openidconfiguration') {
      send({
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: `${base}/authorize`,
        jwks_uri: `${base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
      return;
    }
    if (request.url === '/v1/.well-known/keys') {
      send({ keys: [jwk] });
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    metadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    sign: (claims) => signWith(published.privateKey, kid, claims),
    signWithUnpublishedKey: (claims) => signWith(unpublished.privateKey, strangerKid, claims),
    forge: {
      unsigned: (claims) => assemble({ alg: 'none', kid }, claims, () => ''),
      hmacWithPublicKey: (claims) => {
        const pem = published.publicKey.export({ type: 'spki', format: 'pem' });
        return assemble({ alg: 'HS256', kid }, claims, (input) =>
          createHmac('sha256', pem).update(input).digest('base64url'),
        );
      },
      otherKeyUnderPublishedKid: (claims) => signWith(unpublished.privateKey, kid, claims),
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
