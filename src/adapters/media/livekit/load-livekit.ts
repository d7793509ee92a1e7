/**
 * Loads livekit-client when a meeting's media connects, never before: it is
 * an optional peer dependency of the SDK (about 155 kB gzip), kept out of
 * every bundle of the SDK itself (the builds mark it external).
 *
 * Two ways in, so that a page or app without livekit-client still builds:
 * - a page built with a bundler hands the room a loader in its own code,
 *   `mediaOptions = { livekit: () => import('livekit-client') }`, and its
 *   bundler makes livekit-client a chunk of its own;
 * - otherwise the adapter imports the bare name `livekit-client` at run time,
 *   which the browser resolves with the page's import map (the standalone
 *   build: `{"imports": {"livekit-client": ".../livekit-client.esm.mjs"}}`).
 *   The name is not written as a literal, so that no bundler of an app that
 *   uses another media layer tries to resolve it.
 */

/** livekit-client's module. */
export type LivekitModule = typeof import('livekit-client');

/** Why LiveKit could not be loaded: it is not installed, or not mapped on this page. */
export class LivekitMissingError extends Error {
  override readonly name = 'LivekitMissingError';
}

/** The bare name, held in a variable: bundlers leave `import(MODULE_NAME)` alone. */
const MODULE_NAME: string = 'livekit-client';

let fromImportMap: Promise<unknown> | undefined;

/**
 * livekit-client, from the page's loader when it gives one, else by its bare
 * name; rejects with `LivekitMissingError` when the page has no livekit-client.
 */
export async function loadLivekit(load?: () => Promise<unknown>): Promise<LivekitModule> {
  let loaded: unknown;
  try {
    loaded = await (load ? load() : (fromImportMap ??= import(/* @vite-ignore */ /* webpackIgnore: true */ MODULE_NAME)));
  } catch (error) {
    fromImportMap = undefined;
    throw new LivekitMissingError(
      `LiveKit is not installed on this page: install livekit-client 2.23.0 and give the room mediaOptions { livekit: () => import('livekit-client') }, or map "livekit-client" in an import map (${String(error)}).`,
    );
  }
  const module = loaded as Partial<LivekitModule> | undefined;
  if (typeof module?.Room !== 'function') throw new LivekitMissingError('The livekit loader gave a module without Room: is it livekit-client?');
  return module as LivekitModule;
}
