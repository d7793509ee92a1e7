/**
 * Starts the meeting server. With `--demo` it also serves the demo portal,
 * creates the sample meeting and prints its invite links.
 *
 * Environment: PORT (8080), HOST (127.0.0.1), DATA_DIR (./data),
 * PARTY_JWT_SECRET (generated once and kept in DATA_DIR when absent),
 * DATABASE_URL (a `postgres://` address: the record goes to PostgreSQL
 * instead of the SQLite file in DATA_DIR), ALLOWED_ORIGINS (comma-separated
 * portal origins allowed to open the meeting WebSocket and to call the REST
 * API from their pages, CORS; default: this server's own host only),
 * METRICS_TOKEN (required as a bearer token by /metrics),
 * MEETINGS_FILE (a JSON array of meeting definitions to create at start
 * unless their log exists: for benchmarks, fault tests and seeding),
 * TRUST_PROXY=1 (behind one reverse proxy: log the client's address from
 * X-Forwarded-For; see docs/deploy.md), PUBLIC_URL (the address members
 * open, for the REST API's invite links; default: this server's own),
 * PARTY_JWT_PUBLIC_KEY_FILE (the portal backend's Ed25519 public key, PEM:
 * join tokens it signs with EdDSA are accepted too),
 * CLUSTER_WS_URL and LEASE_MS (several processes sharing one PostgreSQL;
 * see below and docs/scaling.md), LIVEKIT_URL, LIVEKIT_API_KEY and
 * LIVEKIT_API_SECRET (all three: POST /media/livekit-token mints LiveKit
 * tokens from join tokens, and the floor follows to LiveKit; LIVEKIT_TOKEN_TTL
 * in seconds; see docs/media-livekit.md), NOTICE_WEBHOOK_URL and
 * NOTICE_WEBHOOK_SECRET (the notice hook: the portal's webhook is told, in the
 * background and retried, whom to notify when a meeting is scheduled or
 * delegates are assigned or withdrawn; each body signed with the secret when set),
 * DEMO_MEDIA and DEMO_MEDIA_URL (with `--demo`: the media layer of the demo's
 * meeting pages, `mesh` (default), `janus` with its ws:// address, or `none`
 * for the procedure alone).
 *
 * SCORING_FRAME_FILE (a JSON file: the province's scoring frame for the
 * delegates' assessments, checked at start, see server/scoring-frame.ts and
 * docs/scoring-frame.example.json; default the core's policy values).
 *
 * The REST API (docs/openapi.json) is always mounted under /api; its registry
 * is in PostgreSQL with DATABASE_URL, else in DATA_DIR/registry.sqlite.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { replay, type AssessmentFrame, type MeetingDefinition } from '../src/core/index.js';
import { createApi, invitesGate, reportWriter, type Api } from './api/index.js';
import { startMeetingServer } from './app.js';
import { demoInvites, demoMediaFrom, demoSite, type DemoMedia } from './demo.js';
import { seedDemoConsole } from './demo-console.js';
import { jsonLog } from './log.js';
import { Notifier } from './notify.js';
import { followFloor, livekitConfigFromEnv, livekitTokenEndpoint, LivekitTokens } from './livekit.js';
import { sampleMeeting } from './sample-cell.js';
import { readScoringFrame } from './scoring-frame.js';
import type { EventStore } from './event-store.js';
import type { MeetingOwnership } from './ownership.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import type { RegistryStore } from './registry-store.js';
import { SqliteRegistryStore } from './sqlite-registry-store.js';

const started = performance.now();
const demo = process.argv.includes('--demo');
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
mkdirSync(dataDir, { recursive: true });

/** The secret from the environment, or one generated at first start and kept so invites survive a restart. */
function secret(): string {
  if (process.env.PARTY_JWT_SECRET) return process.env.PARTY_JWT_SECRET;
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** PostgreSQL when DATABASE_URL is set (loaded only then: `postgres` is an optional dependency), else SQLite. */
/**
 * Several processes for one province (docs/scaling.md): with DATABASE_URL and
 * CLUSTER_WS_URL (this process's own WebSocket address as clients reach it,
 * e.g. wss://meet-2.example.vn/ws), each
 * meeting is owned by one process at a time, recorded in PostgreSQL with a
 * lease of LEASE_MS (10 s), and taken over when its owner dies.
 */
const clusterOwner = process.env.DATABASE_URL && process.env.CLUSTER_WS_URL ? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}` : undefined;

async function openStore(): Promise<EventStore> {
  const url = process.env.DATABASE_URL;
  if (!url) return new SqliteEventStore(join(dataDir, 'events.sqlite'));
  const { PostgresEventStore } = await import('./postgres-event-store.js');
  return PostgresEventStore.open({ url, owner: clusterOwner });
}

async function openOwnership(): Promise<MeetingOwnership | undefined> {
  if (!clusterOwner) return undefined;
  const { PostgresOwnership } = await import('./ownership.js');
  return PostgresOwnership.open({ url: process.env.DATABASE_URL!, owner: clusterOwner, publicUrl: process.env.CLUSTER_WS_URL!, leaseMs: Number(process.env.LEASE_MS ?? 10_000) });
}

/** The REST API's registry, beside the event log: PostgreSQL when DATABASE_URL is set, else SQLite. */
async function openRegistry(): Promise<RegistryStore> {
  const url = process.env.DATABASE_URL;
  if (!url) return new SqliteRegistryStore(join(dataDir, 'registry.sqlite'));
  const { PostgresRegistryStore } = await import('./postgres-registry-store.js');
  return PostgresRegistryStore.open({ url });
}

/** The demo pages' media layer (DEMO_MEDIA, DEMO_MEDIA_URL); a wrong value stops the server with the reason. */
function demoMedia(): DemoMedia {
  try {
    return demoMediaFrom(process.env);
  } catch (error) {
    console.error(`party-meeting server: ${(error as Error).message}`);
    process.exit(2);
  }
}
const demoMediaChoice = demo ? demoMedia() : undefined;

/** SCORING_FRAME_FILE, checked before anything starts: a frame that is not usable stops the server with every problem named. */
function scoringFrame(): AssessmentFrame | undefined {
  const file = process.env.SCORING_FRAME_FILE;
  if (!file) return undefined;
  try {
    return readScoringFrame(file);
  } catch (error) {
    console.error(`party-meeting server: ${(error as Error).message}`);
    process.exit(2);
  }
}
const assessmentFrame = scoringFrame();

/** ALLOWED_ORIGINS: the portal origins whose pages may open the meeting WebSocket and call the REST API. */
const allowedOrigins = process.env.ALLOWED_ORIGINS?.split(',').map((origin) => origin.trim()).filter(Boolean);
const store = await openStore();
const ownership = await openOwnership();
const registry = await openRegistry();
const jwtSecret = secret();
// LiveKit media tokens, when configured (livekit-server-sdk is loaded only then).
const livekitConfig = livekitConfigFromEnv();
const livekit = livekitConfig ? await LivekitTokens.create(livekitConfig) : undefined;
// The API and the media-token endpoint are set right after the server starts listening, before any request is read.
const mounted: { api?: Api; livekit?: ReturnType<typeof livekitTokenEndpoint> } = {};
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8080);
const meeting = sampleMeeting(new Date().toISOString());
const seeded = process.env.MEETINGS_FILE ? (JSON.parse(readFileSync(process.env.MEETINGS_FILE, 'utf8')) as MeetingDefinition[]) : [];
// The demo's pages are built before listening, so the server never answers a 404 for them.
const site = demo ? await demoSite(meeting, demoMediaChoice) : undefined;
const writeReport = reportWriter(registry, jsonLog);
const floor = livekit ? followFloor(livekit.roomService(), jsonLog) : undefined;
const notifier = process.env.NOTICE_WEBHOOK_URL
  ? new Notifier({ url: process.env.NOTICE_WEBHOOK_URL, log: jsonLog, ...(process.env.NOTICE_WEBHOOK_SECRET ? { secret: process.env.NOTICE_WEBHOOK_SECRET } : {}) })
  : undefined;
const server = await startMeetingServer({
  store,
  ownership,
  secret: jwtSecret,
  host,
  port,
  meetings: [...(demo ? [meeting] : []), ...seeded],
  allowedOrigins,
  metricsToken: process.env.METRICS_TOKEN,
  trustProxy: process.env.TRUST_PROXY === '1',
  joinPublicKey: process.env.PARTY_JWT_PUBLIC_KEY_FILE ? readFileSync(process.env.PARTY_JWT_PUBLIC_KEY_FILE, 'utf8') : undefined,
  admitInvite: invitesGate(registry),
  onEvent: (meetingId, event, state) => {
    // The pilot report's line when a meeting closes; the LiveKit floor when configured.
    writeReport(meetingId, event, state);
    floor?.(meetingId, event, state);
  },
  http: async (req, res) =>
    (mounted.api !== undefined && (await mounted.api.handle(req, res))) ||
    (mounted.livekit !== undefined && (await mounted.livekit(req, res))) ||
    (site?.handle(req, res) ?? false),
});
mounted.api = createApi({
  registry,
  server,
  store,
  secret: jwtSecret,
  ...(process.env.PUBLIC_URL ? { publicUrl: process.env.PUBLIC_URL } : {}),
  ...(notifier ? { notify: (notice) => notifier.send(notice) } : {}),
  // The same portal origins may call the REST API from their pages (CORS).
  ...(allowedOrigins ? { allowedOrigins } : {}),
  ...(assessmentFrame ? { assessmentFrame } : {}),
});
if (livekit) {
  mounted.livekit = livekitTokenEndpoint({
    livekit,
    tokens: server.tokens,
    // The live meeting, or (another process serves it) the meeting rebuilt from its log.
    meeting: async (id) => server.meeting(id)?.state ?? (await store.read(id).then((log) => (log.length > 0 ? replay(log.map((e) => e.event)) : undefined))),
    admitInvite: mounted.api.admitInvite,
    allowedOrigins,
    log: jsonLog,
  });
  console.log(`LiveKit: media tokens at ${server.url}/media/livekit-token for ${livekitConfig!.url}`);
}

if (demo) {
  const base = `http://${host}:${server.port}`;
  const invites = await demoInvites(meeting, server.tokens, base);
  site!.setInvites(invites);
  const ms = Math.round(performance.now() - started);
  console.log(`\nDemo: ${base}/   (served ${ms} ms after start)`);
  console.log(`Đường link mời / Invite links: ${base}/invites`);
  console.log(`Cấp ủy cấp trên / Upper-level console: ${base}/cap-tren\n`);
  for (const invite of invites) console.log(`  ${invite.name.padEnd(18)} ${invite.label}\n    ${invite.url}\n`);
  // After the timing above: the console page is filled once its registry data is in place.
  site!.setConsole(await seedDemoConsole(server, jwtSecret, jsonLog));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server
      .close()
      .then(() => Promise.all([store.close(), registry.close(), ownership?.close()]))
      .then(() => process.exit(0));
  });
}
