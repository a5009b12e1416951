// Who sent this? A platform identity seen for the first time becomes a member of its organisation (the one the
// platform names, else the deployment's; role member). A client contact is recognised and kept to that client's view:
// the console's stand-in, or anyone the platform calls external (Slack Connect) speaking in a client-facing
// conversation. An external person anywhere else is an outsider and never becomes a member. The language follows the
// person, then the client whose channel this is, then the organisation.
import type { ensureMember } from '../../../domain/admin/ensure-member.js';
import type { BindingRepository } from '../../../domain/ports/binding-repository.port.js';
import type { Directory } from '../../../domain/ports/directory.port.js';
import type { UnitOfWork } from '../../../domain/ports/unit-of-work.port.js';
import { type Locale, pickLocale } from '../i18n/locale.js';
import type { Speaker, SpeakerOrigin } from './conversation-deps.js';

/** The console's stand-in for a client's person: `console:contact-<client code>`. */
const CONSOLE_CONTACT = /^console:contact-([a-z0-9-]{2,32})$/;

export type SpeakerIdentifierDeps = {
  readonly uow: UnitOfWork;
  readonly directory: Directory;
  readonly bindings: BindingRepository;
  readonly ensureMember: ReturnType<typeof ensureMember>;
  readonly organisationId: string;
  readonly organisationLocale: Locale;
};

export class UnknownSpeakerError extends Error {
  constructor(identity: string, reason: string) {
    super(`cannot identify ${identity}: ${reason}`);
    this.name = 'UnknownSpeakerError';
  }
}

export function createSpeakerIdentifier(deps: SpeakerIdentifierDeps) {
  return async (inbound: SpeakerOrigin): Promise<Speaker> => {
    const org = inbound.organisationId ?? deps.organisationId;
    const { clientLocale, inClientChannel, facingClientId } = await deps.uow.run(async (tx) => {
      const bindings = await deps.bindings.byAddress(tx, org, inbound.address);
      const facing = bindings.find((b) => b.audience === 'client' && b.clientId !== undefined)?.clientId;
      const clientId = facing ?? bindings.find((b) => b.clientId !== undefined)?.clientId;
      const client = clientId ? await deps.directory.clientById(tx, org, clientId) : undefined;
      return {
        clientLocale: client?.locale,
        inClientChannel: bindings.some((b) => b.audience === 'client'),
        facingClientId: facing,
      };
    });

    if (inbound.external === true) {
      const locale = pickLocale({ client: clientLocale, organisation: deps.organisationLocale });
      if (facingClientId === undefined) return { kind: 'outsider', organisationId: org, locale };
      return { kind: 'client-contact', organisationId: org, clientId: facingClientId, locale };
    }

    const contact = CONSOLE_CONTACT.exec(inbound.identity);
    if (contact?.[1]) {
      const client = await deps.uow.run((tx) => deps.directory.clientByCode(tx, org, contact[1] ?? ''));
      if (!client) throw new UnknownSpeakerError(inbound.identity, 'no such client');
      return {
        kind: 'client-contact',
        organisationId: org,
        clientId: client.id,
        locale: pickLocale({ client: client.locale, organisation: deps.organisationLocale }),
      };
    }

    let known = await deps.uow.run((tx) => deps.directory.actorForIdentity(tx, inbound.identity));
    if (!known) {
      const ensured = await deps.ensureMember({
        organisationId: org,
        identity: inbound.identity,
        displayName: inbound.displayName ?? inbound.identity.split(':').at(-1) ?? inbound.identity,
        platform: inbound.platform,
      });
      if (!ensured.ok) throw new UnknownSpeakerError(inbound.identity, ensured.error.code);
      known = await deps.uow.run((tx) => deps.directory.actorForIdentity(tx, inbound.identity));
      if (!known) throw new UnknownSpeakerError(inbound.identity, 'inactive member');
    }
    const { organisationId, actor } = known;
    const members = await deps.uow.run((tx) => deps.directory.members(tx, organisationId, [actor.memberId]));
    const me = members.get(actor.memberId);
    return {
      kind: 'member',
      organisationId,
      actor,
      identity: inbound.identity,
      platform: inbound.platform,
      locale: pickLocale({ user: me?.locale, client: clientLocale, organisation: deps.organisationLocale }),
      names: new Map(me ? [[me.id, me.displayName]] : []),
      inClientChannel,
    };
  };
}
