// Platform identities, first-contact members and one-time link codes.
import { and, eq } from 'drizzle-orm';
import type { IdentityLinkRepository } from '../../domain/ports/identity-link.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { linkCodes, memberIdentities, members } from '../schema/index.js';

export function createDrizzleIdentityLinkRepository(): IdentityLinkRepository {
  return {
    async identityOwner(tx, identity) {
      const [row] = await executorOf(tx)
        .select({
          organisationId: memberIdentities.organisationId,
          memberId: memberIdentities.memberId,
          active: members.active,
        })
        .from(memberIdentities)
        .innerJoin(
          members,
          and(
            eq(members.organisationId, memberIdentities.organisationId),
            eq(members.id, memberIdentities.memberId),
          ),
        )
        .where(eq(memberIdentities.identity, identity));
      return row;
    },

    async insertMember(tx, organisationId, member) {
      await executorOf(tx)
        .insert(members)
        .values({
          organisationId,
          id: member.id,
          displayName: member.displayName,
          locale: member.locale ?? null,
        });
    },

    async attachIdentity(tx, organisationId, identity, memberId) {
      const inserted = await executorOf(tx)
        .insert(memberIdentities)
        .values({ identity, organisationId, memberId })
        .onConflictDoNothing()
        .returning({ identity: memberIdentities.identity });
      return inserted.length > 0;
    },

    async insertLinkCode(tx, organisationId, code) {
      const inserted = await executorOf(tx)
        .insert(linkCodes)
        .values({
          organisationId,
          code: code.code,
          memberId: code.memberId,
          expiresAt: new Date(code.expiresAt),
        })
        .onConflictDoNothing()
        .returning({ code: linkCodes.code });
      return inserted.length > 0;
    },

    async linkCodeForUpdate(tx, organisationId, code) {
      const [row] = await executorOf(tx)
        .select()
        .from(linkCodes)
        .where(and(eq(linkCodes.organisationId, organisationId), eq(linkCodes.code, code)))
        .for('update');
      if (!row) return undefined;
      return {
        code: row.code,
        memberId: row.memberId,
        expiresAt: row.expiresAt.toISOString(),
        ...(row.usedAt === null ? {} : { usedAt: row.usedAt.toISOString() }),
      };
    },

    async markLinkCodeUsed(tx, organisationId, code, usedAt) {
      await executorOf(tx)
        .update(linkCodes)
        .set({ usedAt: new Date(usedAt) })
        .where(and(eq(linkCodes.organisationId, organisationId), eq(linkCodes.code, code)));
    },
  };
}
