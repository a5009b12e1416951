// A loopback stand-in for the Bot Framework's token keys: an OpenID metadata document whose `jwks_uri` lists one
// RSA key generated here (endorsed for `msteams`, as the real keys are), and a signer for channel tokens with it or
// with a key the document does not publish. botbuilder caches metadata per URL, so each instance has its own port.
import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
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
  close(): Promise<void>;
};

const rsaKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

const signWith = (key: KeyObject, kid: string, claims: ChannelTokenClaims): string => {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: claims.iss ?? BOT_FRAMEWORK_ISSUER,
    aud: claims.aud,
    serviceurl: claims.serviceurl,
    nbf: claims.nbf ?? now - 60,
    exp: claims.exp ?? now + 3_600,
  };
  return jwt.sign(payload, key, { algorithm: 'RS256', keyid: kid });
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
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
