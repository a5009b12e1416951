// Ids and randomness are injected so tests are deterministic (seeded) and the domain stays pure.
export interface IdGenerator {
  /** A new opaque unique id (a UUID in production). */
  newId(): string;
  /** A uniform random integer in [0, maxExclusive). */
  randomInt(maxExclusive: number): number;
}
