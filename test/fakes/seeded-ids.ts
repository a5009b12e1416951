import type { IdGenerator } from '../../src/domain/ports/id-generator.port.js';

/** Deterministic ids and randomness (mulberry32), so a test run is the same every time. */
export class SeededIds implements IdGenerator {
  #state: number;
  #counter = 0;
  constructor(seed = 42) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  newId(): string {
    this.#counter += 1;
    return `id-${this.#counter.toString().padStart(6, '0')}`;
  }
  randomInt(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
}
