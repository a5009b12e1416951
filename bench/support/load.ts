// Load through autocannon (a maintained HTTP benchmarking tool with HdrHistogram latencies), one request body per
// request: `next()` builds each one, so every request is a distinct, freshly signed delivery.
import autocannon from 'autocannon';

export type LoadFigures = {
  /** Requests completed per second, averaged over the run. */
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly requests: number;
  readonly ok2xx: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly seconds: number;
};

export type LoadOptions = {
  readonly url: string;
  readonly path: string;
  readonly connections: number;
  readonly seconds: number;
  /** A steady arrival rate across all connections (requests per second); absent: as fast as answers come. */
  readonly overallRate?: number;
  /** Stops after this many requests (smoke runs), whatever the duration. */
  readonly maxRequests?: number;
  readonly next: () => { readonly headers: Record<string, string>; readonly body: string };
};

export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
    ...(options.maxRequests === undefined ? {} : { amount: options.maxRequests }),
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: options.path,
        setupRequest: (request) => {
          const { headers, body } = options.next();
          return { ...request, method: 'POST', path: options.path, headers, body };
        },
      },
    ],
  });
  const ok2xx = result['2xx'];
  return {
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    ok2xx,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
  };
}
