// `outlay job` on the embedded database: run directly when no server is up, handed over to the running server
// (a real `outlay serve` child process) when one owns the database, and directly again once the hand-over file is
// stale. The job command is called in process where that is enough, and spawned where the exit code is the point.
// Instants are in 2030, later than the wall clock, because bindings and outbox rows are stamped by the database.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobCommand } from '../../src/composition/run-job-command.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { jobHandoverPath, writeJobHandover } from '../../src/storage/job-handover-file.js';
import { runOutlayCommand, startOutlayProcess } from '../support/outlay-process.js';

/** Monday 1 April 2030, 09:00 in Shanghai: Acme's weekly report and its client channel's monthly one fall due. */
const APRIL_1_0900_SHANGHAI = '2030-04-01T09:00:00+08:00';

type JobOutput = { job: string; at: string; ranBy: string; summary: Record<string, number> };

async function runJob(dataDir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const config = parseConfig({ DATA_DIR: dataDir, OUTLAY_DEMO: 'false', LOG_LEVEL: 'silent' });
  const code = await runJobCommand(args, config, pino({ level: 'silent' }), {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
  });
  return { code, out, err };
}

const parsed = (out: string): JobOutput => JSON.parse(out) as JobOutput;

/** The real command line, as an operator types it. */
const spawnOutlay = runOutlayCommand;

describe('outlay job on the embedded database', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'outlay-job-'));
    const seeded = await spawnOutlay(['seed-demo'], { DATA_DIR: dataDir });
    expect(seeded.code, seeded.err).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs the job in its own process when no server is up, as if the clock read --at', async () => {
    const first = await runJob(dataDir, ['reports', '--at', APRIL_1_0900_SHANGHAI, '--client', 'acme']);
    expect(first.code, first.err).toBe(0);
    expect(parsed(first.out)).toEqual({
      job: 'reports',
      at: '2030-04-01T01:00:00.000Z',
      ranBy: 'this process',
      // Acme's team channel (weekly) and its client channel (monthly) both fall due at that instant.
      summary: { bindings: 2, enqueued: 2, alreadyClaimed: 0, notDue: 0, gone: 0, failed: 0 },
    });
    const again = await runJob(dataDir, ['reports', '--at', APRIL_1_0900_SHANGHAI, '--client', 'acme']);
    expect(parsed(again.out).summary).toMatchObject({ enqueued: 0, alreadyClaimed: 2 });
  }, 60_000);

  it('exits 64 with a clear message for an unknown job, a bad --at or an unknown client', async () => {
    const unknownJob = await spawnOutlay(['job', 'report'], { DATA_DIR: dataDir });
    expect(unknownJob.code).toBe(64);
    expect(unknownJob.err).toContain('"report" is not a job. Jobs: reports, budget-warnings, reminders');
    expect(unknownJob.out).toBe('');
    const badAt = await runJob(dataDir, ['reports', '--at', 'next monday']);
    expect(badAt.code).toBe(64);
    expect(badAt.err).toContain('--at "next monday" is not an ISO 8601 instant with a UTC offset');
    const unknownClient = await spawnOutlay(['job', 'reports', '--client', 'initech'], { DATA_DIR: dataDir });
    expect(unknownClient.code).toBe(64);
    expect(unknownClient.err).toContain('no client has the code "initech".');
  }, 90_000);

  it('exits 1 with one line when the job cannot run (PostgreSQL unreachable), not with a stack trace', async () => {
    let err = '';
    const config = parseConfig({ DATABASE_URL: 'postgres://outlay@127.0.0.1:1/outlay', LOG_LEVEL: 'silent' });
    const code = await runJobCommand(
      ['reports', '--at', APRIL_1_0900_SHANGHAI],
      config,
      pino({ level: 'silent' }),
      {
        stdout: () => {},
        stderr: (text) => {
          err += text;
        },
      },
    );
    expect(code).toBe(1);
    expect(err).toMatch(/^outlay job: the reports job failed: .+\n$/);
  });

  it('hands the job to the running server, which owns the database, and runs it directly once it is gone', async () => {
    // Its own loops are off, so what gets done here is what the handed-over jobs do.
    const server = await startOutlayProcess({
      env: { DATA_DIR: dataDir, SCHEDULER_ENABLED: 'false', OUTBOX_ENABLED: 'false' },
    });
    let serverPid: number;
    try {
      const handover = JSON.parse(await readFile(jobHandoverPath(dataDir), 'utf8')) as {
        pid: number;
        port: number;
      };
      serverPid = handover.pid;
      expect(server.url).toContain(`:${handover.port}`);

      const reports = await runJob(dataDir, ['reports', '--at', '2030-04-08T01:00:00Z']);
      expect(reports.code, reports.err).toBe(0);
      expect(parsed(reports.out)).toMatchObject({ ranBy: 'server', at: '2030-04-08T01:00:00.000Z' });
      // Acme weekly (8 April) and Globex weekly (1 April in New York) are new; Acme's monthly was claimed above.
      expect(parsed(reports.out).summary).toMatchObject({ bindings: 3, enqueued: 2, alreadyClaimed: 1 });

      const unknownClient = await runJob(dataDir, ['budget-warnings', '--client', 'initech']);
      expect(unknownClient.code).toBe(64);
      expect(unknownClient.err).toContain('no client has the code "initech".');

      const outbox = await runJob(dataDir, ['outbox', '--at', '2030-04-08T01:05:00Z']);
      expect(outbox.code, outbox.err).toBe(0);
      expect(parsed(outbox.out)).toMatchObject({ ranBy: 'server' });
      // The demo's announcements and the four reports enqueued so far, all due by then.
      const drained = parsed(outbox.out).summary;
      expect(drained.delivered).toBeGreaterThanOrEqual(4);
      expect(drained).toMatchObject({ claimed: drained.delivered, dead: 0 });
      expect(server.output()).toContain('job handed over by outlay job');
    } finally {
      const code = await server.stop();
      expect(code, server.output().slice(-3000)).toBe(0);
    }
    await expect(readFile(jobHandoverPath(dataDir), 'utf8')).rejects.toThrow(/ENOENT/);

    // A file left behind by a crash: its pid is gone, so the job runs here.
    await writeJobHandover(dataDir, { pid: serverPid, port: 1, token: 'stale' });
    const afterCrash = await runJob(dataDir, ['audit-seal', '--at', '2030-04-08T02:00:00Z']);
    expect(afterCrash.code, afterCrash.err).toBe(0);
    expect(parsed(afterCrash.out)).toMatchObject({ ranBy: 'this process', summary: { organisations: 1 } });
    // The sealed chain's head went to the anchor file under DATA_DIR, stamped with the instant the job ran as of.
    const anchors = await readFile(join(dataDir, 'audit-anchors', 'default.log'), 'utf8');
    expect(anchors).toMatch(/^2030-04-08T02:00:00\.000Z default \d+:[0-9a-f]{64}$/m);
    // A live pid that is not a server (the pid was reused): nobody answers on the port, so the job runs here too.
    await writeJobHandover(dataDir, { pid: process.pid, port: 1, token: 'stale' });
    const reused = await runJob(dataDir, ['reminders', '--at', '2030-04-08T02:00:00Z']);
    expect(reused.code, reused.err).toBe(0);
    expect(parsed(reused.out)).toMatchObject({ ranBy: 'this process' });
  }, 150_000);
});
