// The narrow logging port the domain and adapters see; pino satisfies it structurally.
type LogFn = {
  (message: string): void;
  (context: Readonly<Record<string, unknown>>, message?: string): void;
};

export interface Logger {
  readonly fatal: LogFn;
  readonly error: LogFn;
  readonly warn: LogFn;
  readonly info: LogFn;
  readonly debug: LogFn;
  readonly trace: LogFn;
  child(bindings: Readonly<Record<string, unknown>>): Logger;
}
