/**
 * The media adapters the conformance suite (conformance.test.ts) and the join
 * benchmark (bench/media-join.ts) run against. To add one, add an entry: the
 * module and factory the page bundles, what it needs started first (a media
 * server, inside the test's network namespace), and when it cannot run here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MAX_VIDEO_SENDERS } from '../../src/adapters/media/mesh/mesh-adapter.js';
import { repoRoot } from '../e2e/helpers.js';
import { janusSkipReason, JanusServer } from './janus-server.js';
import { livekitJoin, livekitSkipReason } from './livekit/registry.js';

/** What `setup` started for one adapter: the factory's options (JSON) and how to stop it. */
export interface AdapterSetup {
  readonly options: Readonly<Record<string, unknown>>;
  teardown(): Promise<void>;
}

/** One adapter under test. */
export interface AdapterUnderTest {
  /** `mesh`, `janus`, `livekit`. */
  readonly name: string;
  /** The module that exports the factory, from the repository root. */
  readonly module: string;
  /** The factory's export name (`createMeshAdapter`). */
  readonly factory: string;
  /** Why the adapter cannot be tested here (printed as "skipped: …"); undefined when it can. */
  skip(): string | undefined;
  /** Starts what the adapter needs (inside the test's network namespace) and returns its options. */
  setup(): Promise<AdapterSetup>;
  /** How many participants' camera video a page receives at most (the mesh's sender limit); every other one when undefined. */
  readonly videoSenders?: number;
  /** More of `MediaJoin` for one participant of a meeting (JSON), e.g. a media-server token; none by default. */
  join?(participantId: string, role: string, meetingId: string): Promise<Readonly<Record<string, unknown>>>;
}

/**
 * Low resolution for multi-party tests on 2 cores (TOOLCHAIN.md: one
 * one-way 640x480 stream costs ~10 % of a core; 4 participants send 12).
 * Every adapter's options should use it.
 */
export const LOW_VIDEO = { width: { ideal: 320 }, height: { ideal: 240 }, frameRate: { ideal: 15, max: 15 } } as const;

const moduleMissing = (module: string) => (existsSync(join(repoRoot, module)) ? undefined : `${module} does not exist yet`);

/** The adapters, in the order the suite runs them. */
export const mediaAdapters: readonly AdapterUnderTest[] = [
  {
    name: 'mesh',
    module: 'src/adapters/media/mesh/index.ts',
    factory: 'createMeshAdapter',
    videoSenders: DEFAULT_MAX_VIDEO_SENDERS,
    skip: () => moduleMissing('src/adapters/media/mesh/index.ts'),
    async setup() {
      return { options: { video: LOW_VIDEO }, teardown: async () => {} };
    },
  },
  {
    name: 'janus',
    module: 'src/adapters/media/janus/index.ts',
    factory: 'createJanusAdapter',
    skip: () => moduleMissing('src/adapters/media/janus/index.ts') ?? janusSkipReason(),
    async setup() {
      // A real Janus with the project's configuration, inside the test's network namespace (janus-server.ts).
      const janus = await JanusServer.start();
      return { options: { url: janus.url, video: LOW_VIDEO }, teardown: () => janus.stop() };
    },
  },
  {
    name: 'livekit',
    // Bundled as a page with a bundler uses it: its own code hands the adapter `() => import('livekit-client')`.
    module: 'test/media/livekit/entry.ts',
    factory: 'createLivekitAdapter',
    skip: () => moduleMissing('src/adapters/media/livekit/index.ts') ?? livekitSkipReason(),
    async setup() {
      // A real LiveKit server given by the environment (reachable from inside the test's namespace: docs/media-livekit.md).
      return { options: { url: process.env.LIVEKIT_URL, video: LOW_VIDEO }, teardown: async () => {} };
    },
    // Each page's MediaJoin carries a token minted as the meeting server mints it (server/livekit.ts).
    join: livekitJoin,
  },
];
