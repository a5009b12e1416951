// The ReportLinks port: signed, expiring URLs under PUBLIC_URL. The HMAC key is the organisation's own, generated
// on first use and kept in the database, so every instance signs and verifies alike and a restart breaks no link.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { ReportArtifactKind, ReportLinks } from '../../domain/ports/report-links.port.js';
import type { SigningKeyStore } from '../../domain/ports/signing-key-store.port.js';
import type { UnitOfWork } from '../../domain/ports/unit-of-work.port.js';
import { signReportLink } from './report-link-token.js';

export const REPORT_FILES_PREFIX = '/exports';
export const REPORT_LINK_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
const PURPOSE = 'report-links';

export type LinkSecrets = {
  /** For signing: the organisation's secret, made on first use. */
  readonly signingSecret: (organisationId: string) => Promise<string>;
  /** For verifying: the secret if the organisation ever signed a link; a token cannot make one appear. */
  readonly verifyingSecret: (organisationId: string) => Promise<string | undefined>;
};

/** Each organisation's secret, read (or created) once per process and then remembered. */
export function createLinkSecrets(deps: {
  readonly uow: UnitOfWork;
  readonly signingKeys: SigningKeyStore;
}): LinkSecrets {
  const known = new Map<string, string>();
  return {
    async signingSecret(organisationId) {
      const cached = known.get(organisationId);
      if (cached !== undefined) return cached;
      const secret = await deps.uow.run((tx) =>
        deps.signingKeys.secretFor(tx, organisationId, PURPOSE, randomBytes(32).toString('base64url')),
      );
      known.set(organisationId, secret);
      return secret;
    },
    async verifyingSecret(organisationId) {
      const cached = known.get(organisationId);
      if (cached !== undefined) return cached;
      const secret = await deps.uow.run((tx) => deps.signingKeys.existingSecret(tx, organisationId, PURPOSE));
      if (secret !== undefined) known.set(organisationId, secret);
      return secret;
    },
  };
}

export function createSignedReportLinks(deps: {
  readonly secrets: LinkSecrets;
  readonly clock: Clock;
  /** PUBLIC_URL without a trailing slash. */
  readonly publicUrl: string;
}): ReportLinks {
  return {
    async linksFor(spec, kinds) {
      const secret = await deps.secrets.signingSecret(spec.organisationId);
      const expiresAt = deps.clock.now().getTime() + REPORT_LINK_LIFETIME_MS;
      const links: Partial<Record<ReportArtifactKind, string>> = {};
      for (const kind of kinds) {
        const token = signReportLink({ ...spec, kind, expiresAt }, secret);
        links[kind] = `${deps.publicUrl}${REPORT_FILES_PREFIX}/${token}`;
      }
      return links as Readonly<Record<ReportArtifactKind, string>>;
    },
  };
}
