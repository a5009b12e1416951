// Expected failures travel as values with a literal code; unexpected ones are thrown.
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

/** A domain failure: a stable literal code, and the facts a message needs to explain it. */
export type Failure<C extends string = string> = {
  readonly code: C;
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
};

export const fail = <C extends string>(
  code: C,
  details?: Readonly<Record<string, string | number | boolean | null>>,
): Err<Failure<C>> => err(details === undefined ? { code } : { code, details });
