// First start of a deployment: the default organisation, and the admins named in OUTLAY_ADMINS. Idempotent, so
// every start (and every instance) can run it; only the first one writes anything, and what it writes is audited.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from './open-database.js';
import {
  auditEvents,
  clients,
  memberIdentities,
  memberRoles,
  members,
  organisations,
} from './schema/index.js';

export const DEFAULT_ORGANISATION_ID = 'default';

export type BootstrapInput = {
  readonly organisationId: string;
  readonly name: string;
  readonly locale: string;
  /** Platform identities such as `slack:T1:U2`; each becomes (or stays) an admin. */
  readonly adminIdentities: readonly string[];
  /** Who granted those admins, for the record (default `OUTLAY_ADMINS`; `slack-install` for an installer). */
  readonly source?: string;
};

export type BootstrapResult = {
  readonly organisationCreated: boolean;
  readonly adminsAdded: readonly string[];
};

export async function bootstrapOrganisation(db: Database, input: BootstrapInput): Promise<BootstrapResult> {
  const source = input.source ?? 'OUTLAY_ADMINS';
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(organisations)
      .values({ id: input.organisationId, name: input.name, locale: input.locale })
      .onConflictDoNothing()
      .returning({ id: organisations.id });
    if (created.length > 0) {
      await tx.insert(auditEvents).values({
        organisationId: input.organisationId,
        platform: 'system',
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: input.organisationId,
        after: { locale: input.locale },
      });
    }

    const adminsAdded: string[] = [];
    for (const identity of input.adminIdentities) {
      const [known] = await tx
        .select({ memberId: memberIdentities.memberId, organisationId: memberIdentities.organisationId })
        .from(memberIdentities)
        .where(eq(memberIdentities.identity, identity));
      if (known && known.organisationId !== input.organisationId) continue;
      // A stable member id per bootstrap identity, so concurrent first starts agree on it.
      const memberId =
        known?.memberId ?? `m-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`;
      if (!known) {
        await tx
          .insert(members)
          .values({
            organisationId: input.organisationId,
            id: memberId,
            displayName: displayNameOf(identity),
          })
          .onConflictDoNothing();
        await tx
          .insert(memberIdentities)
          .values({ identity, organisationId: input.organisationId, memberId })
          .onConflictDoNothing();
      }
      const granted = await tx
        .insert(memberRoles)
        .values({ organisationId: input.organisationId, memberId, role: 'admin', grantedBy: source })
        .onConflictDoNothing()
        .returning({ memberId: memberRoles.memberId });
      if (granted.length > 0) {
        adminsAdded.push(identity);
        await tx.insert(auditEvents).values({
          organisationId: input.organisationId,
          platform: 'system',
          action: 'role.granted',
          entityType: 'member',
          entityId: memberId,
          after: { role: 'admin', source },
        });
      }
    }
    return { organisationCreated: created.length > 0, adminsAdded };
  });
}

export async function isAdmin(db: Database, organisationId: string, identity: string): Promise<boolean> {
  const rows = await db
    .select({ role: memberRoles.role })
    .from(memberIdentities)
    .innerJoin(
      memberRoles,
      and(
        eq(memberRoles.organisationId, memberIdentities.organisationId),
        eq(memberRoles.memberId, memberIdentities.memberId),
      ),
    )
    .where(
      and(
        eq(memberIdentities.identity, identity),
        eq(memberIdentities.organisationId, organisationId),
        eq(memberRoles.role, 'admin'),
      ),
    );
  return rows.length > 0;
}

function displayNameOf(identity: string): string {
  return identity.split(':').at(-1) ?? identity;
}

/** How many clients an organisation has; the first start seeds the demo only into an empty one. */
export async function countClients(db: Database, organisationId: string): Promise<number> {
  const rows = await db
    .select({ id: clients.id })
    .from(clients)
    .where(eq(clients.organisationId, organisationId));
  return rows.length;
}
