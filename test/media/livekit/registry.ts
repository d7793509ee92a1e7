/**
 * The LiveKit entry of the conformance registry (adapters.ts): when it runs,
 * and the token each participant's page joins with, minted by the meeting
 * server's own code (server/livekit.ts) with the keys of the LiveKit server
 * under test.
 */
import { findParticipant, type TokenRole } from '../../../src/core/index.js';
import { livekitConfigFromEnv, LivekitTokens } from '../../../server/livekit.js';
import { testMeeting } from '../../helpers/meeting.js';

/** Why the LiveKit conformance cannot run here: no LiveKit server is given (none can be installed on this machine). */
export function livekitSkipReason(): string | undefined {
  if (!process.env.LIVEKIT_URL) return 'no LIVEKIT_URL';
  return livekitConfigFromEnv() ? undefined : 'LIVEKIT_URL is set but LIVEKIT_API_KEY or LIVEKIT_API_SECRET is not';
}

let tokens: Promise<LivekitTokens> | undefined;

/**
 * `MediaJoin.mediaToken` for one participant, with the grants of their role.
 * The suite's delegate joins for the denied-camera case, where the others must
 * hear them: minted as holding the floor (a delegate without it may not
 * publish; test/server/livekit.test.ts checks those grants).
 */
export async function livekitJoin(participantId: string, role: string, meetingId: string): Promise<{ mediaToken: string }> {
  tokens ??= LivekitTokens.create(livekitConfigFromEnv()!);
  const name = (meetingId === testMeeting.id ? findParticipant(testMeeting, participantId)?.name : undefined) ?? participantId;
  const minted = await (await tokens).mint({ meetingId, participantId, name, role: role as TokenRole, hasFloor: role === 'delegate' });
  return { mediaToken: minted.token };
}
