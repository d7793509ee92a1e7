/**
 * How the LiveKit adapter reads LiveKit (src/adapters/media/livekit/livekit-map.ts):
 * quality, connection states, errors by name and reason, capture sizes, and the
 * bandwidth cap over a simulcast ladder. Table-driven; the errors are shaped as
 * livekit-client 2.23.0 throws them (its `name`, and `reason` for a ConnectionError).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cappedBitrates,
  connectError,
  isCancelled,
  isRefused,
  publishError,
  qualityOf,
  resolutionOf,
  statusOf,
  videoCapBps,
} from '../../src/adapters/media/livekit/livekit-map.js';

/** An error as livekit-client throws it: a class name, and a reason for ConnectionError. */
const lkError = (name: string, message: string, reason?: number) => Object.assign(new Error(message), { name, ...(reason === undefined ? {} : { reason }) });

describe('LiveKit → the media port', () => {
  const qualities: [string, string][] = [
    ['excellent', 'good'],
    ['good', 'fair'],
    ['poor', 'poor'],
    ['lost', 'lost'],
    ['unknown', 'unknown'],
    ['something new', 'unknown'],
  ];
  for (const [livekit, port] of qualities) it(`quality ${livekit} → ${port}`, () => assert.equal(qualityOf(livekit), port));

  const states: [string, string][] = [
    ['connected', 'connected'],
    ['connecting', 'connecting'],
    ['reconnecting', 'reconnecting'],
    ['signalReconnecting', 'reconnecting'],
    ['disconnected', 'failed'],
  ];
  for (const [livekit, port] of states) it(`room state ${livekit} → ${port}`, () => assert.equal(statusOf(livekit), port));

  const publishing: [Error, string][] = [
    [new DOMException('Permission denied', 'NotAllowedError'), 'permission-denied'],
    [new DOMException('Requested device not found', 'NotFoundError'), 'no-device'],
    [new DOMException('Could not start video source', 'NotReadableError'), 'device-busy'],
    [lkError('PublishTrackError', 'failed to publish track, insufficient permissions'), 'publish-refused'],
    [lkError('NegotiationError', 'negotiation timed out'), 'ice-failed'],
    [lkError('DeviceUnsupportedError', 'no getDisplayMedia'), 'not-supported'],
    [lkError('ConnectionError', 'not connected', 1), 'server-unreachable'],
    [lkError('Error', 'anything else'), 'publish-refused'],
  ];
  for (const [error, code] of publishing) {
    it(`publishing fails with ${error.name} → ${code}`, () => {
      const mapped = publishError(error);
      assert.equal(mapped.code, code);
      assert.match(mapped.detail ?? '', new RegExp(error.name));
    });
  }

  it('connect failures: unreachable retried, a refused token not, our own cancel not an error', () => {
    const unreachable = lkError('ConnectionError', 'could not establish signal connection', 1);
    const refused = lkError('ConnectionError', 'token is expired', 0);
    const cancelled = lkError('ConnectionError', 'cancelled', 3);
    assert.deepEqual([isRefused(unreachable), isRefused(refused), isCancelled(cancelled), isCancelled(unreachable)], [false, true, true, false]);
    assert.equal(connectError(unreachable).code, 'server-unreachable');
    assert.match(connectError(refused).detail ?? '', /refused the token/);
    assert.equal(isRefused(new DOMException('x', 'NotAllowedError')), false);
  });

  it('capture size from constraints, 640x480 at 20 fps by default', () => {
    assert.deepEqual(resolutionOf(undefined), { width: 640, height: 480, frameRate: 20 });
    assert.deepEqual(resolutionOf({ width: { ideal: 320 }, height: { ideal: 240 }, frameRate: { ideal: 15, max: 15 } }), { width: 320, height: 240, frameRate: 15 });
    assert.deepEqual(resolutionOf({ width: 1280, height: { exact: 720 } }), { width: 1280, height: 720, frameRate: 20 });
  });

  it('the bandwidth cap: 40 kbit/s kept for audio, at least 30 for video; every layer at most the cap, LiveKit’s values back when lifted', () => {
    assert.equal(videoCapBps(undefined), undefined);
    assert.equal(videoCapBps(300), 260_000);
    assert.equal(videoCapBps(50), 30_000);
    const ladder = [150_000, 500_000, 1_700_000];
    assert.deepEqual(cappedBitrates(ladder, 260_000), [150_000, 260_000, 260_000]);
    assert.deepEqual(cappedBitrates([undefined], 260_000), [260_000]);
    assert.deepEqual(cappedBitrates(ladder, undefined), ladder);
  });
});
