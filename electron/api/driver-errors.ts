import { AppError } from '../../common/errors';

/** PostgreSQL's SQLSTATE classes and codes the program answers with its own message. */
const UNIQUE_VIOLATION = '23505';
const SERIALIZATION_FAILURE = '40001';
const DEADLOCK = '40P01';
/** Connection exceptions (08…), the server shutting down (57P01–57P03). */
const LOST = /^(08|57P0[123])/;
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE']);

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  // TypeORM's QueryFailedError keeps the driver's error beside its own fields.
  const driver = (err as { driverError?: unknown }).driverError ?? err;
  const code = (driver as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A database driver's error the user should see as such (server mode): two writes of the same
 * row at once are a conflict, a lost database is "not available" — the transaction rolled back in
 * both cases, so nothing half-written stays. Anything else stays an internal error.
 */
export function driverError(err: unknown): AppError | undefined {
  const code = codeOf(err);
  if (code === UNIQUE_VIOLATION || code === SERIALIZATION_FAILURE || code === DEADLOCK) {
    return new AppError('CONFLICT');
  }
  if ((code && (LOST.test(code) || NETWORK.has(code))) || isLostConnection(err)) {
    return new AppError('UNAVAILABLE', 'server.databaseUnavailable');
  }
  return undefined;
}

/** node-postgres reports a pool that cannot connect, or a dropped connection, only in words. */
function isLostConnection(err: unknown): boolean {
  const text = err instanceof Error ? err.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/.test(
    text,
  );
}
