import { inspect } from 'node:util';

/** PostgreSQL's data exceptions (SQLSTATE class 22) quote the value they refused in the message. */
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

function sqlState(err: Error): string | undefined {
  // TypeORM's QueryFailedError keeps the driver's error (and its code) beside its own fields.
  const driver = (err as { driverError?: unknown }).driverError ?? err;
  const code = (driver as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A log argument as text that can carry no one's data: an error as its stack (name, message,
 * frames) without its other properties (a database error keeps the query's parameters there,
 * which may be a child's name or code); anything else shortened. Logs carry ids, never names.
 */
export function safeText(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg instanceof Error) {
    const text = arg.stack ?? `${arg.name}: ${arg.message}`;
    const state = sqlState(arg);
    if (state === undefined || !DATA_EXCEPTION.test(state) || arg.message === '') return text;
    // e.g. `invalid input syntax for type integer: "Jānis"`: the code and the frames only.
    return text.replace(
      arg.message,
      `SQLSTATE ${state}: a value the database refused (not logged)`,
    );
  }
  return inspect(arg, { depth: 2, breakLength: Infinity }).slice(0, 500);
}
