import { and, eq, inArray } from 'drizzle-orm';
import { asCurrencyCode } from '../../domain/money/currency.js';
import { type MemberActor, memberActor, type Role } from '../../domain/people/actor.js';
import { DEFAULT_CATEGORIES } from '../../domain/policy/categories.js';
import type {
  ClientRecord,
  Directory,
  MemberRecord,
  ProjectRecord,
} from '../../domain/ports/directory.port.js';
import type { Tx } from '../../domain/ports/unit-of-work.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import {
  approverAssignments,
  categories,
  clients,
  delegations,
  memberIdentities,
  memberRoles,
  members,
  projects,
} from '../schema/index.js';

type Locale = 'en' | 'zh-CN';
const asLocale = (text: string | null): Locale | undefined =>
  text === 'en' || text === 'zh-CN' ? text : undefined;

export function createDrizzleDirectory(): Directory {
  return {
    async actorForIdentity(tx, identity) {
      const [row] = await executorOf(tx)
        .select({ organisationId: memberIdentities.organisationId, memberId: memberIdentities.memberId })
        .from(memberIdentities)
        .where(eq(memberIdentities.identity, identity));
      if (!row) return undefined;
      const actor = await actorOf(tx, row.organisationId, row.memberId);
      return actor ? { organisationId: row.organisationId, actor } : undefined;
    },

    actorForMember: actorOf,

    async members(tx, organisationId, ids) {
      if (ids.length === 0) return new Map();
      const rows = await executorOf(tx)
        .select()
        .from(members)
        .where(and(eq(members.organisationId, organisationId), inArray(members.id, [...ids])));
      return new Map(
        rows.map((r): [string, MemberRecord] => [
          r.id,
          { id: r.id, displayName: r.displayName, locale: asLocale(r.locale) },
        ]),
      );
    },

    async clientByCode(tx, organisationId, code) {
      const [row] = await executorOf(tx)
        .select()
        .from(clients)
        .where(and(eq(clients.organisationId, organisationId), eq(clients.code, code)));
      return row ? toClient(row) : undefined;
    },

    async clientById(tx, organisationId, id) {
      const [row] = await executorOf(tx)
        .select()
        .from(clients)
        .where(and(eq(clients.organisationId, organisationId), eq(clients.id, id)));
      return row ? toClient(row) : undefined;
    },

    async projectByCode(tx, organisationId, clientId, code) {
      const [row] = await executorOf(tx)
        .select()
        .from(projects)
        .where(
          and(
            eq(projects.organisationId, organisationId),
            eq(projects.clientId, clientId),
            eq(projects.code, code),
          ),
        );
      return row ? toProject(row) : undefined;
    },

    async projectById(tx, organisationId, clientId, id) {
      const [row] = await executorOf(tx)
        .select()
        .from(projects)
        .where(
          and(
            eq(projects.organisationId, organisationId),
            eq(projects.clientId, clientId),
            eq(projects.id, id),
          ),
        );
      return row ? toProject(row) : undefined;
    },

    async categories(tx, organisationId) {
      const rows = await executorOf(tx)
        .select()
        .from(categories)
        .where(and(eq(categories.organisationId, organisationId), eq(categories.active, true)));
      // An organisation that never customised its categories uses the defaults (domain/policy/categories.ts).
      if (rows.length === 0) return DEFAULT_CATEGORIES;
      return rows.map((r) => ({
        code: r.code,
        names: { en: r.names.en ?? r.code, 'zh-CN': r.names['zh-CN'] ?? r.names.en ?? r.code },
        aliases: r.aliases,
        billableDefault: r.billableDefault,
      }));
    },

    async approverLists(tx, organisationId, clientId) {
      const rows = await executorOf(tx)
        .select({ stage: approverAssignments.stage, memberId: approverAssignments.memberId })
        .from(approverAssignments)
        .where(
          and(
            eq(approverAssignments.organisationId, organisationId),
            eq(approverAssignments.clientId, clientId),
          ),
        )
        .orderBy(approverAssignments.stage, approverAssignments.createdAt, approverAssignments.memberId);
      const lists = new Map<number, string[]>();
      for (const row of rows) lists.set(row.stage, [...(lists.get(row.stage) ?? []), row.memberId]);
      return lists;
    },

    async membersWithRole(tx, organisationId, role) {
      const rows = await executorOf(tx)
        .select({ memberId: memberRoles.memberId })
        .from(memberRoles)
        .where(and(eq(memberRoles.organisationId, organisationId), eq(memberRoles.role, role)))
        .orderBy(memberRoles.createdAt, memberRoles.memberId);
      return rows.map((r) => r.memberId);
    },

    async delegations(tx, organisationId) {
      const rows = await executorOf(tx)
        .select()
        .from(delegations)
        .where(eq(delegations.organisationId, organisationId))
        .orderBy(delegations.createdAt);
      return rows.map((r) => ({ fromMemberId: r.fromMemberId, toMemberId: r.toMemberId, until: r.until }));
    },
  };
}

async function actorOf(tx: Tx, organisationId: string, memberId: string): Promise<MemberActor | undefined> {
  const db = executorOf(tx);
  const [member] = await db
    .select({ id: members.id, active: members.active })
    .from(members)
    .where(and(eq(members.organisationId, organisationId), eq(members.id, memberId)));
  if (!member?.active) return undefined;
  const [roles, assignments] = await Promise.all([
    db
      .select({ role: memberRoles.role })
      .from(memberRoles)
      .where(and(eq(memberRoles.organisationId, organisationId), eq(memberRoles.memberId, memberId))),
    db
      .select({ clientId: approverAssignments.clientId, stage: approverAssignments.stage })
      .from(approverAssignments)
      .where(
        and(
          eq(approverAssignments.organisationId, organisationId),
          eq(approverAssignments.memberId, memberId),
        ),
      ),
  ]);
  return memberActor(
    memberId,
    roles.map((r) => r.role as Role),
    assignments,
  );
}

export function toClient(row: typeof clients.$inferSelect): ClientRecord {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    currency: asCurrencyCode(row.currency),
    timeZone: row.timeZone,
    locale: asLocale(row.locale) ?? 'en',
    status: row.status,
    closedThrough: row.closedThrough ?? undefined,
  };
}

function toProject(row: typeof projects.$inferSelect): ProjectRecord {
  return {
    id: row.id,
    clientId: row.clientId,
    code: row.code,
    name: row.name,
    startOn: row.startOn ?? undefined,
    endOn: row.endOn ?? undefined,
    status: row.status,
  };
}
