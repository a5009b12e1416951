// `project add @client/<code> "<name>" [start] [end]` (docs/product-rules.md §1, §10): admins only. Dates are the
// client's.
import { authorise, type Forbidden } from '../people/permissions.js';
import { compareDates, todayIn } from '../periods/calendar-date.js';
import { type DateInput, type DateInvalid, resolveDateInput } from '../periods/date-input.js';
import type { ProjectRecord } from '../ports/directory.port.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { type Answered, auditChange, originOf, runChange } from './admin-change.js';
import type { AdminDeps } from './admin-deps.js';
import { checkCode, checkName, type NameInvalid } from './client-fields.js';
import { resolveForwardDate } from './forward-date.js';
import { type ClientNotFound, findClient } from './target-client.js';

export type AddProjectInput = {
  readonly clientCode: string;
  readonly projectCode: string;
  readonly name: string;
  /** A day without a year (`3/2`, `mon`) means the latest such day for the start… */
  readonly start?: DateInput | undefined;
  /** …and the next such day for the end. */
  readonly end?: DateInput | undefined;
};

export type AddedProject = { readonly project: ProjectRecord; readonly clientCode: string };

export type AddProjectFailure =
  | Forbidden
  | ClientNotFound
  | NameInvalid
  | DateInvalid
  | Failure<'PROJECT_CODE_INVALID' | 'PROJECT_CODE_TAKEN' | 'PROJECT_ENDS_BEFORE_START'>;

export const addProject =
  (deps: AdminDeps) =>
  (ctx: RequestContext, input: AddProjectInput): Promise<Result<Answered<AddedProject>, AddProjectFailure>> =>
    runChange<AddedProject, AddProjectFailure>(deps, originOf(ctx), 'project-add', async (tx) => {
      const allowed = authorise(ctx.actor, 'manage-projects');
      if (!allowed.ok) return allowed;
      const org = ctx.organisationId;
      const client = await findClient(deps, tx, org, input.clientCode);
      if (!client.ok) return client;
      const code = checkCode(input.projectCode, 'PROJECT_CODE_INVALID');
      if (!code.ok) return code;
      const name = checkName(input.name);
      if (!name.ok) return name;

      const today = todayIn(deps.clock.now().getTime(), client.value.timeZone);
      const start = input.start === undefined ? ok(undefined) : resolveDateInput(input.start, today);
      if (!start.ok) return start;
      const end = input.end === undefined ? ok(undefined) : resolveForwardDate(input.end, today);
      if (!end.ok) return end;
      if (start.value !== undefined && end.value !== undefined && compareDates(end.value, start.value) < 0) {
        return fail('PROJECT_ENDS_BEFORE_START', { start: start.value, end: end.value });
      }

      const project: ProjectRecord = {
        id: deps.ids.newId(),
        clientId: client.value.id,
        code: code.value,
        name: name.value,
        startOn: start.value,
        endOn: end.value,
        status: 'active',
      };
      if (!(await deps.admin.insertProject(tx, org, project))) {
        return fail('PROJECT_CODE_TAKEN', { client: client.value.code, code: project.code });
      }
      await auditChange(deps, tx, originOf(ctx), {
        action: 'project.added',
        entityType: 'project',
        entityId: project.id,
        after: project,
      });
      return ok({ project, clientCode: client.value.code });
    });
