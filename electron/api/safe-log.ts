import { inspect } from 'node:util';

/**
 * A log argument as text that can carry no one's data: an error as its stack (name, message,
 * frames) without its other properties (a database error keeps the query's parameters there,
 * which may be a child's name or code); anything else shortened. Logs carry ids, never names.
 */
export function safeText(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg instanceof Error) return arg.stack ?? `${arg.name}: ${arg.message}`;
  return inspect(arg, { depth: 2, breakLength: Infinity }).slice(0, 500);
}
