import type { Tx } from './unit-of-work.port.js';

/** A rendered export or chart, kept so a link opened again serves the same bytes without rendering again. */
export type CachedRender = {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly fileName: string;
};

export interface ReportRenderCache {
  /** The render stored under `key` that has not expired at `now`. */
  get(tx: Tx, organisationId: string, key: string, now: Date): Promise<CachedRender | undefined>;
  /** Keeps the first render stored under `key` (a concurrent second one is dropped); prunes expired renders. */
  put(
    tx: Tx,
    organisationId: string,
    key: string,
    render: CachedRender & { readonly expiresAt: Date },
    now: Date,
  ): Promise<void>;
}
