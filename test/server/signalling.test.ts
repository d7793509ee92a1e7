import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestServer } from '../helpers/server.js';
import { WsPeer } from '../helpers/ws-peer.js';

describe('media signalling relay over real WebSockets', () => {
  let server: TestServer;
  const peers: WsPeer[] = [];
  const join = async (participantId: string, role: 'chair' | 'member') => {
    const joined = await WsPeer.join(server.url, await server.token(participantId, role));
    peers.push(joined.peer);
    return joined.peer;
  };
  before(async () => {
    server = await TestServer.start();
  });
  after(async () => {
    for (const p of peers) p.close();
    await server.stop();
  });

  it('relays a signal to the named participant only, with the sender named by the server', async () => {
    const chair = await join('chair', 'chair');
    const a = await join('full-a', 'member');
    const b = await join('full-b', 'member');
    const seqBefore = server.server.meeting('test-meeting')?.seq;
    a.send({ type: 'signal', to: 'full-b', payload: { kind: 'offer', sdp: 'v=0…' } });
    const got = await b.next((m) => m.type === 'signal');
    assert.deepEqual(got, { type: 'signal', from: 'full-a', payload: { kind: 'offer', sdp: 'v=0…' } });
    // Nothing is recorded, nothing reaches a third party.
    assert.equal(server.server.meeting('test-meeting')?.seq, seqBefore);
    chair.send({ type: 'ping' });
    const next = await chair.next((m) => m.type === 'pong' || m.type === 'signal');
    assert.equal(next.type, 'pong');
  });

  it('refuses a signal to someone not connected, to oneself, or before hello', async () => {
    const a = await join('full-a', 'member');
    for (const to of ['prob', 'full-a', 'nobody']) {
      a.send({ type: 'signal', to, payload: { kind: 'offer' } });
      const reply = await a.next((m) => m.type === 'reject');
      assert.equal(reply.code, 'unknown-participant', to);
    }
    a.send({ type: 'signal', to: 'chair', payload: 'not an object' });
    assert.equal((await a.next((m) => m.type === 'reject')).code, 'invalid-message');
    const stranger = await WsPeer.open(server.url);
    peers.push(stranger);
    stranger.send({ type: 'signal', to: 'full-a', payload: {} });
    assert.equal((await stranger.next((m) => m.type === 'reject')).code, 'invalid-message');
  });
});
