import { and, eq, gt } from 'drizzle-orm';
import type { PendingPrompt, PromptRepository } from '../../domain/ports/prompt-repository.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { conversationPrompts } from '../schema/index.js';

export function createDrizzlePromptRepository(): PromptRepository {
  return {
    async ask(tx, organisationId, memberId, prompt) {
      const values = { kind: prompt.kind, payload: prompt.payload, expiresAt: prompt.expiresAt };
      await executorOf(tx)
        .insert(conversationPrompts)
        .values({ organisationId, memberId, ...values })
        .onConflictDoUpdate({
          target: [conversationPrompts.organisationId, conversationPrompts.memberId],
          set: values,
        });
    },
    async pending(tx, organisationId, memberId, now) {
      const [row] = await executorOf(tx)
        .select()
        .from(conversationPrompts)
        .where(
          and(
            eq(conversationPrompts.organisationId, organisationId),
            eq(conversationPrompts.memberId, memberId),
            gt(conversationPrompts.expiresAt, now),
          ),
        );
      if (!row) return undefined;
      return {
        kind: row.kind as PendingPrompt['kind'],
        payload: row.payload as PendingPrompt['payload'],
        expiresAt: row.expiresAt,
      };
    },
    async clear(tx, organisationId, memberId) {
      await executorOf(tx)
        .delete(conversationPrompts)
        .where(
          and(
            eq(conversationPrompts.organisationId, organisationId),
            eq(conversationPrompts.memberId, memberId),
          ),
        );
    },
  };
}
