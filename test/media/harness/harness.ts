/**
 * The in-page side of the media conformance suite (bundled by testbed.ts with
 * one adapter): a `MeetingClient` joins the real meeting server, the adapter
 * under test gets the meeting's participants and floor rule as the room would
 * give them, and `window.media` lets playwright drive and inspect it.
 *
 * Adapter-agnostic on purpose: frames and packets are read from the
 * receivers of every RTCPeerConnection the page creates (tracked below), and
 * the network-drop hook closes the page's meeting WebSocket and those
 * connections, whatever adapter made them.
 */
import { MeetingClient, type WebSocketLike } from '../../../src/client/index.js';
import { microphoneRule, type ClientCommand, type MediaAdapter, type MediaJoin, type MediaParticipantInfo, type MeetingState } from '../../../src/core/index.js';

/** What the test reads of the adapter's snapshot (tracks replaced by flags and ids). */
export interface SnapshotView {
  readonly status: string;
  readonly error?: { readonly code: string; readonly participantId?: string; readonly detail?: string };
  readonly local: {
    readonly microphoneOn: boolean;
    readonly cameraOn: boolean;
    readonly screenOn: boolean;
    readonly audioOnly: boolean;
    readonly microphoneLocked: boolean;
    readonly maxBitrateKbps?: number;
    readonly video: boolean;
    readonly speaking: boolean;
  };
  readonly remotes: readonly {
    readonly participantId: string;
    readonly audio: boolean;
    readonly video: boolean;
    readonly screen: boolean;
    readonly microphoneOn: boolean;
    readonly cameraOn: boolean;
    readonly speaking: boolean;
    readonly quality: string;
  }[];
}

/** Counters of what this page receives from one remote participant (from `RTCRtpReceiver.getStats()`). */
export interface ReceiveCounters {
  readonly framesDecoded: number;
  /** Frames decoded of the participant's shared screen (0 when they share none). */
  readonly screenFrames: number;
  readonly videoPackets: number;
  readonly audioPackets: number;
  readonly audioSamples: number;
}

/** Page milestones, in ms since navigation start (`performance.now()`). */
export interface Timings {
  /** The harness script started (the page and its bundle are loaded). */
  harnessStarted?: number;
  clientConnected?: number;
  adapterConnected?: number;
  /** The first peer connection of the page reached `connected` (ICE and DTLS done). */
  firstPeerConnected?: number;
  /** The first frame of any remote video, rendered (`requestVideoFrameCallback`). */
  firstRemoteFrame?: number;
  /** When each remote participant's first frame rendered. */
  readonly firstFrameOf: Record<string, number>;
}

/** The control surface playwright drives. */
export interface MediaHarness {
  readonly ready: boolean;
  snapshot(): SnapshotView;
  /** Calls one of the adapter's setters and waits for it; resolves with the clock (`Date.now()`) when it was called. */
  call(method: 'setMicrophone' | 'setCamera' | 'setScreenShare' | 'setAudioOnly' | 'setBandwidthCap', value: boolean | number | undefined): Promise<number>;
  /** When this page's snapshot last changed a remote's microphone or camera flag (`Date.now()`), by participant. */
  seen(): Record<string, { readonly microphoneAt?: number; readonly cameraAt?: number }>;
  /** Receive counters per remote participant shown in the snapshot. */
  receiving(): Promise<Record<string, ReceiveCounters>>;
  /** Frames decoded over every video receiver of the page (audio-only must keep it still). */
  totalFramesDecoded(): Promise<number>;
  /** Seconds spent encoding and decoding video so far, over the page's connections (`totalEncodeTime`, `totalDecodeTime`). */
  codecSeconds(): Promise<{ readonly encode: number; readonly decode: number; readonly framesEncoded: number; readonly framesDecoded: number }>;
  /** `maxBitrate` of every video sender that has a track, over the page's connections (bit/s; null when uncapped). */
  videoSenderCaps(): (number | null)[];
  /** Sends a meeting command (the chair gives the floor); resolves with the ack's sequence number. */
  command(command: ClientCommand): Promise<number>;
  /** Cuts the page off: closes its meeting WebSocket (refusing new ones for `ms`) and/or every peer connection. */
  dropNetwork(options: { readonly ms: number; readonly websocket: boolean; readonly peerConnections: boolean }): void;
  /** The meeting client's status, how many times the adapter was asked to connect, and the participant. */
  info(): { readonly clientStatus: string; readonly connects: number; readonly participantId?: string; readonly openConnections: number };
  readonly timings: Timings;
  /** The adapter's own diagnostics, when it has any (for failure reports). */
  diagnostics(): unknown;
  /** The addresses of the local ICE candidates of the page's open connections. */
  localCandidateAddresses(): Promise<string[]>;
}

declare global {
  interface Window {
    media: MediaHarness;
  }
}

/** Every RTCPeerConnection the page creates, whatever adapter creates it. */
const connections = new Set<RTCPeerConnection>();

function trackPeerConnections(timings: Timings): void {
  const Native = globalThis.RTCPeerConnection;
  if (!Native) return;
  class Tracked extends Native {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      connections.add(this);
      this.addEventListener('connectionstatechange', () => {
        if (this.connectionState === 'connected') timings.firstPeerConnected ??= performance.now();
      });
    }
  }
  globalThis.RTCPeerConnection = Tracked;
}

/** The meeting WebSockets of the page, and when new ones may open again. */
const sockets = new Set<WebSocket>();
let blockedUntil = 0;

/**
 * A browser WebSocket the drop hook can close; while blocked, it dials a path
 * the server refuses (a real failed handshake; a closed port would do too, but
 * Chromium throws at once for its restricted ports).
 */
class DroppableWebSocket extends WebSocket {
  constructor(url: string) {
    super(Date.now() < blockedUntil ? `${url}-dropped` : url);
    sockets.add(this);
    this.addEventListener('close', () => sockets.delete(this));
  }
}

/** Who takes part, as the room would tell the adapter: the roster's order, online from the meeting's presence. */
function participantsOf(state: MeetingState): MediaParticipantInfo[] {
  const people = [...state.cell.members, ...state.delegates, ...(state.guests ?? [])];
  return people.map((p) => ({ participantId: p.id, name: p.name, online: !!state.connected[p.id] }));
}

async function countersOf(receiver: RTCRtpReceiver | undefined): Promise<{ frames: number; packets: number; samples: number }> {
  const out = { frames: 0, packets: 0, samples: 0 };
  if (!receiver) return out;
  for (const stat of (await receiver.getStats()).values()) {
    if (stat.type !== 'inbound-rtp') continue;
    out.frames += Number(stat.framesDecoded ?? 0);
    out.packets += Number(stat.packetsReceived ?? 0);
    out.samples += Number(stat.totalSamplesReceived ?? 0);
  }
  return out;
}

function receiversByTrack(): Map<string, RTCRtpReceiver> {
  const byTrack = new Map<string, RTCRtpReceiver>();
  for (const pc of connections) {
    if (pc.signalingState === 'closed') continue;
    for (const receiver of pc.getReceivers()) byTrack.set(receiver.track.id, receiver);
  }
  return byTrack;
}

/** Renders each remote video in a tiny element once, to time its first frame (only when measuring). */
function watchFirstFrames(adapter: MediaAdapter<MediaStreamTrack>, timings: Timings): void {
  const seen = new Set<string>();
  const check = () => {
    for (const remote of adapter.getSnapshot().remotes) {
      if (!remote.video || seen.has(remote.video.id)) continue;
      seen.add(remote.video.id);
      const video = document.createElement('video');
      Object.assign(video, { muted: true, autoplay: true, playsInline: true, width: 32, height: 24 });
      video.srcObject = new MediaStream([remote.video]);
      document.body.append(video);
      video.requestVideoFrameCallback(() => {
        const now = performance.now();
        timings.firstRemoteFrame ??= now;
        timings.firstFrameOf[remote.participantId] ??= now;
        video.remove();
      });
    }
  };
  adapter.subscribe(check);
}

/**
 * Plays every remote audio track, as the room does: Chromium decodes remote
 * audio (and measures its level, for the speaking indicator) only for a track
 * that is played out.
 */
function playRemoteAudio(adapter: MediaAdapter<MediaStreamTrack>): void {
  const playing = new Map<string, HTMLAudioElement>();
  adapter.subscribe(() => {
    const tracks = new Map(adapter.getSnapshot().remotes.flatMap((r) => (r.audio ? [[r.audio.id, r.audio] as const] : [])));
    for (const [id, element] of playing) {
      if (tracks.has(id)) continue;
      element.srcObject = null;
      element.remove();
      playing.delete(id);
    }
    for (const [id, track] of tracks) {
      if (playing.has(id)) continue;
      const element = document.createElement('audio');
      element.autoplay = true;
      element.srcObject = new MediaStream([track]);
      document.body.append(element);
      playing.set(id, element);
    }
  });
}

function view(adapter: MediaAdapter<MediaStreamTrack>): SnapshotView {
  const s = adapter.getSnapshot();
  const { video, ...local } = s.local;
  return {
    status: s.status,
    ...(s.error ? { error: { ...s.error } } : {}),
    local: { ...local, video: !!video },
    remotes: s.remotes.map(({ audio, video, screen, ...rest }) => ({ ...rest, audio: !!audio, video: !!video, screen: !!screen })),
  };
}

/**
 * Starts the harness with the adapter factory the bundle was built with.
 * The page's query: `token`, `options` (JSON for the factory), `join` (JSON
 * merged into `MediaJoin`: cameraOff, audioOnly…), `measure=1` to time frames.
 */
export function startHarness(create: (options: Record<string, unknown>) => MediaAdapter<MediaStreamTrack>): void {
  const timings: Timings = { harnessStarted: performance.now(), firstFrameOf: {} };
  trackPeerConnections(timings);
  const params = new URLSearchParams(location.search);
  const joinExtra = JSON.parse(params.get('join') ?? '{}') as Partial<MediaJoin>;
  const client = new MeetingClient({
    url: `ws://${location.host}/ws`,
    token: params.get('token') ?? '',
    WebSocket: DroppableWebSocket as unknown as new (url: string) => WebSocketLike,
    initialBackoffMs: 100,
    maxBackoffMs: 1_000,
  });
  const adapter = create(JSON.parse(params.get('options') ?? '{}') as Record<string, unknown>);
  playRemoteAudio(adapter);
  // When each remote's flags changed here, timed in the page as it happens (polling from the test would add its own delay).
  const seen: Record<string, { microphone?: boolean; camera?: boolean; microphoneAt?: number; cameraAt?: number }> = {};
  adapter.subscribe(() => {
    for (const remote of adapter.getSnapshot().remotes) {
      const entry = (seen[remote.participantId] ??= {});
      if (entry.microphone !== remote.microphoneOn) Object.assign(entry, { microphone: remote.microphoneOn, microphoneAt: Date.now() });
      if (entry.camera !== remote.cameraOn) Object.assign(entry, { camera: remote.cameraOn, cameraAt: Date.now() });
    }
  });
  if (params.get('measure') === '1') watchFirstFrames(adapter, timings);
  let connects = 0;
  let ready = false;
  client.subscribe(() => {
    const s = client.getSnapshot();
    if (!s.meeting || !s.you) return;
    adapter.setParticipants(participantsOf(s.meeting));
    adapter.applyMicrophoneRule(microphoneRule(s.meeting, s.you.participantId));
    if (connects === 0 && s.status === 'connected') {
      connects += 1;
      timings.clientConnected = performance.now();
      const join: MediaJoin = { meetingId: s.meeting.id, participantId: s.you.participantId, name: s.you.name, signalling: client, ...joinExtra };
      void adapter.connect(join).then(() => {
        timings.adapterConnected = performance.now();
        ready = true;
      });
    }
  });

  window.media = {
    get ready() {
      return ready;
    },
    snapshot: () => view(adapter),
    async call(method, value) {
      const at = Date.now();
      await (adapter[method] as (v: typeof value) => Promise<void>).call(adapter, value);
      return at;
    },
    seen: () => seen,
    async receiving() {
      const receivers = receiversByTrack();
      const out: Record<string, ReceiveCounters> = {};
      for (const remote of adapter.getSnapshot().remotes) {
        const [video, audio, screen] = await Promise.all([
          countersOf(remote.video && receivers.get(remote.video.id)),
          countersOf(remote.audio && receivers.get(remote.audio.id)),
          countersOf(remote.screen && receivers.get(remote.screen.id)),
        ]);
        out[remote.participantId] = { framesDecoded: video.frames, screenFrames: screen.frames, videoPackets: video.packets, audioPackets: audio.packets, audioSamples: audio.samples };
      }
      return out;
    },
    async totalFramesDecoded() {
      let total = 0;
      for (const receiver of receiversByTrack().values()) if (receiver.track.kind === 'video') total += (await countersOf(receiver)).frames;
      return total;
    },
    async codecSeconds() {
      const out = { encode: 0, decode: 0, framesEncoded: 0, framesDecoded: 0 };
      for (const pc of connections) {
        if (pc.signalingState === 'closed') continue;
        for (const stat of (await pc.getStats()).values()) {
          if (stat.kind !== 'video') continue;
          if (stat.type === 'outbound-rtp') {
            out.encode += Number(stat.totalEncodeTime ?? 0);
            out.framesEncoded += Number(stat.framesEncoded ?? 0);
          } else if (stat.type === 'inbound-rtp') {
            out.decode += Number(stat.totalDecodeTime ?? 0);
            out.framesDecoded += Number(stat.framesDecoded ?? 0);
          }
        }
      }
      return out;
    },
    videoSenderCaps() {
      const caps: (number | null)[] = [];
      for (const pc of connections) {
        if (pc.signalingState === 'closed') continue;
        for (const sender of pc.getSenders()) {
          if (sender.track?.kind !== 'video') continue;
          const encodings = sender.getParameters().encodings ?? [];
          caps.push(encodings.length === 0 ? null : Math.max(...encodings.map((e) => e.maxBitrate ?? Infinity)));
        }
      }
      return caps.map((c) => (c === Infinity ? null : c));
    },
    command: (command) => client.send(command),
    dropNetwork({ ms, websocket, peerConnections }) {
      if (websocket) {
        blockedUntil = Date.now() + ms;
        for (const socket of sockets) socket.close();
      }
      if (peerConnections) for (const pc of connections) pc.close();
    },
    info: () => ({
      clientStatus: client.getSnapshot().status,
      connects,
      participantId: client.getSnapshot().you?.participantId,
      openConnections: [...connections].filter((pc) => pc.connectionState === 'connected').length,
    }),
    timings,
    diagnostics: () => (adapter as { diagnostics?: () => unknown }).diagnostics?.(),
    async localCandidateAddresses() {
      const addresses = new Set<string>();
      for (const pc of connections) {
        if (pc.signalingState === 'closed') continue;
        for (const stat of (await pc.getStats()).values()) if (stat.type === 'local-candidate') addresses.add(String(stat.address ?? stat.ip));
      }
      return [...addresses].sort();
    },
  };
}
