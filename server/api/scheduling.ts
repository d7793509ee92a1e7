/**
 * The HD 03 checks a meeting must pass before the registry schedules it,
 * put together from the core's pure verdicts (src/core/policy/scheduling.ts).
 */
import {
  contentAllowedOnline,
  documentsOnTime,
  onlineEligibility,
  onlineMeetingAllowed,
  type ContentTag,
  type MeetingDocument,
  type MeetingMode,
  type MeetingPolicy,
  type Member,
  type PolicyReason,
  type UnitKind,
} from '../../src/core/index.js';

/** A reason with a code the core does not have: fully online asked for where HD 03 allows only hybrid. */
export type ServerSchedulingCode = 'fully-online-not-allowed';

/** One check's verdict: a stable code and its text in Vietnamese and English. */
export type Reason = PolicyReason | PolicyReason<ServerSchedulingCode>;

/** What the checks need to know. */
export interface SchedulingInput {
  readonly unitKind: UnitKind;
  readonly members: readonly Member[];
  readonly hasPartyGroups?: boolean;
  readonly cannotMeetInPerson: ReadonlySet<string>;
  readonly mode: MeetingMode;
  readonly scheduledAt: string;
  readonly documents: readonly MeetingDocument[];
  readonly contents: readonly ContentTag[];
  /** Online and hybrid meetings the unit already has in the meeting's year. */
  readonly onlineThisYear: number;
  readonly policy: MeetingPolicy;
}

/** Every verdict, and the refusals among them. */
export interface SchedulingVerdict {
  readonly allowed: boolean;
  /** Every check made, in order: eligibility, yearly limit, contents, documents. */
  readonly checks: readonly Reason[];
  /** The checks that refused. */
  readonly refused: readonly Reason[];
  /** The yearly limit of online meetings for this unit (also for an in-person meeting, for the record). */
  readonly onlineLimit: number;
}

const HD03 = 'Hướng dẫn 03-HD/TW (27/12/2022)';
const HD03_EN = 'Guideline 03-HD/TW (27/12/2022)';

/** Runs the checks for one meeting. Throws RangeError on a malformed date (validation catches those first). */
export function checkScheduling(input: SchedulingInput): SchedulingVerdict {
  const { policy, mode } = input;
  const checks: Reason[] = [];
  const refused: Reason[] = [];
  const verdict = (reason: Reason, ok: boolean) => {
    checks.push(reason);
    if (!ok) refused.push(reason);
  };
  const onlineLimit = policy.onlineMeetingsPerYear[input.unitKind];
  if (mode !== 'in-person') {
    // HD 03-HD/TW: eligibility (more than half cannot meet in one place), and
    // fully online only when no member can gather in one place.
    const eligibility = onlineEligibility(input.members, input.cannotMeetInPerson, policy);
    verdict(eligibility.reason, eligibility.eligible);
    if (mode === 'online' && eligibility.eligible && !eligibility.fullyOnlineAllowed) {
      const share = `${eligibility.cannotMeet}/${eligibility.counted}`;
      verdict(
        {
          code: 'fully-online-not-allowed',
          vi: `Không được sinh hoạt trực tuyến toàn thể: chỉ ${share} đảng viên không thể tập trung tại một địa điểm; hãy tổ chức trực tiếp kết hợp trực tuyến — ${HD03}.`,
          en: `A fully online meeting is not allowed: only ${share} members cannot gather in one place; hold a hybrid meeting instead — ${HD03_EN}.`,
        },
        false,
      );
    }
    // HD 03-HD/TW as applied by 08-HD/ĐUK (seed 004): yearly limits per kind of unit.
    const allowance = onlineMeetingAllowed(
      {
        unitKind: input.unitKind,
        onlineMeetingsThisYear: input.onlineThisYear,
        memberCount: input.members.length,
        ...(input.hasPartyGroups !== undefined ? { hasPartyGroups: input.hasPartyGroups } : {}),
      },
      policy,
    );
    verdict(allowance.reason, allowance.allowed);
    if (input.contents.length > 0) {
      const content = contentAllowedOnline(input.contents, mode, policy);
      verdict(content.reason, content.allowed);
    }
  }
  // HD 42-HD/BTCTW (2025): documents reach members at least policy.documentsDaysBefore days before, whatever the form.
  if (input.documents.length > 0) {
    const docs = documentsOnTime(input.documents, input.scheduledAt, policy);
    verdict(docs.reason, docs.onTime);
  }
  return { allowed: refused.length === 0, checks, refused, onlineLimit };
}
