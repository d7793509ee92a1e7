import { SignJWT, errors, jwtVerify } from 'jose';
import type { TokenRole } from '../src/core/index.js';

const AUDIENCE = 'party-meeting';
const ROLES: readonly TokenRole[] = ['chair', 'member', 'delegate', 'guest', 'technician'];

/** What a verified join token grants: one participant, one role, one meeting. */
export interface JoinClaims {
  readonly meetingId: string;
  readonly participantId: string;
  readonly role: TokenRole;
  /**
   * When it was issued, in seconds since the epoch with milliseconds as a
   * fraction (RFC 7519 allows a non-integer NumericDate): an invite issued up
   * to a revocation is refused, one issued after it is accepted.
   */
  readonly issuedAt?: number;
}

/** Why a token was refused. */
export class TokenError extends Error {
  constructor(readonly code: 'invalid-token' | 'token-expired', message: string) {
    super(message);
  }
}

/** Signs and verifies join tokens (JWT, HS256) with the server's secret. */
export class JoinTokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('The join-token secret must be at least 32 characters.');
    this.key = new TextEncoder().encode(secret);
  }

  /** Signs a join token; `expiresIn` is a jose time span such as '30d' or '2h', or the expiry as a Date. */
  sign(claims: JoinClaims, expiresIn: string | Date = '30d'): Promise<string> {
    return new SignJWT({ mid: claims.meetingId, role: claims.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.participantId)
      .setAudience(AUDIENCE)
      .setIssuedAt(claims.issuedAt)
      .setExpirationTime(expiresIn)
      .sign(this.key);
  }

  /** Verifies a token and returns its claims, or throws a `TokenError`. */
  async verify(token: string): Promise<JoinClaims> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { audience: AUDIENCE, algorithms: ['HS256'] }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new TokenError('token-expired', 'The invite has expired.');
      throw new TokenError('invalid-token', 'The invite is not valid.');
    }
    const { sub, mid, role, iat } = payload;
    if (typeof sub !== 'string' || typeof mid !== 'string' || !ROLES.includes(role as TokenRole)) {
      throw new TokenError('invalid-token', 'The invite lacks a participant, a meeting or a role.');
    }
    return { meetingId: mid, participantId: sub, role: role as TokenRole, ...(iat !== undefined ? { issuedAt: iat } : {}) };
  }
}
