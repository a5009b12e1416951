// The write side of the organisation's set-up: clients, projects, roles, approver lists, delegations, bindings.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { asCurrencyCode } from '../../domain/money/currency.js';
import type { AdminRepository, GrantableRole } from '../../domain/ports/admin-repository.port.js';
import type { ProjectRecord } from '../../domain/ports/directory.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import {
  approverAssignments,
  channelBindings,
  clients,
  delegations,
  memberIdentities,
  memberRoles,
  members,
  organisations,
  projects,
} from '../schema/index.js';

const GRANTABLE: readonly GrantableRole[] = ['admin', 'finance'];

export function createDrizzleAdminRepository(): AdminRepository {
  return {
    async organisationLocale(tx, organisationId) {
      const [row] = await executorOf(tx)
        .select({ locale: organisations.locale })
        .from(organisations)
        .where(eq(organisations.id, organisationId));
      return row?.locale === 'zh-CN' ? 'zh-CN' : 'en';
    },

    async insertClient(tx, organisationId, client) {
      const inserted = await executorOf(tx)
        .insert(clients)
        .values({
          organisationId,
          id: client.id,
          code: client.code,
          name: client.name,
          currency: client.currency,
          timeZone: client.timeZone,
          locale: client.locale,
          status: client.status,
          closedThrough: client.closedThrough ?? null,
        })
        .onConflictDoNothing()
        .returning({ id: clients.id });
      return inserted.length > 0;
    },

    async clientCurrencies(tx, organisationId) {
      const rows = await executorOf(tx)
        .selectDistinct({ currency: clients.currency })
        .from(clients)
        .where(eq(clients.organisationId, organisationId))
        .orderBy(clients.currency);
      return rows.map((r) => asCurrencyCode(r.currency));
    },

    async lockClient(tx, organisationId, clientId) {
      await executorOf(tx)
        .select({ id: clients.id })
        .from(clients)
        .where(and(eq(clients.organisationId, organisationId), eq(clients.id, clientId)))
        .for('no key update');
    },

    async projects(tx, organisationId, clientId) {
      const rows = await executorOf(tx)
        .select()
        .from(projects)
        .where(and(eq(projects.organisationId, organisationId), eq(projects.clientId, clientId)))
        .orderBy(projects.createdAt, projects.code);
      return rows.map(
        (r): ProjectRecord => ({
          id: r.id,
          clientId: r.clientId,
          code: r.code,
          name: r.name,
          startOn: r.startOn ?? undefined,
          endOn: r.endOn ?? undefined,
          status: r.status,
        }),
      );
    },

    async insertProject(tx, organisationId, project) {
      const inserted = await executorOf(tx)
        .insert(projects)
        .values({
          organisationId,
          id: project.id,
          clientId: project.clientId,
          code: project.code,
          name: project.name,
          startOn: project.startOn ?? null,
          endOn: project.endOn ?? null,
          status: project.status,
        })
        .onConflictDoNothing()
        .returning({ id: projects.id });
      return inserted.length > 0;
    },

    async member(tx, organisationId, memberId) {
      const [row] = await executorOf(tx)
        .select({ id: members.id, active: members.active })
        .from(members)
        .where(and(eq(members.organisationId, organisationId), eq(members.id, memberId)));
      return row;
    },

    async memberByIdentity(tx, organisationId, identity) {
      const [row] = await executorOf(tx)
        .select({ id: members.id, active: members.active })
        .from(memberIdentities)
        .innerJoin(
          members,
          and(
            eq(members.organisationId, memberIdentities.organisationId),
            eq(members.id, memberIdentities.memberId),
          ),
        )
        .where(
          and(eq(memberIdentities.identity, identity), eq(memberIdentities.organisationId, organisationId)),
        );
      return row;
    },

    async grantedRoles(tx, organisationId, memberId) {
      const rows = await executorOf(tx)
        .select({ role: memberRoles.role })
        .from(memberRoles)
        .where(
          and(
            eq(memberRoles.organisationId, organisationId),
            eq(memberRoles.memberId, memberId),
            inArray(memberRoles.role, [...GRANTABLE]),
          ),
        );
      return rows.map((r) => r.role as GrantableRole);
    },

    async lockAdmins(tx, organisationId) {
      const rows = await executorOf(tx)
        .select({ memberId: memberRoles.memberId })
        .from(memberRoles)
        .innerJoin(
          members,
          and(eq(members.organisationId, memberRoles.organisationId), eq(members.id, memberRoles.memberId)),
        )
        .where(
          and(
            eq(memberRoles.organisationId, organisationId),
            eq(memberRoles.role, 'admin'),
            eq(members.active, true),
          ),
        )
        .orderBy(asc(memberRoles.memberId))
        .for('update', { of: memberRoles });
      return rows.map((r) => r.memberId);
    },

    async grantRole(tx, organisationId, memberId, role, by) {
      await executorOf(tx)
        .insert(memberRoles)
        .values({ organisationId, memberId, role, grantedBy: by })
        .onConflictDoNothing();
    },

    async revokeRoles(tx, organisationId, memberId, roles) {
      if (roles.length === 0) return;
      await executorOf(tx)
        .delete(memberRoles)
        .where(
          and(
            eq(memberRoles.organisationId, organisationId),
            eq(memberRoles.memberId, memberId),
            inArray(memberRoles.role, [...roles]),
          ),
        );
    },

    async replaceApprovers(tx, organisationId, clientId, stage, memberIds, at) {
      const db = executorOf(tx);
      await db
        .delete(approverAssignments)
        .where(
          and(
            eq(approverAssignments.organisationId, organisationId),
            eq(approverAssignments.clientId, clientId),
            eq(approverAssignments.stage, stage),
          ),
        );
      if (memberIds.length === 0) return;
      // Lists are read back in created_at order; a millisecond apart keeps the order the admin typed.
      await db.insert(approverAssignments).values(
        memberIds.map((memberId, i) => ({
          organisationId,
          clientId,
          stage,
          memberId,
          createdAt: new Date(at.getTime() + i),
        })),
      );
    },

    async insertDelegation(tx, organisationId, id, delegation) {
      await executorOf(tx).insert(delegations).values({
        organisationId,
        id,
        fromMemberId: delegation.fromMemberId,
        toMemberId: delegation.toMemberId,
        until: delegation.until,
      });
    },

    async insertBinding(tx, organisationId, binding) {
      await executorOf(tx)
        .insert(channelBindings)
        .values({ organisationId, id: binding.id, ...bindingColumns(binding) });
    },

    async updateBinding(tx, organisationId, binding) {
      await executorOf(tx)
        .update(channelBindings)
        .set(bindingColumns(binding))
        .where(and(eq(channelBindings.organisationId, organisationId), eq(channelBindings.id, binding.id)));
    },
  };
}

function bindingColumns(binding: Parameters<AdminRepository['insertBinding']>[2]) {
  return {
    address: binding.address,
    clientId: binding.clientId ?? null,
    audience: binding.audience,
    reportSchedule: binding.reportSchedule ?? null,
    reportLocale: binding.reportLocale ?? null,
    budgetWarnings: binding.budgetWarnings,
    webhookUrl: binding.webhookUrl ?? null,
  };
}
