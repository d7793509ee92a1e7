/**
 * A small typed client of the server's REST API (docs/openapi.json) for the
 * upper level's console elements: `fetch`, a bearer admin token (the portal's
 * token for the upper-level user, limited to its units), and every refusal
 * turned into an {@link ApiRequestError} with its text in Vietnamese and
 * English. Browser-safe: no Node API.
 */
import type { MinutesModel } from '../core/minutes.js';
import type { ContentTag } from '../core/policy/policy.js';
import type { MeetingDocument } from '../core/policy/scheduling.js';
import type { BridgePoint, Invitee, MeetingKind, MeetingMode, MeetingPhase } from '../core/types.js';
import { ApiRequestError } from './api-errors.js';
import type {
  ApiErrorBody,
  AssessmentRecord,
  AssignDelegatesResponse,
  CellDetail,
  CellListResponse,
  MeetingAssessmentResponse,
  MeetingListResponse,
  PilotReport,
  RecordAssessmentResponse,
  ScheduleMeetingResponse,
  SchedulingCheckResponse,
  UnassignDelegateResponse,
} from './api-types.js';

/** POST /api/meetings (and /api/meetings/check): a meeting a cell registers. */
export interface ScheduleMeetingRequest {
  readonly id?: string;
  readonly cellId: string;
  readonly title: string;
  /** ISO 8601 with an offset (`2026-12-15T14:00:00+07:00`). */
  readonly scheduledAt: string;
  /** Also picks the program: the core's agenda template for the kind. */
  readonly kind?: MeetingKind;
  readonly mode: MeetingMode;
  readonly chairId: string;
  readonly bridgePoints?: readonly BridgePoint[];
  readonly seating?: Readonly<Record<string, string>>;
  readonly documents?: readonly MeetingDocument[];
  readonly delegates?: readonly Invitee[];
  readonly contents?: readonly ContentTag[];
  readonly cannotMeetInPerson?: readonly string[];
}

/** One delegate the upper level assigns (POST /api/meetings/{id}/delegates). */
export interface DelegateAssignment {
  readonly id: string;
  readonly name: string;
  readonly organization?: string;
  /** A bridge point of the meeting, or one of the request's `bridgePoints`. */
  readonly bridgePointId?: string;
}

/** POST /api/meetings/{id}/delegates */
export interface AssignDelegatesRequest {
  readonly delegates: readonly DelegateAssignment[];
  /** The upper level's own bridge points, added to the meeting. */
  readonly bridgePoints?: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** Issue invite links for the delegates named (default true). */
  readonly invites?: boolean;
  readonly expiresAt?: string;
}

/** POST /api/meetings/{id}/assessment */
export interface AssessmentRequest {
  readonly delegateId: string;
  readonly strengths: string;
  readonly limitations: string;
  readonly lessons: string;
  /** The total, when not scored by criteria. */
  readonly score?: number;
  /** Points per criterion of the scoring frame. */
  readonly criteria?: Readonly<Record<string, number>>;
}

/** GET /api/meetings/{id}/minutes: the core's minutes model and the delegates' assessments. */
export interface MinutesResponse {
  readonly meetingId: string;
  readonly phase: MeetingPhase;
  readonly minutes: MinutesModel;
  readonly assessments: readonly AssessmentRecord[];
}

/** GET /api/meetings filters. */
export interface MeetingListQuery {
  /** A cell id, or a parent unit id for all its cells. */
  readonly unit?: string;
  /** ISO 8601: scheduled at or after. */
  readonly from?: string;
  /** ISO 8601: scheduled before. */
  readonly to?: string;
  /** 1–1000. */
  readonly limit?: number;
}

/** How the client reaches the API. */
export interface ApiClientOptions {
  /** The server's address (`https://hop.example.vn`); empty: the page's own origin. Paths start with `/api/`. */
  readonly baseUrl?: string;
  /** The admin token sent as `Authorization: Bearer …`. */
  readonly token?: string;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof fetch;
}

type Query = Readonly<Record<string, string | number | undefined>>;

/** The REST API's calls the console elements make. Every method rejects with an `ApiRequestError`. */
export class PartyApiClient {
  private readonly base: string;
  private readonly token: string | undefined;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ApiClientOptions = {}) {
    this.base = (options.baseUrl ?? '').replace(/\/+$/, '');
    this.token = options.token || undefined;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** GET /api/cells: the cells the token may see. */
  cells(unit?: string, signal?: AbortSignal): Promise<CellListResponse> {
    return this.request('GET', '/api/cells', { query: { unit }, signal });
  }

  /** GET /api/cells/{cellId}: a cell with its roster. */
  async cell(cellId: string, signal?: AbortSignal): Promise<CellDetail> {
    return (await this.request<{ cell: CellDetail }>('GET', `/api/cells/${encodeURIComponent(cellId)}`, { signal })).cell;
  }

  /** GET /api/meetings: the schedule registry. */
  meetings(query: MeetingListQuery = {}, signal?: AbortSignal): Promise<MeetingListResponse> {
    return this.request('GET', '/api/meetings', { query: { ...query }, signal });
  }

  /** POST /api/meetings/check: the HD 03 checks without registering. */
  checkMeeting(body: ScheduleMeetingRequest, signal?: AbortSignal): Promise<SchedulingCheckResponse> {
    return this.request('POST', '/api/meetings/check', { json: body, signal });
  }

  /** POST /api/meetings: registers a meeting; 422 `scheduling-refused` carries the reasons. */
  scheduleMeeting(body: ScheduleMeetingRequest, signal?: AbortSignal): Promise<ScheduleMeetingResponse> {
    return this.request('POST', '/api/meetings', { json: body, signal });
  }

  /** POST /api/meetings/{id}/delegates */
  assignDelegates(meetingId: string, body: AssignDelegatesRequest, signal?: AbortSignal): Promise<AssignDelegatesResponse> {
    return this.request('POST', `/api/meetings/${encodeURIComponent(meetingId)}/delegates`, { json: body, signal });
  }

  /** DELETE /api/meetings/{id}/delegates/{participantId}: withdraws a delegate before the meeting opens; their invites are revoked. */
  unassignDelegate(meetingId: string, delegateId: string, signal?: AbortSignal): Promise<UnassignDelegateResponse> {
    return this.request('DELETE', `/api/meetings/${encodeURIComponent(meetingId)}/delegates/${encodeURIComponent(delegateId)}`, { signal });
  }

  /** GET /api/meetings/{id}/minutes: the minutes as they stand (title, date, attendance…). */
  minutes(meetingId: string, signal?: AbortSignal): Promise<MinutesResponse> {
    return this.request('GET', `/api/meetings/${encodeURIComponent(meetingId)}/minutes`, { signal });
  }

  /** GET /api/meetings/{id}/assessment: the feedback and the scoring frame. */
  assessment(meetingId: string, signal?: AbortSignal): Promise<MeetingAssessmentResponse> {
    return this.request('GET', `/api/meetings/${encodeURIComponent(meetingId)}/assessment`, { signal });
  }

  /** POST /api/meetings/{id}/assessment */
  recordAssessment(meetingId: string, body: AssessmentRequest, signal?: AbortSignal): Promise<RecordAssessmentResponse> {
    return this.request('POST', `/api/meetings/${encodeURIComponent(meetingId)}/assessment`, { json: body, signal });
  }

  /** GET /api/reports/pilot: the year's evaluation of the pilot. */
  pilotReport(year: number, unit?: string, signal?: AbortSignal, detail?: 'full' | 'summary' | 'auto'): Promise<PilotReport> {
    return this.request('GET', '/api/reports/pilot', { query: { year, unit, detail }, signal });
  }

  /** Sends one request and reads its JSON answer; any refusal becomes an `ApiRequestError`. */
  async request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, options: { query?: Query; json?: unknown; signal?: AbortSignal | undefined } = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined && value !== '') params.set(key, String(value));
    const encoded = params.toString();
    const search = encoded ? `?${encoded}` : '';
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.base}${path}${search}`, {
        method,
        headers,
        ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        // The token travels in the header only; no cookie of the portal goes with it.
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiRequestError(0, 'network', `${method} ${path}: ${String(error)}`);
    }
    const json = await readJson(response);
    if (response.ok && json !== undefined) return json as T;
    if (isErrorBody(json)) throw new ApiRequestError(response.status, json.code, json.message, json);
    throw new ApiRequestError(response.status, response.status >= 500 ? 'server-error' : 'bad-response', `${method} ${path}: HTTP ${response.status}`);
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).code === 'string' && typeof (value as ApiErrorBody).message === 'string';
}
