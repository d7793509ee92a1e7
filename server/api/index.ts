/** The REST API for the portal's backend: mount `createApi(...).handle` on the meeting server's `http` hook. */
export { createApi, ROUTES, type Api, type ApiOptions, type Method, type RouteSpec } from './router.js';
export { ADMIN_AUDIENCE, AdminTokens, type AdminClaims } from './admin-tokens.js';
export { invitesGate } from './handlers/invites.js';
export { ApiError, type ApiErrorCode } from './errors.js';
export { BODY_SCHEMAS } from './schemas.js';
export { reportWriter } from './report-writer.js';
