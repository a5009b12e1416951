// Part of the composition root: config → logger → database → repositories → use cases → conversation, console and
// outbox worker → listen; and the reverse on shutdown.
import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { createConsoleNotifier } from '../bots/console/console-notifier.js';
import { CONSOLE_PREFIX, consolePlugin } from '../bots/console/console-plugin.js';
import { registerMetrics } from '../bots/http-metrics.js';
import { createHttpServer } from '../bots/http-server.js';
import { registerInternalJobsRoute } from '../bots/internal-jobs-route.js';
import { reportFilesPlugin } from '../bots/report-files/report-files-plugin.js';
import {
  createLinkSecrets,
  createSignedReportLinks,
  REPORT_FILES_PREFIX,
} from '../bots/report-files/signed-report-links.js';
import { createConversation } from '../bots/shared/conversation/create-conversation.js';
import { createSpeakerIdentifier } from '../bots/shared/conversation/identify-speaker.js';
import type { Conversation } from '../bots/shared/conversation.js';
import type { PlatformContext, PlatformModule } from '../bots/shared/platform-module.js';
import { createAnnouncementRenderer } from '../bots/shared/render-announcement.js';
import { createSlackModule } from '../bots/slack/slack-module.js';
import { createTeamsModule } from '../bots/teams/teams-module.js';
import { createWecomModule } from '../bots/wecom/wecom-module.js';
import { createWecomRobotNotifier } from '../bots/wecom/wecom-robot-notifier.js';
import type { Config } from '../config/config.js';
import { describeConfigForLog } from '../config/describe-config.js';
import type { ChatNotifier } from '../domain/ports/chat-notifier.port.js';
import type { Clock } from '../domain/ports/clock.port.js';
import type { IdGenerator } from '../domain/ports/id-generator.port.js';
import type { Logger } from '../domain/ports/logger.port.js';
import { type CronScheduler, createCronScheduler } from '../scheduler/cron-scheduler.js';
import {
  createOutboxWorker,
  type OutboxWorker,
  type OutboxWorkerOptions,
} from '../scheduler/outbox/outbox-worker.js';
import { bootstrapOrganisation, DEFAULT_ORGANISATION_ID } from '../storage/bootstrap-organisation.js';
import { createStoragePorts } from '../storage/create-storage-ports.js';
import { newHandoverToken, writeJobHandover } from '../storage/job-handover-file.js';
import { type DatabaseOptions, type OpenDatabase, openDatabase } from '../storage/open-database.js';
import { createReceiptStore } from '../storage/receipts/create-receipt-store.js';
import { createDrizzleAuditChainStore } from '../storage/repositories/drizzle-audit-chain-store.js';
import { createDrizzleConsoleTranscript } from '../storage/repositories/drizzle-console-transcript.js';
import {
  createDrizzleAddressResolver,
  createDrizzleOutboxDeliveryStore,
} from '../storage/repositories/drizzle-outbox-delivery-store.js';
import { buildUseCases, type CoreDeps } from './build-conversation.js';
import { createJobRunner, type JobRunner } from './scheduler-jobs.js';
import { seedDemoIfEmpty } from './seed-demo.js';

export const systemClock: Clock = { now: () => new Date() };

export const cryptoIds: IdGenerator = {
  newId: () => randomUUID(),
  randomInt: (maxExclusive) => randomInt(maxExclusive),
};

export type RunningServer = {
  readonly url: string;
  readonly database: OpenDatabase;
  close(): Promise<void>;
};

export function openConfiguredDatabase(config: Config): Promise<OpenDatabase> {
  const options: DatabaseOptions =
    config.database.kind === 'postgres'
      ? { kind: 'postgres', url: config.database.url }
      : { kind: 'pglite', dataDir: config.database.dataDir };
  return openDatabase(options);
}

/** Every port over the configured database, with the system clock and cryptographic ids. */
export function buildCoreDeps(config: Config, database: OpenDatabase, clock: Clock = systemClock): CoreDeps {
  const storage = createStoragePorts(database.db, cryptoIds, clock);
  return {
    ...storage,
    clock,
    ids: cryptoIds,
    receiptStore: createReceiptStore(config.receipts),
    chain: createDrizzleAuditChainStore(),
    reportLinks: createSignedReportLinks({
      secrets: createLinkSecrets(storage),
      clock,
      publicUrl: config.server.publicUrl,
    }),
    robotWebhookOrigins: [
      'https://qyapi.weixin.qq.com',
      ...(config.wecom === undefined ? [] : [config.wecom.apiBase]),
    ],
  };
}

export type OutlayAppOptions = {
  readonly config: Config;
  readonly database: OpenDatabase;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Tests wrap the console notifier to fail or rate-limit on purpose. */
  readonly wrapNotifier?: (notifier: ChatNotifier) => ChatNotifier;
  /** Chat platforms to mount beside the console (main.ts picks them from the configuration). */
  readonly platforms?: readonly PlatformModule[];
};

export type OutlayApp = {
  readonly app: FastifyInstance;
  /** The conversation every platform talks to (tests reach it directly for identities no route can speak as). */
  readonly conversation: Conversation;
  readonly worker: OutboxWorker;
  /** Runs a scheduler job as of an instant: `outlay job`, the hand-over route and the cron triggers use it. */
  readonly jobs: JobRunner;
  /** The node-cron triggers (started when SCHEDULER_ENABLED); tests call `tick` with a frozen clock instead. */
  readonly scheduler: CronScheduler;
  /** Stops the scheduler and the worker, then the HTTP server (the database stays open: its owner closes it). */
  close(): Promise<void>;
};

/** Everything but the listening socket and the database's life: what the server and in-process tests share. */
export async function createOutlayApp(options: OutlayAppOptions): Promise<OutlayApp> {
  const { config, database, logger } = options;
  const organisationId = DEFAULT_ORGANISATION_ID;
  const bootstrap = await bootstrapOrganisation(database.db, {
    organisationId,
    name: 'Outlay',
    locale: config.locale,
    adminIdentities: config.admins,
  });
  if (bootstrap.organisationCreated) logger.info('created the default organisation');
  if (bootstrap.adminsAdded.length > 0) logger.info({ admins: bootstrap.adminsAdded }, 'bootstrapped admins');

  const core = buildCoreDeps(config, database, options.clock);
  const { clock } = core;
  const ports = core;
  const useCases = buildUseCases(core);
  if (config.demo) {
    const seeded = await seedDemoIfEmpty(database.db, core, organisationId);
    if (seeded) logger.info('seeded the demo organisation: open /console to try it');
  }
  const memberNames = (org: string, memberIds: readonly string[]) =>
    ports.uow.run(async (tx) => {
      const members = await ports.directory.members(tx, org, memberIds);
      return new Map([...members].map(([id, m]) => [id, m.displayName]));
    });
  const conversation = createConversation({
    organisationId,
    identify: createSpeakerIdentifier({
      uow: ports.uow,
      directory: ports.directory,
      bindings: ports.bindings,
      ensureMember: useCases.ensureMember,
      organisationId,
      organisationLocale: config.locale,
    }),
    useCases,
    prompts: {
      ask: (org, member, prompt) => ports.uow.run((tx) => ports.prompts.ask(tx, org, member, prompt)),
      pending: (org, member) => ports.uow.run((tx) => ports.prompts.pending(tx, org, member, clock.now())),
      clear: (org, member) => ports.uow.run((tx) => ports.prompts.clear(tx, org, member)),
    },
    clock,
    displayTimeZone: 'UTC',
    memberNames,
    clientCodes: (org, clientIds) =>
      ports.uow.run(async (tx) => {
        const codes = new Map<string, string>();
        for (const id of clientIds) {
          const client = await ports.directory.clientById(tx, org, id);
          if (client) codes.set(id, client.code);
        }
        return codes;
      }),
  });

  const render = createAnnouncementRenderer({
    describeExpense: useCases.describeExpense,
    localeFor: async (org, reader) =>
      ports.uow.run(async (tx) => {
        const member = reader.memberId
          ? (await ports.directory.members(tx, org, [reader.memberId])).get(reader.memberId)
          : undefined;
        const client = reader.clientId
          ? await ports.directory.clientById(tx, org, reader.clientId)
          : undefined;
        return member?.locale ?? client?.locale ?? config.locale;
      }),
    clientName: async (org, clientId) =>
      ports.uow.run(async (tx) => (await ports.directory.clientById(tx, org, clientId))?.name),
    memberName: async (org, memberId) =>
      ports.uow.run(
        async (tx) => (await ports.directory.members(tx, org, [memberId])).get(memberId)?.displayName,
      ),
  });
  const transcript = createDrizzleConsoleTranscript();
  const deliveryStore = createDrizzleOutboxDeliveryStore(database.db, core.ids, clock);

  const app = createHttpServer({
    logger,
    readinessChecks: [{ name: 'database', check: () => database.ping() }],
  });
  const metrics = registerMetrics(app, {
    registry: new Registry(),
    ...(config.metrics.token === undefined ? {} : { token: config.metrics.token }),
    outboxDepth: () => deliveryStore.countByStatus(),
  });
  await app.register(consolePlugin, {
    prefix: CONSOLE_PREFIX,
    conversation,
    transcript,
    uow: ports.uow,
    organisationId,
    ...(config.console.token === undefined ? {} : { token: config.console.token }),
    enabled: config.console.enabled,
    uploadLimitBytes: 10 * 1024 * 1024,
  });
  await app.register(reportFilesPlugin, {
    prefix: REPORT_FILES_PREFIX,
    ...core,
    secrets: createLinkSecrets(core),
  });

  const platformContext: PlatformContext = {
    conversation,
    render,
    uow: ports.uow,
    records: ports.platformRecords,
    deliveryRefs: ports.deliveryRefs,
    logger,
    clock,
    organisationId,
    localeOf: (identity) =>
      ports.uow.run(async (tx) => {
        const known = await ports.directory.actorForIdentity(tx, identity);
        if (known === undefined) return undefined;
        const members = await ports.directory.members(tx, known.organisationId, [known.actor.memberId]);
        return members.get(known.actor.memberId)?.locale ?? config.locale;
      }),
    createOrganisation: async (created) => {
      const result = await bootstrapOrganisation(database.db, {
        organisationId: created.organisationId,
        name: created.name,
        locale: config.locale,
        adminIdentities: created.adminIdentity === undefined ? [] : [created.adminIdentity],
        source: created.source,
      });
      logger.info(
        { organisationId: created.organisationId, ...result },
        result.organisationCreated ? 'created an organisation' : 'organisation already there',
      );
    },
  };
  for (const platform of options.platforms ?? []) {
    await platform.register(app, platformContext);
    logger.info({ platform: platform.platform }, 'platform mounted');
  }

  const workerOptions: OutboxWorkerOptions = {
    store: deliveryStore,
    notifiers: [
      (options.wrapNotifier ?? ((n) => n))(
        createConsoleNotifier({
          uow: ports.uow,
          transcript,
          render,
          onDelivered: () => metrics.outboxDeliveries.inc({ platform: 'console', outcome: 'delivered' }),
        }),
      ),
      ...(options.platforms ?? []).map((platform) => platform.notifier(platformContext)),
      // WeCom group robots need no app credentials (the key is in the URL), so they work even without WeCom set up.
      createWecomRobotNotifier({
        webhookOf: (org, bindingId) =>
          ports.uow.run(async (tx) => (await ports.bindings.byId(tx, org, bindingId))?.webhookUrl),
        render,
        clock,
      }),
    ],
    resolver: createDrizzleAddressResolver(database.db),
    clock,
    random: Math.random,
    logger: logger.child({ component: 'outbox' }),
    onDead: () => metrics.outboxDeliveries.inc({ platform: 'any', outcome: 'dead' }),
    leaseMs: config.outbox.leaseSeconds * 1000,
  };
  const worker = createOutboxWorker(workerOptions);
  if (config.outbox.enabled) worker.start();

  const jobDeps = {
    config,
    core,
    logger,
    // `outlay job outbox --at …` delivers as of that instant, with the same notifiers as the running worker.
    outboxWorker: (jobClock: Clock) => createOutboxWorker({ ...workerOptions, clock: jobClock }),
  };
  const jobs = createJobRunner(jobDeps);
  // One map for the scheduler's life, so each minute's reports tick asks the ledger only about new occurrences.
  const scheduledJobs = createJobRunner({ ...jobDeps, reportsSettled: new Map() });
  const scheduler = createCronScheduler({
    clock,
    logger,
    async run(job, at, runLogger) {
      const result = await scheduledJobs.run(job, at, {}, runLogger).catch((error: unknown) => {
        metrics.jobRuns.inc({ job, outcome: 'failed' });
        throw error;
      });
      if (!result.ok) throw new Error(`job ${job} refused: ${result.error.code}`);
      metrics.jobRuns.inc({ job, outcome: 'ran' });
      return result.value;
    },
  });
  if (config.scheduler.enabled) scheduler.start();

  return {
    app,
    conversation,
    worker,
    jobs,
    scheduler,
    async close() {
      await scheduler.stop();
      await worker.stop();
      await app.close();
    },
  };
}

/** A platform is mounted when its settings are present (docs/product-rules.md §11); half of them never get here. */
export function platformsFromConfig(config: Config): PlatformModule[] {
  return [
    ...(config.slack
      ? [createSlackModule(config.slack, { locale: config.locale, publicUrl: config.server.publicUrl })]
      : []),
    ...(config.teams ? [createTeamsModule(config.teams)] : []),
    ...(config.wecom ? [createWecomModule(config.wecom, { locale: config.locale })] : []),
  ];
}

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  logger.info({ config: describeConfigForLog(config) }, 'starting Outlay');
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    const outlay = await createOutlayApp({
      config,
      database,
      logger,
      platforms: platformsFromConfig(config),
    });
    // The embedded database is this process's alone: `outlay job` hands its jobs over through a loopback route
    // whose token only a reader of DATA_DIR learns.
    const handoverToken = database.engine === 'pglite' ? newHandoverToken() : undefined;
    if (handoverToken !== undefined) {
      await registerInternalJobsRoute(outlay.app, { token: handoverToken, run: outlay.jobs.run, logger });
    }
    const url = await outlay.app.listen({ port: config.server.port, host: '0.0.0.0' });
    const address = outlay.app.server.address();
    const removeHandover =
      handoverToken !== undefined && address !== null && typeof address === 'object'
        ? await writeJobHandover(config.dataDir, {
            pid: process.pid,
            port: address.port,
            token: handoverToken,
          })
        : undefined;
    // Logged only once the hand-over file exists: whoever waits for this line may run `outlay job` at once.
    logger.info({ url, engine: database.engine }, 'Outlay is listening');

    let closing: Promise<void> | undefined;
    return {
      url,
      database,
      close() {
        closing ??= (async () => {
          await removeHandover?.();
          await outlay.close();
          await database.close();
          logger.info('stopped');
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
