/** Where the meeting server mints this adapter's tokens (server/livekit.ts); the room asks it before connecting. */
export const LIVEKIT_TOKEN_PATH = '/media/livekit-token';

/** A video size asked of the SFU. */
export interface TileSize {
  readonly width: number;
  readonly height: number;
}

/** Options of the LiveKit adapter. */
export interface LivekitAdapterOptions {
  /** LiveKit's address, e.g. `wss://livekit.example.vn` (the room's `media-url`). */
  readonly url: string;
  /**
   * Loads livekit-client, written in the page's own code so that its bundler
   * makes it a chunk: `() => import('livekit-client')`. Without it the adapter
   * imports the bare name, which the page's import map must resolve.
   */
  readonly livekit?: () => Promise<unknown>;
  /**
   * End-to-end encryption: a key the meeting's members share (a passphrase;
   * LiveKit derives the media key from it with PBKDF2), given by the page from
   * its portal backend. LiveKit never sees it. Needs `e2eeWorker`.
   */
  readonly e2eeKey?: string;
  /**
   * Makes LiveKit's E2EE worker. Written in the page's own code, so that the
   * page's bundler finds the worker file:
   * `() => new Worker(new URL('livekit-client/e2ee-worker', import.meta.url))`.
   */
  readonly e2eeWorker?: () => Worker;
  /** STUN/TURN servers for the browser, besides those LiveKit announces. */
  readonly iceServers?: readonly RTCIceServer[];
  /** Camera constraints (640x480 at 20 fps by default); the chosen device is added. */
  readonly video?: MediaTrackConstraints;
  /** Microphone constraints (echo cancellation, noise suppression, automatic gain by default). */
  readonly audio?: MediaTrackConstraints;
  /** The size asked of the SFU for the speaker's video and a screen share (1280x720). */
  readonly largeTile?: TileSize;
  /** The size asked for every other participant's video (320x180). */
  readonly smallTile?: TileSize;
  /** Interval of the link and bandwidth-cap check, in ms (1 s). */
  readonly checkIntervalMs?: number;
}
