// The console's channels and direct messages. Write times come from the database clock at the moment of the
// write (not the transaction's start) and are cut to milliseconds, so the page's cursor — a JavaScript Date —
// names exactly the instant it saw and a message written later in a long transaction still sorts after it.
import { and, asc, desc, eq, gt, inArray, like, sql } from 'drizzle-orm';
import type { Card } from '../../domain/messaging/card.js';
import {
  CONSOLE_IDENTITY_PREFIX,
  type ConsoleChannel,
  type ConsoleMessage,
  type ConsolePerson,
  type ConsoleTranscript,
  clientContactName,
} from '../../domain/ports/console-transcript.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import {
  approverAssignments,
  channelBindings,
  clients,
  consoleMessages,
  memberIdentities,
  memberRoles,
  members,
} from '../schema/index.js';

const databaseNow = sql`date_trunc('milliseconds', clock_timestamp())`;

export type ConsoleTranscriptOptions = {
  /**
   * Stamps writes with this clock instead of the database's, for tests that need distinct instants without
   * waiting. Leave it out in production: a frozen clock would give every write the same instant.
   */
  readonly now?: () => Date;
};

export function createDrizzleConsoleTranscript(options: ConsoleTranscriptOptions = {}): ConsoleTranscript {
  const writtenNow = () => (options.now === undefined ? databaseNow : options.now());
  return {
    async post(tx, organisationId, message) {
      const db = executorOf(tx);
      if (message.dedupeKey !== undefined) {
        const [existing] = await db
          .select({ seq: consoleMessages.seq })
          .from(consoleMessages)
          .where(
            and(
              eq(consoleMessages.organisationId, organisationId),
              eq(consoleMessages.dedupeKey, message.dedupeKey),
            ),
          )
          .orderBy(asc(consoleMessages.seq))
          .limit(1);
        if (existing) return { seq: existing.seq };
      }
      const [row] = await db
        .insert(consoleMessages)
        .values({
          organisationId,
          address: message.address,
          outboxId: message.outboxId ?? null,
          dedupeKey: message.dedupeKey ?? null,
          kind: message.kind,
          card: message.card,
          createdAt: writtenNow(),
          updatedAt: writtenNow(),
        })
        .returning({ seq: consoleMessages.seq });
      if (!row) throw new Error('console message insert returned no row');
      return { seq: row.seq };
    },

    async replace(tx, organisationId, dedupeKey, card) {
      const db = executorOf(tx);
      const first = db
        .select({ seq: consoleMessages.seq })
        .from(consoleMessages)
        .where(
          and(eq(consoleMessages.organisationId, organisationId), eq(consoleMessages.dedupeKey, dedupeKey)),
        )
        .orderBy(asc(consoleMessages.seq))
        .limit(1);
      const [row] = await db
        .update(consoleMessages)
        .set({ card, updatedAt: writtenNow() })
        .where(
          and(eq(consoleMessages.organisationId, organisationId), eq(consoleMessages.seq, sql`(${first})`)),
        )
        .returning({ seq: consoleMessages.seq });
      return row ? { seq: row.seq } : undefined;
    },

    async read(tx, organisationId, addresses, since, limit) {
      if (addresses.length === 0 || limit < 1) return { messages: [], cursor: since };
      const db = executorOf(tx);
      const atAddresses = and(
        eq(consoleMessages.organisationId, organisationId),
        inArray(consoleMessages.address, [...addresses]),
      );
      const columns = {
        seq: consoleMessages.seq,
        address: consoleMessages.address,
        kind: consoleMessages.kind,
        card: consoleMessages.card,
        createdAt: consoleMessages.createdAt,
        updatedAt: consoleMessages.updatedAt,
      };
      // With a cursor, the earliest writes come first so a limit never leaves a gap behind the new cursor;
      // without one, the page wants the end of the conversation.
      const rows =
        since === undefined
          ? (
              await db
                .select(columns)
                .from(consoleMessages)
                .where(atAddresses)
                .orderBy(desc(consoleMessages.seq))
                .limit(limit)
            ).reverse()
          : (
              await db
                .select(columns)
                .from(consoleMessages)
                .where(and(atAddresses, gt(consoleMessages.updatedAt, since)))
                .orderBy(asc(consoleMessages.updatedAt), asc(consoleMessages.seq))
                .limit(limit)
            ).sort((a, b) => a.seq - b.seq);
      const messages = rows.map((row): ConsoleMessage => ({ ...row, card: row.card as Card }));
      const cursor = messages.reduce<Date | undefined>(
        (latest, m) => (latest === undefined || m.updatedAt > latest ? m.updatedAt : latest),
        since,
      );
      return { messages, cursor };
    },

    async people(tx, organisationId) {
      const db = executorOf(tx);
      const [memberRows, roleRows, approverRows, clientRows, bindingRows] = await Promise.all([
        db
          .select({
            identity: memberIdentities.identity,
            memberId: members.id,
            displayName: members.displayName,
          })
          .from(memberIdentities)
          .innerJoin(
            members,
            and(
              eq(members.organisationId, memberIdentities.organisationId),
              eq(members.id, memberIdentities.memberId),
            ),
          )
          .where(
            and(
              eq(memberIdentities.organisationId, organisationId),
              like(memberIdentities.identity, `${CONSOLE_IDENTITY_PREFIX}%`),
              eq(members.active, true),
            ),
          )
          .orderBy(asc(members.displayName), asc(memberIdentities.identity)),
        db
          .select({ memberId: memberRoles.memberId, role: memberRoles.role })
          .from(memberRoles)
          .where(eq(memberRoles.organisationId, organisationId)),
        db
          .select({ memberId: approverAssignments.memberId, clientCode: clients.code })
          .from(approverAssignments)
          .innerJoin(
            clients,
            and(
              eq(clients.organisationId, approverAssignments.organisationId),
              eq(clients.id, approverAssignments.clientId),
            ),
          )
          .where(eq(approverAssignments.organisationId, organisationId))
          .orderBy(asc(clients.code)),
        db
          .select({ code: clients.code, name: clients.name })
          .from(clients)
          .where(and(eq(clients.organisationId, organisationId), eq(clients.status, 'active')))
          .orderBy(asc(clients.code)),
        db
          .select({
            address: channelBindings.address,
            audience: channelBindings.audience,
            clientCode: clients.code,
            clientName: clients.name,
          })
          .from(channelBindings)
          .leftJoin(
            clients,
            and(
              eq(clients.organisationId, channelBindings.organisationId),
              eq(clients.id, channelBindings.clientId),
            ),
          )
          .where(
            and(
              eq(channelBindings.organisationId, organisationId),
              like(channelBindings.address, `${CONSOLE_IDENTITY_PREFIX}#%`),
            ),
          )
          .orderBy(asc(channelBindings.address), asc(channelBindings.audience)),
      ]);

      const rolesOf = groupBy(
        roleRows.filter((r) => r.role === 'admin' || r.role === 'finance'),
        (r) => r.memberId,
        (r) => r.role as 'admin' | 'finance',
      );
      const approverFor = groupBy(
        approverRows,
        (r) => r.memberId,
        (r) => r.clientCode,
      );
      const memberPeople = memberRows.map(
        (row): ConsolePerson => ({
          identity: row.identity,
          name: row.identity.slice(CONSOLE_IDENTITY_PREFIX.length),
          displayName: row.displayName,
          kind: 'member',
          roles: [...new Set(rolesOf.get(row.memberId) ?? [])].sort(),
          approverFor: [...new Set(approverFor.get(row.memberId) ?? [])],
          clientCode: undefined,
        }),
      );
      const contacts = clientRows.map(
        (client): ConsolePerson => ({
          identity: `${CONSOLE_IDENTITY_PREFIX}${clientContactName(client.code)}`,
          name: clientContactName(client.code),
          displayName: client.name,
          kind: 'client-contact',
          roles: [],
          approverFor: [],
          clientCode: client.code,
        }),
      );
      const channels = bindingRows.map(
        (row): ConsoleChannel => ({
          address: row.address,
          audience: row.audience,
          clientCode: row.clientCode ?? undefined,
          clientName: row.clientName ?? undefined,
        }),
      );
      return { people: [...memberPeople, ...contacts], channels };
    },
  };
}

function groupBy<T, V>(rows: readonly T[], keyOf: (row: T) => string, pick: (row: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(pick(row));
    else groups.set(key, [pick(row)]);
  }
  return groups;
}
