import { SignJWT, errors, importSPKI, jwtVerify, type JWTHeaderParameters } from 'jose';
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

/**
 * Signs and verifies join tokens (JWT): HS256 with the server's secret, and,
 * when the portal's backend signs with its own Ed25519 key instead of sharing
 * the secret, EdDSA with that key's public half (`withPublicKey`).
 */
export class JoinTokens {
  private readonly key: Uint8Array;
  private publicKey?: Awaited<ReturnType<typeof importSPKI>>;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('The join-token secret must be at least 32 characters.');
    this.key = new TextEncoder().encode(secret);
  }

  /** Also accepts join tokens signed with EdDSA by the holder of this public key (PEM, SPKI: `-----BEGIN PUBLIC KEY-----`). */
  static async withPublicKey(secret: string, publicKeyPem: string): Promise<JoinTokens> {
    const tokens = new JoinTokens(secret);
    tokens.publicKey = await importSPKI(publicKeyPem, 'EdDSA');
    return tokens;
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
      const keyFor = (header: JWTHeaderParameters) => (header.alg === 'EdDSA' && this.publicKey ? this.publicKey : this.key);
      ({ payload } = await jwtVerify(token, keyFor, { audience: AUDIENCE, algorithms: this.publicKey ? ['HS256', 'EdDSA'] : ['HS256'] }));
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
