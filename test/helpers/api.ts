import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssessmentFrame, MeetingDefinition, MeetingPolicy } from '../../src/core/index.js';
import { AdminTokens, createApi, invitesGate, reportWriter, type AdminClaims, type Api } from '../../server/api/index.js';
import type { MeetingNotice } from '../../server/notify.js';
import { SqliteRegistryStore } from '../../server/sqlite-registry-store.js';
import { SECRET, TestServer } from './server.js';

/** An answer of the API, its body read as JSON when it is JSON. */
export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Record<string, unknown>;
  readonly text: string;
}

/** What a request sends besides method and path. */
export interface ApiRequest {
  /** An admin token; `null` sends no Authorization header. */
  readonly token?: string | null;
  readonly json?: unknown;
  readonly body?: string;
  readonly contentType?: string;
}

/**
 * The real meeting server with the REST API mounted, on 127.0.0.1, with a
 * SQLite event log and registry in temporary folders; requests go over HTTP.
 */
export class ApiTestServer {
  readonly admins = new AdminTokens(SECRET);
  private adminToken?: string;

  private constructor(
    readonly server: TestServer,
    readonly registry: SqliteRegistryStore,
    private readonly dir: string,
    private readonly reports: Map<string, Array<(ok: boolean) => void>>,
  ) {}

  static async start(
    options: {
      meetings?: MeetingDefinition[];
      policy?: Partial<MeetingPolicy>;
      frame?: AssessmentFrame;
      notify?: (notice: MeetingNotice) => Promise<boolean>;
      allowedOrigins?: readonly string[];
    } = {},
  ): Promise<ApiTestServer> {
    const dir = mkdtempSync(join(tmpdir(), 'party-registry-'));
    const registry = new SqliteRegistryStore(join(dir, 'registry.sqlite'));
    const mounted: { api?: Api } = {};
    const reports = new Map<string, Array<(ok: boolean) => void>>();
    const written = (meetingId: string, ok: boolean) => {
      for (const resolve of reports.get(meetingId) ?? []) resolve(ok);
      reports.delete(meetingId);
    };
    const server = await TestServer.start(options.meetings ?? [], {
      admitInvite: invitesGate(registry),
      http: async (req, res) => mounted.api !== undefined && (await mounted.api.handle(req, res)),
      onEvent: reportWriter(registry, () => {}, written),
    });
    mounted.api = createApi({
      registry,
      server: server.server,
      secret: SECRET,
      log: () => {},
      ...(options.policy ? { policy: options.policy } : {}),
      ...(options.frame ? { assessmentFrame: options.frame } : {}),
      ...(options.notify ? { notify: options.notify } : {}),
      ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    });
    return new ApiTestServer(server, registry, dir, reports);
  }

  /** Resolves with whether the report line was written, the next time a meeting's close is written (call before closing it). */
  reportWritten(meetingId: string): Promise<boolean> {
    return new Promise((resolve) => {
      const waiting = this.reports.get(meetingId) ?? [];
      waiting.push(resolve);
      this.reports.set(meetingId, waiting);
    });
  }

  get url(): string {
    return this.server.url;
  }

  /** An admin token: unscoped by default, or for `units`. */
  admin(claims: Partial<AdminClaims> = {}, expiresIn = '1h'): Promise<string> {
    return this.admins.sign({ subject: 'test-portal', ...claims }, expiresIn);
  }

  /** Sends a request; an unscoped admin token unless `token` says otherwise. */
  async request(method: string, path: string, options: ApiRequest = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = {};
    const token = options.token === undefined ? (this.adminToken ??= await this.admin()) : options.token;
    if (token !== null) headers['authorization'] = `Bearer ${token}`;
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }
    if (options.contentType) headers['content-type'] = options.contentType;
    const res = await fetch(`${this.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    if ((res.headers.get('content-type') ?? '').startsWith('application/json') && text) json = JSON.parse(text) as Record<string, unknown>;
    return { status: res.status, headers: res.headers, json, text };
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.registry.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
