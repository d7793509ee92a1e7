import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { testMeeting } from '../helpers/meeting.js';
import { TestServer } from '../helpers/server.js';
import { WsPeer } from '../helpers/ws-peer.js';

/** A join token as a portal's backend signs it with its own Ed25519 private key. */
function portalToken(privateKey: ReturnType<typeof generateKeyPairSync>['privateKey'], participantId: string, role = 'member') {
  return new SignJWT({ mid: testMeeting.id, role }).setProtectedHeader({ alg: 'EdDSA' }).setSubject(participantId).setAudience('party-meeting').setIssuedAt().setExpirationTime('1h').sign(privateKey);
}

const hello = async (server: TestServer, token: string) => {
  const peer = await WsPeer.open(server.url);
  peer.send({ type: 'hello', token });
  const reply = await peer.next((m) => m.type === 'welcome' || m.type === 'reject');
  peer.close();
  return reply.type === 'welcome' ? 'welcome' : String(reply.code);
};

describe('join tokens signed by the portal with EdDSA', () => {
  const portal = generateKeyPairSync('ed25519');
  const stranger = generateKeyPairSync('ed25519');
  const publicPem = portal.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  let server: TestServer;
  let plain: TestServer;
  before(async () => {
    server = await TestServer.start([testMeeting], { joinPublicKey: publicPem });
    plain = await TestServer.start();
  });
  after(async () => {
    await server.stop();
    await plain.stop();
  });

  it('accepts a token the portal signed, and still the server\'s own HS256 tokens', async () => {
    assert.equal(await hello(server, await portalToken(portal.privateKey, 'full-a')), 'welcome');
    assert.equal(await hello(server, await server.token('full-b', 'member')), 'welcome');
  });

  it('refuses a token signed with another key, an EdDSA token where no public key is set, and the HS256-with-public-key confusion', async () => {
    assert.equal(await hello(server, await portalToken(stranger.privateKey, 'full-a')), 'invalid-token');
    assert.equal(await hello(plain, await portalToken(portal.privateKey, 'full-a')), 'invalid-token');
    // The classic confusion: an HS256 token whose HMAC key is the (public) PEM text.
    const confused = await new SignJWT({ mid: testMeeting.id, role: 'chair' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('chair')
      .setAudience('party-meeting')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(publicPem));
    assert.equal(await hello(server, confused), 'invalid-token');
  });
});
