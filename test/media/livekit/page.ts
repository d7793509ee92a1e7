/**
 * The page of livekit.test.ts, bundled with livekit-client: either the
 * adapter alone, driven through `window.livekitTest`, or a whole
 * `<party-meeting-room media="livekit">` as a portal embeds it. The query:
 * `mode=adapter|room`, `loader=0` (no loader: the adapter imports the bare
 * name, for an import map), `options` and `join` (JSON), `token` (the join token);
 * `tokenFrom` (a join token): the adapter's join asks the meeting server's
 * POST /media/livekit-token with it (`MediaJoin.fetchMediaToken`), saying in
 * `x-connect` which call of `connect` it serves.
 */
import '../../../src/components/party-meeting-room/define.js';
import type { MediaJoin } from '../../../src/core/media.js';
import { createLivekitAdapter as createBare } from '../../../src/adapters/media/livekit/index.js';
import { createLivekitAdapter } from './entry.js';

/** What the test reads of the adapter. */
export interface LivekitView {
  readonly status: string;
  readonly error?: { readonly code: string; readonly detail?: string };
  readonly microphoneOn: boolean;
  readonly microphoneLocked: boolean;
  readonly remotes: number;
}

declare global {
  interface Window {
    livekitTest: { view(): LivekitView; call(method: string, value: unknown): Promise<void>; connected: boolean; reconnect(): Promise<void> };
  }
}

type Adapter = ReturnType<typeof createBare>;

function view(adapter: Adapter): LivekitView {
  const s = adapter.getSnapshot();
  return {
    status: s.status,
    ...(s.error ? { error: { code: s.error.code, ...(s.error.detail ? { detail: s.error.detail } : {}) } } : {}),
    microphoneOn: s.local.microphoneOn,
    microphoneLocked: s.local.microphoneLocked,
    remotes: s.remotes.length,
  };
}

const params = new URLSearchParams(location.search);
const options = { url: '', ...(JSON.parse(params.get('options') ?? '{}') as Record<string, unknown>) };
if (params.get('mode') === 'room') {
  const room = document.createElement('party-meeting-room');
  Object.assign(room, { token: params.get('token') ?? '', media: 'livekit', mediaUrl: String(options.url), mediaOptions: { livekit: () => import('livekit-client') } });
  document.body.append(room);
  window.livekitTest = {
    connected: false,
    // The room's adapter, once joined (a private field of the room, read for the test only).
    view: () => {
      const adapter = (room as unknown as { roomMedia: { adapter?: Adapter } }).roomMedia.adapter;
      return adapter ? view(adapter) : { status: 'none', microphoneOn: false, microphoneLocked: false, remotes: 0 };
    },
    call: async () => {},
    reconnect: async () => {},
  };
} else {
  const adapter = params.get('loader') === '0' ? createBare(options) : createLivekitAdapter(options);
  const joinToken = params.get('tokenFrom');
  let connects = 0;
  const fetchMediaToken = async (): Promise<string> => {
    const response = await fetch('/media/livekit-token', { method: 'POST', headers: { authorization: `Bearer ${joinToken}`, 'x-connect': String(connects) } });
    if (!response.ok) throw new Error(`the meeting server answered ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  };
  const join: MediaJoin = {
    meetingId: 'test-meeting',
    participantId: 'full-a',
    name: 'Đảng viên A',
    ...(joinToken === null ? {} : { fetchMediaToken }),
    ...(JSON.parse(params.get('join') ?? '{}') as Partial<MediaJoin>),
  };
  const connect = async () => {
    connects += 1;
    await adapter.connect(join);
  };
  window.livekitTest = {
    connected: false,
    view: () => view(adapter),
    call: (method, value) => (adapter[method as 'setMicrophone'] as (v: unknown) => Promise<void>).call(adapter, value),
    // The same join again, as a page that connects the adapter anew would.
    reconnect: connect,
  };
  void connect().then(() => (window.livekitTest.connected = true));
}
