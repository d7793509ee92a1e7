import type { SessionTimings } from './janus-session.js';

/** Options of the Janus adapter. */
export interface JanusAdapterOptions {
  /** Janus's WebSocket API, e.g. `wss://media.example.vn/janus` (subprotocol `janus-protocol`). */
  readonly url: string;
  /** The VideoRoom room of a meeting; by default a 52-bit hash of the meeting id (`roomIdFor`), the same in every browser. */
  readonly roomFor?: (meetingId: string) => number;
  /** Create the room when it does not exist (default true); false when your backend creates rooms (VideoRoom `admin_key`). */
  readonly createRoom?: boolean;
  /** More settings of a room this adapter creates (VideoRoom `create`: `publishers`, `bitrate`, `admin_key`, `pin`…). */
  readonly room?: Readonly<Record<string, unknown>>;
  /** STUN/TURN servers for the browser; Janus has its own (janus.jcfg `nat`). */
  readonly iceServers?: readonly RTCIceServer[];
  /** Camera constraints (640x480 at 20 fps by default); the chosen device is added. */
  readonly video?: MediaTrackConstraints;
  /** Microphone constraints (echo cancellation and noise suppression by default). */
  readonly audio?: MediaTrackConstraints;
  /** Interval of the recovery check, in ms (1 s). */
  readonly checkIntervalMs?: number;
  /** Interval of the quality reading, in ms (2 s). */
  readonly statsIntervalMs?: number;
  /** Interval of the speaking indicator's sampling, in ms (250 ms). */
  readonly speakingIntervalMs?: number;
  /** Session keepalive and reconnection timings. */
  readonly session?: Partial<SessionTimings>;
}
