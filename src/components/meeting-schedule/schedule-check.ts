/**
 * The HD 03 checks of a meeting a cell is filling in, computed in the browser
 * with the core's pure verdicts (src/core/policy/scheduling.ts) as the person
 * types: the same checks, in the same order, as the server runs before it
 * registers the meeting. The server's answer still has the last word (its
 * policy may be a province's, and its count is taken at the insert).
 */
import type { CellDetail } from '../../client/index.js';
import {
  contentAllowedOnline,
  documentsOnTime,
  onlineEligibility,
  onlineMeetingAllowed,
  parseInstant,
  type ContentTag,
  type MeetingDocument,
  type MeetingMode,
  type MeetingPolicy,
  type PolicyReason,
} from '../../core/index.js';

/** One check's outcome: the core's reason, or (fully online asked where only hybrid is allowed) a code the element words itself. */
export type LiveCheck =
  | { readonly code: PolicyReason['code']; readonly ok: boolean; readonly reason: PolicyReason }
  | { readonly code: 'fully-online-not-allowed'; readonly ok: false; readonly cannotMeet: number; readonly counted: number };

/** Every check, and what the yearly limit counted. */
export interface LiveVerdict {
  readonly allowed: boolean;
  readonly checks: readonly LiveCheck[];
  /** The unit's yearly limit of online meetings. */
  readonly limit: number;
}

/** What the checks read from the form and the registry. */
export interface LiveInput {
  readonly cell: CellDetail;
  readonly mode: MeetingMode;
  /** ISO 8601 with an offset; absent while no date is chosen. */
  readonly scheduledAt?: string;
  /** Documents whose posting time is filled in. */
  readonly documents: readonly MeetingDocument[];
  readonly contents: readonly ContentTag[];
  readonly cannotMeetInPerson: ReadonlySet<string>;
  /** Online and hybrid meetings of the cell already registered in the meeting's year; absent until counted. */
  readonly onlineThisYear?: number;
  readonly policy: MeetingPolicy;
}

/** Runs the checks that the input allows: the limit waits for the year's count, the documents for the date. */
export function liveCheck(input: LiveInput): LiveVerdict {
  const { policy, mode, cell } = input;
  const checks: LiveCheck[] = [];
  const limit = policy.onlineMeetingsPerYear[cell.unitKind];
  if (mode !== 'in-person') {
    // HD 03-HD/TW: more than half cannot meet in one place; fully online only when none can.
    const eligibility = onlineEligibility(cell.members, input.cannotMeetInPerson, policy);
    checks.push({ code: eligibility.reason.code, ok: eligibility.eligible, reason: eligibility.reason });
    if (mode === 'online' && eligibility.eligible && !eligibility.fullyOnlineAllowed) {
      checks.push({ code: 'fully-online-not-allowed', ok: false, cannotMeet: eligibility.cannotMeet, counted: eligibility.counted });
    }
    // HD 03-HD/TW as applied by 08-HD/ĐUK (seed 004): cell 3, base committee 1 a year.
    if (input.onlineThisYear !== undefined) {
      const allowance = onlineMeetingAllowed(
        {
          unitKind: cell.unitKind,
          onlineMeetingsThisYear: input.onlineThisYear,
          memberCount: cell.members.length,
          ...(cell.hasPartyGroups !== undefined ? { hasPartyGroups: cell.hasPartyGroups } : {}),
        },
        policy,
      );
      checks.push({ code: allowance.reason.code, ok: allowance.allowed, reason: allowance.reason });
    }
    if (input.contents.length > 0) {
      const content = contentAllowedOnline(input.contents, mode, policy);
      checks.push({ code: content.reason.code, ok: content.allowed, reason: content.reason });
    }
  }
  // HD 42-HD/BTCTW (2025): documents reach members policy.documentsDaysBefore day(s) before.
  if (input.scheduledAt && input.documents.length > 0) {
    const docs = documentsOnTime(input.documents, input.scheduledAt, policy);
    checks.push({ code: docs.reason.code, ok: docs.onTime, reason: docs.reason });
  }
  return { allowed: checks.every((c) => c.ok), checks, limit };
}

/** Whether a string is an instant the core reads (ISO 8601 with an offset). */
export function isInstant(value: string): boolean {
  try {
    parseInstant(value, 'value');
    return true;
  } catch {
    return false;
  }
}

/** The instant of a `datetime-local` value read as Vietnam time (UTC+7 all year): "2026-12-15T14:00" → "2026-12-15T14:00:00+07:00". */
export function fromVietnamLocal(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return undefined;
  const iso = `${value}:00+07:00`;
  return isInstant(iso) ? iso : undefined;
}

/** The `datetime-local` value of an instant in Vietnam time. */
export function toVietnamLocal(ms: number): string {
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 16);
}

/** The first instant of a Vietnam-time year, and of the next: the registry's count of that year. */
export function vietnamYearRange(year: number): { readonly from: string; readonly to: string } {
  return { from: `${year}-01-01T00:00:00+07:00`, to: `${year + 1}-01-01T00:00:00+07:00` };
}

/** The first instant of a Vietnam-time month (1–12), and of the next. */
export function vietnamMonthRange(year: number, month: number): { readonly from: string; readonly to: string } {
  const two = (n: number) => String(n).padStart(2, '0');
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return { from: `${year}-${two(month)}-01T00:00:00+07:00`, to: `${next.year}-${two(next.month)}-01T00:00:00+07:00` };
}
