/**
 * The page of livekit.test.ts, bundled with livekit-client: either the
 * adapter alone, driven through `window.livekitTest`, or a whole
 * `<party-meeting-room media="livekit">` as a portal embeds it. The query:
 * `mode=adapter|room`, `loader=0` (no loader: the adapter imports the bare
 * name, for an import map), `options` and `join` (JSON), `token` (the join token).
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
    livekitTest: { view(): LivekitView; call(method: string, value: unknown): Promise<void>; connected: boolean };
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
  };
} else {
  const adapter = params.get('loader') === '0' ? createBare(options) : createLivekitAdapter(options);
  const join = { meetingId: 'test-meeting', participantId: 'full-a', name: 'Đảng viên A', ...(JSON.parse(params.get('join') ?? '{}') as Partial<MediaJoin>) };
  window.livekitTest = {
    connected: false,
    view: () => view(adapter),
    call: (method, value) => (adapter[method as 'setMicrophone'] as (v: unknown) => Promise<void>).call(adapter, value),
  };
  void adapter.connect(join).then(() => (window.livekitTest.connected = true));
}
