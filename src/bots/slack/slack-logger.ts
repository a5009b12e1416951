// Bolt and the Web API client log through Outlay's logger, so their warnings (rate limits, unacknowledged
// requests) land in the same structured stream with `component: slack`.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../domain/ports/logger.port.js';

const textOf = (parts: readonly unknown[]): string =>
  parts
    .map((part) =>
      part instanceof Error ? part.message : typeof part === 'string' ? part : JSON.stringify(part),
    )
    .join(' ');

const errorOf = (parts: readonly unknown[]): Error | undefined =>
  parts.find((p) => p instanceof Error) as Error | undefined;

export function createBoltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  let log = logger.child({ component: 'slack' });
  const context = (parts: readonly unknown[]) => {
    const error = errorOf(parts);
    return error === undefined ? {} : { err: error };
  };
  return {
    debug: (...parts: unknown[]) => log.debug(context(parts), textOf(parts)),
    info: (...parts: unknown[]) => log.info(context(parts), textOf(parts)),
    warn: (...parts: unknown[]) => log.warn(context(parts), textOf(parts)),
    error: (...parts: unknown[]) => log.error(context(parts), textOf(parts)),
    // The level is Outlay's to set (LOG_LEVEL); Bolt's choice is remembered only to answer getLevel.
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (name: string) => {
      log = logger.child({ component: 'slack', name });
    },
  };
}
