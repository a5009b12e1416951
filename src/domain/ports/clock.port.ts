// Time is injected so rules and tests agree on "now"; nothing in the domain reads the system clock.
export interface Clock {
  now(): Date;
}
