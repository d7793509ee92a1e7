/**
 * The mesh's relayed messages (src/adapters/media/mesh/signals.ts): what a
 * peer sends is read back the same, and anything else a participant could
 * relay (another adapter's payload, a malformed or hostile one) is ignored.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeSignal, encodeSignal, type MeshEnvelope } from '../../src/adapters/media/mesh/signals.js';

describe('mesh signals', () => {
  const sent: MeshEnvelope[] = [
    { e: 1_795_000_000_000, m: { k: 'hello' } },
    { e: 5, to: 7, m: { k: 'sdp', d: { type: 'offer', sdp: 'v=0\r\n' } } },
    { e: 5, to: 7, m: { k: 'sdp', d: { type: 'answer', sdp: 'v=0\r\n' } } },
    { e: 5, m: { k: 'ice', c: { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0, usernameFragment: 'abcd' } } },
    { e: 5, m: { k: 'state', s: { mic: true, cam: false, video: false, screen: true, ao: false } } },
  ];
  for (const envelope of sent) {
    it(`reads back a ${envelope.m.k} message as sent`, () => {
      // Through JSON, as the meeting server relays it.
      assert.deepEqual(decodeSignal(JSON.parse(JSON.stringify(encodeSignal(envelope)))), envelope);
    });
  }

  const ignored: [string, Record<string, unknown>][] = [
    ['another adapter’s payload', { kind: 'offer', sdp: 'v=0' }],
    ['no epoch', { p: 'mesh1', m: { k: 'hello' } }],
    ['a negative epoch', { p: 'mesh1', e: -1, m: { k: 'hello' } }],
    ['a fractional target epoch', { p: 'mesh1', e: 1, to: 1.5, m: { k: 'hello' } }],
    ['an unknown kind', { p: 'mesh1', e: 1, m: { k: 'reboot' } }],
    ['a rollback as a description', { p: 'mesh1', e: 1, m: { k: 'sdp', d: { type: 'rollback', sdp: '' } } }],
    ['an sdp that is not text', { p: 'mesh1', e: 1, m: { k: 'sdp', d: { type: 'offer', sdp: 42 } } }],
    ['a candidate without its line', { p: 'mesh1', e: 1, m: { k: 'ice', c: { sdpMid: '0' } } }],
    ['a negative m-line index', { p: 'mesh1', e: 1, m: { k: 'ice', c: { candidate: 'c', sdpMLineIndex: -1 } } }],
    ['a state that is not an object', { p: 'mesh1', e: 1, m: { k: 'state', s: 'muted' } }],
  ];
  for (const [what, payload] of ignored) {
    it(`ignores ${what}`, () => assert.equal(decodeSignal(payload), undefined));
  }

  it('reads only true as on in a state (a missing or odd flag is off)', () => {
    const decoded = decodeSignal({ p: 'mesh1', e: 1, m: { k: 'state', s: { mic: 'yes', cam: true } } });
    assert.deepEqual(decoded?.m, { k: 'state', s: { mic: false, cam: true, video: false, screen: false, ao: false } });
  });
});
