// `link` (docs/product-rules.md §1): a one-time code for the member who asked, to type as `link <code>` on another
// platform within ten minutes. Whoever types it becomes this member there, so it is shown to the asker only.
import { generateLinkCode } from '../people/link-code.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { type Answered, auditChange, originOf, runChange } from './admin-change.js';
import type { AdminDeps } from './admin-deps.js';

export type LinkStarted = { readonly code: string; readonly expiresAt: string };

export type StartLinkFailure = Forbidden | Failure<'LINK_CODE_EXHAUSTED'>;

/** Codes are never reused within an organisation; with 30^6 of them a few draws always find a fresh one. */
const MAX_DRAWS = 8;

export const startLink =
  (deps: AdminDeps) =>
  (ctx: RequestContext): Promise<Result<Answered<LinkStarted>, StartLinkFailure>> =>
    runChange<LinkStarted, StartLinkFailure>(deps, originOf(ctx), 'link-start', async (tx) => {
      const allowed = authorise(ctx.actor, 'link-identity');
      if (!allowed.ok) return allowed;
      const org = ctx.organisationId;
      const memberId = ctx.actor.memberId;
      const now = deps.clock.now().toISOString();
      for (let draw = 0; draw < MAX_DRAWS; draw++) {
        const issued = generateLinkCode((n) => deps.ids.randomInt(n), now);
        if (!(await deps.identityLinks.insertLinkCode(tx, org, { ...issued, memberId }))) continue;
        // The code itself stays out of the audit log: it is a credential until it expires.
        await auditChange(deps, tx, originOf(ctx), {
          action: 'identity.link-started',
          entityType: 'member',
          entityId: memberId,
          after: { expiresAt: issued.expiresAt },
        });
        return ok({ code: issued.code, expiresAt: issued.expiresAt });
      }
      return fail('LINK_CODE_EXHAUSTED', { draws: MAX_DRAWS });
    });
