/**
 * The API's errors: a stable `code` a portal may switch on, an English
 * `message` with the specifics, and, where it helps, the field at fault.
 * Never a stack trace: anything unexpected becomes `server-error`.
 */

/** Every code the API answers with, by HTTP status. */
export type ApiErrorCode =
  // 400
  | 'invalid-json'
  | 'invalid-body'
  | 'invalid-query'
  | 'invalid-path'
  | 'invalid-roster'
  // 401
  | 'unauthorized'
  | 'token-expired'
  // 403
  | 'forbidden'
  // 404
  | 'not-found'
  // 405
  | 'method-not-allowed'
  // 409
  | 'cell-exists'
  | 'meeting-exists'
  | 'roster-empty'
  | 'meeting-not-closed'
  | 'meeting-closed'
  | 'meeting-served-elsewhere'
  | 'meeting-open'
  | 'delegate-joined'
  // 413, 415
  | 'payload-too-large'
  | 'unsupported-media-type'
  // 422
  | 'scheduling-refused'
  // 500, 503
  | 'server-error'
  | 'not-ready';

/** A refusal the router turns into a JSON answer `{ code, message, ...details }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** More fields of the answer: `field`, `issues`, `errors`, `reasons`. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }

  /** The JSON body of the answer. */
  body(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.details };
  }
}

/** 400 naming the field at fault (a dot path such as `documents.0.postedAt`). */
export const badField = (field: string, message: string, code: ApiErrorCode = 'invalid-body'): ApiError =>
  new ApiError(400, code, `${field}: ${message}`, { field });

export const notFound = (what: string): ApiError => new ApiError(404, 'not-found', `${what} was not found.`);

export const forbidden = (what: string): ApiError => new ApiError(403, 'forbidden', `This token may not reach ${what}.`);
