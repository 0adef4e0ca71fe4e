/**
 * The one error type services throw. The code decides the HTTP status (and,
 * for OAuth endpoints, the RFC 6749 error); `message` is safe to show a user,
 * and anything internal stays out of it.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field messages for forms, keyed by field name. */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what = "Not found"): AppError {
  return new AppError("not_found", what);
}
