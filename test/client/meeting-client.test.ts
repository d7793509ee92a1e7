import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { CommandRejectedError, MeetingClient, type WebSocketLike } from '../../src/client/index.js';
import { testMeeting } from '../helpers/meeting.js';
import { TestServer } from '../helpers/server.js';

/** Polls `check` until it returns true, or fails after `timeoutMs`. */
async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The real `ws` WebSocket, except that it can drop the next ack and cut the line, as a flaky mobile network would. */
function lossyWebSocket(network: { dropNextAck: boolean }): new (url: string) => WebSocketLike {
  return class LossySocket implements WebSocketLike {
    private readonly ws: WebSocket;
    onopen: WebSocketLike['onopen'] = null;
    onclose: WebSocketLike['onclose'] = null;
    onmessage: WebSocketLike['onmessage'] = null;
    onerror: WebSocketLike['onerror'] = null;

    constructor(url: string) {
      this.ws = new WebSocket(url);
      this.ws.onopen = (event) => this.onopen?.(event);
      this.ws.onclose = (event) => this.onclose?.({ code: event.code, reason: event.reason });
      this.ws.onerror = (event) => this.onerror?.(event);
      this.ws.onmessage = (event) => {
        const text = event.data.toString();
        if (network.dropNextAck && JSON.parse(text).type === 'ack') {
          network.dropNextAck = false;
          this.ws.terminate();
          return;
        }
        this.onmessage?.({ data: text });
      };
    }

    get readyState(): number {
      return this.ws.readyState;
    }

    send(data: string): void {
      this.ws.send(data);
    }

    close(code?: number, reason?: string): void {
      this.ws.close(code, reason);
    }
  };
}

describe('MeetingClient against the real server', () => {
  let server: TestServer;
  const clients: MeetingClient[] = [];
  const client = async (participantId: string, role: 'chair' | 'member' | 'delegate', extra: Partial<ConstructorParameters<typeof MeetingClient>[0]> = {}) => {
    const c = new MeetingClient({
      url: `${server.url.replace('http', 'ws')}/ws`,
      token: await server.token(participantId, role),
      WebSocket: WebSocket as unknown as new (url: string) => WebSocketLike,
      initialBackoffMs: 50,
      maxBackoffMs: 200,
      ...extra,
    });
    clients.push(c);
    return c;
  };
  before(async () => {
    server = await TestServer.start();
  });
  after(async () => {
    for (const c of clients) c.close();
    await server.stop();
  });

  it('connects, receives the meeting and follows other participants\' commands', async () => {
    const chair = await client('chair', 'chair');
    const member = await client('full-a', 'member');
    await until(() => member.getSnapshot().status === 'connected' && chair.getSnapshot().status === 'connected', 'both connected');
    assert.equal(member.getSnapshot().meeting?.title, testMeeting.title);
    assert.deepEqual(member.getSnapshot().you, { participantId: 'full-a', role: 'member', name: 'Đảng viên A' });
    const seq = await chair.send({ type: 'open-meeting' });
    await until(() => member.getSnapshot().seq >= seq, 'the member to see the opening');
    assert.equal(member.getSnapshot().meeting?.phase, 'open');
    await until(() => 'chair' in (member.getSnapshot().meeting?.connected ?? {}), 'the chair online');
  });

  it('rejects a refused command with its code and leaves the state unchanged', async () => {
    const member = await client('full-b', 'member');
    await until(() => member.getSnapshot().status === 'connected', 'connected');
    const before = member.getSnapshot().meeting?.attendance;
    await assert.rejects(member.send({ type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' }), (error) => {
      assert.ok(error instanceof CommandRejectedError);
      assert.equal(error.rejection.code, 'not-allowed');
      return true;
    });
    assert.deepEqual(member.getSnapshot().meeting?.attendance, before);
    assert.equal(member.getSnapshot().pending, 0);
  });

  it('queues commands while the server is down, reconnects by itself and applies each once', async () => {
    const chair = await client('chair', 'chair');
    const member = await client('prob', 'member');
    await until(() => chair.getSnapshot().status === 'connected' && member.getSnapshot().status === 'connected', 'connected');
    const port = server.server.port;
    await server.server.close();
    await until(() => chair.getSnapshot().status === 'reconnecting', 'reconnecting');
    assert.ok(chair.getSnapshot().retryAt! > Date.now() - 1000);
    const queued = chair.send({ type: 'mark-attendance', memberId: 'prob', mark: 'absent-with-reason', reason: 'đi công tác' });
    assert.equal(chair.getSnapshot().pending, 1);
    await server.restart();
    assert.equal(server.server.port, port);
    const seq = await queued;
    await until(() => member.getSnapshot().seq >= seq && member.getSnapshot().status === 'connected', 'the member to catch up');
    assert.deepEqual(member.getSnapshot().meeting?.attendance.prob?.reason, 'đi công tác');
    const marks = (await server.server.meeting(testMeeting.id)!.eventsAfter(0, 'chair')).filter(
      (e) => e.event.type === 'attendance-marked' && e.event.memberId === 'prob',
    );
    assert.equal(marks.length, 1);
    assert.deepEqual(member.getSnapshot().meeting, chair.getSnapshot().meeting);
  });

  it('resends a command whose ack was lost with the same id, and the server applies it once', async () => {
    const network = { dropNextAck: false };
    const chair = await client('chair', 'chair', { WebSocket: lossyWebSocket(network) });
    await until(() => chair.getSnapshot().status === 'connected', 'connected');
    const before = server.server.meeting(testMeeting.id)!.seq;
    network.dropNextAck = true;
    const seq = await chair.send({ type: 'mark-attendance', memberId: 'full-b', mark: 'absent-without-reason' });
    assert.equal(network.dropNextAck, false, 'the first ack was dropped');
    const after = (await server.server.meeting(testMeeting.id)!.eventsAfter(before, 'chair')).filter((e) => e.event.type === 'attendance-marked');
    assert.equal(after.length, 1);
    assert.equal(after[0]!.seq, seq);
    await until(() => chair.getSnapshot().meeting?.attendance['full-b']?.mark === 'absent-without-reason', 'the mark applied');
  });

  it('stops with a clear failure when the invite has expired, without retrying', async () => {
    const c = new MeetingClient({
      url: `${server.url.replace('http', 'ws')}/ws`,
      token: await server.token('full-a', 'member', testMeeting.id, '-1s'),
      WebSocket: WebSocket as unknown as new (url: string) => WebSocketLike,
      initialBackoffMs: 20,
    });
    clients.push(c);
    await until(() => c.getSnapshot().status === 'failed', 'failed');
    assert.equal(c.getSnapshot().failure?.code, 'token-expired');
    await assert.rejects(c.send({ type: 'open-meeting' }), CommandRejectedError);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(c.getSnapshot().status, 'failed');
  });

  it('stops with the server\'s reason when the invite is revoked during the meeting', async () => {
    const c = await client('prob', 'member');
    await until(() => c.getSnapshot().status === 'connected', 'connected');
    assert.ok(server.server.disconnect(testMeeting.id, 'prob', 'invite-revoked', 'The invite was revoked.') >= 1);
    await until(() => c.getSnapshot().status === 'failed', 'failed');
    assert.equal(c.getSnapshot().failure?.code, 'invite-revoked');
  });
});
