import { SignJWT, errors, jwtVerify } from 'jose';
import { ApiError } from './errors.js';

/** Distinct from join tokens' `party-meeting`: a member's invite can never open the API. */
export const ADMIN_AUDIENCE = 'party-meeting-admin';

/** What a verified admin token grants. */
export interface AdminClaims {
  /** Who holds it: the portal's backend, or one upper-level user of it. */
  readonly subject: string;
  /**
   * The units (cell ids or parent unit ids) the holder may see and act on;
   * absent: every unit (the province's backend itself).
   */
  readonly units?: readonly string[];
}

const MAX_UNITS = 1000;

/**
 * Signs and verifies admin tokens for the portal's backend: JWT, HS256, the
 * server's secret, `role: 'admin'`, audience `party-meeting-admin`, an expiry,
 * and an optional `units` claim.
 */
export class AdminTokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('The token secret must be at least 32 characters.');
    this.key = new TextEncoder().encode(secret);
  }

  /** Signs an admin token; `expiresIn` is a jose time span such as '1h' or '30d'. */
  sign(claims: AdminClaims, expiresIn: string = '1h'): Promise<string> {
    return new SignJWT({ role: 'admin', ...(claims.units ? { units: [...claims.units] } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.subject)
      .setAudience(ADMIN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.key);
  }

  /** Verifies a token; throws a 401 `ApiError` (`unauthorized` or `token-expired`). */
  async verify(token: string): Promise<AdminClaims> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { audience: ADMIN_AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new ApiError(401, 'token-expired', 'The admin token has expired.');
      throw new ApiError(401, 'unauthorized', 'The admin token is not valid.');
    }
    const { sub, role, units } = payload;
    const unitsOk = units === undefined || (Array.isArray(units) && units.length <= MAX_UNITS && units.every((u) => typeof u === 'string'));
    if (role !== 'admin' || typeof sub !== 'string' || !unitsOk) {
      throw new ApiError(401, 'unauthorized', 'The admin token lacks the admin role, a subject or a valid units list.');
    }
    return { subject: sub, ...(units !== undefined ? { units: units as string[] } : {}) };
  }

  /** Reads `Authorization: Bearer <token>` and verifies it; 401 when it is missing. */
  fromHeader(authorization: string | undefined): Promise<AdminClaims> {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '');
    if (!match) return Promise.reject(new ApiError(401, 'unauthorized', 'Send an admin token as "Authorization: Bearer <token>".'));
    return this.verify(match[1]!);
  }
}

/** Whether the token may see a unit identified by any of `unitIds` (a cell's id and its parent's). */
export function mayAccess(claims: AdminClaims, unitIds: ReadonlyArray<string | undefined>): boolean {
  if (!claims.units) return true;
  return unitIds.some((id) => id !== undefined && claims.units!.includes(id));
}
