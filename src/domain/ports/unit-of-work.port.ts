// Use cases compose repository calls into one transaction: `uow.run(async (tx) => { … })` commits when the work
// resolves and rolls back when it throws. Every repository method takes the handle first, so a use case can
// never write half of a change outside the transaction by accident.

declare const transactionBrand: unique symbol;

/** Opaque to the domain; storage knows it as its drizzle transaction. */
export type Tx = { readonly [transactionBrand]: true };

export interface UnitOfWork {
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}
