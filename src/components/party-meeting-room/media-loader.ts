import type { MediaAdapter } from '../../core/index.js';

/** The media layers the room can load by name (ARCHITECTURE.md "Media adapters"). */
export const MEDIA_ADAPTERS = ['mesh', 'janus', 'livekit'] as const;

/** The name of a media layer the room can load. */
export type MediaAdapterName = (typeof MEDIA_ADAPTERS)[number];

/** Whether `name` is one of the room's media layers. */
export function isMediaAdapterName(name: string): name is MediaAdapterName {
  return (MEDIA_ADAPTERS as readonly string[]).includes(name);
}

/** What the room hands every adapter's factory: the page's `mediaOptions`, and `url` from `media-url`. */
export interface MediaAdapterOptions {
  /** The media server's address (`media-url`): Janus's WebSocket API, LiveKit's server; unused by the mesh. */
  readonly url?: string;
  readonly [option: string]: unknown;
}

/**
 * The meeting-server path an adapter asks its media-server token from, when
 * it needs one: an adapter that does says so with a `mediaTokenPath` property
 * (LiveKit's is `/media/livekit-token`, server/livekit.ts); the room then
 * gives it `MediaJoin.fetchMediaToken`, which asks there with the member's join
 * token, at every join and rejoin.
 */
export function mediaTokenPathOf(adapter: MediaAdapter<MediaStreamTrack>): string | undefined {
  const path = (adapter as { readonly mediaTokenPath?: unknown }).mediaTokenPath;
  return typeof path === 'string' && path.startsWith('/') ? path : undefined;
}

const FACTORY: Record<MediaAdapterName, string> = {
  mesh: 'createMeshAdapter',
  janus: 'createJanusAdapter',
  livekit: 'createLivekitAdapter',
};

/**
 * Loads one media layer's module when a meeting needs it, and makes its
 * adapter. Every adapter lives in `src/adapters/media/<name>/index.ts` and
 * exports `create<Name>Adapter(options)`, with no effect on import; the
 * import is dynamic so that a page without media, or with another layer,
 * never downloads it (bundlers make each one a chunk of its own). Rejects
 * when the module cannot be loaded (not built into this bundle, the network).
 */
export async function loadMediaAdapter(name: MediaAdapterName, options: MediaAdapterOptions): Promise<MediaAdapter<MediaStreamTrack>> {
  // A template with the folder as its only variable: Vite, Rollup and esbuild turn it into one chunk per adapter.
  const module = (await import(`../../adapters/media/${name}/index.ts`)) as Record<string, unknown>;
  const create = module[FACTORY[name]];
  if (typeof create !== 'function') throw new Error(`The ${name} media module has no ${FACTORY[name]}().`);
  return (create as (options: MediaAdapterOptions) => MediaAdapter<MediaStreamTrack>)(options);
}
