/** Error codes every API call may answer with; the message is in the caller's language. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_CREDENTIALS',
  'LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'SESSION_EXPIRED',
  'SETUP_DONE',
  'SETUP_REQUIRED',
  'DATA_CORRUPT',
  'DATABASE_TOO_NEW',
  'MIGRATION_FAILED',
  'TEST_ONLY',
  'UNKNOWN_METHOD',
  'BAD_REQUEST',
  'INTERNAL',
  // Not on this build or mode (the server, the desktop's own dialog), or in server mode the
  // database or the kindergarten's server cannot be reached, or is not trusted.
  'UNAVAILABLE',
  'CERTIFICATE_MISMATCH',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What travels over the wire when a call fails. `fields` maps an input path to its message. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}

/** What one call answers, over IPC and HTTP alike: the router makes it, the client reads it. */
export type CallResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/**
 * Thrown by services and handlers. `key` and `params` pick the message from the catalog in
 * common/messages.ts; the router renders it in the session's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: string = `error.${code}`,
    readonly params: Record<string, string | number> = {},
    /** Per-field message keys (already-rendered strings are passed through unchanged). */
    readonly fields?: Record<string, string>,
  ) {
    super(key);
    this.name = 'AppError';
  }
}

/** The error the renderer's client throws, carrying the server's rendered body. */
export class ApiCallError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
  }
  get code(): ErrorCode {
    return this.body.code;
  }
}
