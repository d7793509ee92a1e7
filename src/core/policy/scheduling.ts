/**
 * Checks a portal runs when a cell registers an online or hybrid meeting
 * (Hướng dẫn 03-HD/TW of 27/12/2022 on piloting online party meetings; local
 * guide 08-HD/ĐUK as reported in seed 004). Pure: data in, a verdict with a
 * stable code and a bilingual message out. The thresholds are policy values.
 */
import type { Member, MeetingMode, UnitKind } from '../types.js';
import type { ContentTag, MeetingPolicy } from './policy.js';
import { vietnameseDateTime } from '../time.js';

/** The stable codes of the scheduling checks; a portal may switch on them. */
export type SchedulingCode =
  | 'online-eligible-hybrid'
  | 'online-eligible-fully-online'
  | 'online-not-eligible'
  | 'online-limit-available'
  | 'online-limit-reached'
  | 'party-group-no-groups'
  | 'party-group-too-few-members'
  | 'content-allowed'
  | 'content-not-allowed-online'
  | 'documents-on-time'
  | 'documents-late';

/** A verdict's code with its message in Vietnamese and English, naming the rule. */
export interface PolicyReason<C extends string = SchedulingCode> {
  readonly code: C;
  readonly vi: string;
  readonly en: string;
}

const HD03 = 'Hướng dẫn 03-HD/TW (27/12/2022)';
const HD03_EN = 'Guideline 03-HD/TW (27/12/2022)';
const HD42 = 'Hướng dẫn 42-HD/BTCTW (28/10/2025)';
const HD42_EN = 'Guideline 42-HD/BTCTW (28/10/2025)';

// A date-time with an explicit offset. Date.parse alone is too lenient: it reads
// "10/03/2026" as 3 October and a time without offset in the machine's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of an ISO 8601 date-time with an offset (`Z` or
 * `±hh:mm`). Throws RangeError otherwise: a malformed date is a caller's bug,
 * not a verdict.
 */
export function parseInstant(iso: string, field: string): number {
  const ms = ISO_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${field}: not an ISO 8601 date-time with an offset: ${JSON.stringify(iso)}`);
  return ms;
}

/** Result of {@link onlineEligibility}. */
export interface OnlineEligibility {
  readonly eligible: boolean;
  /** Members counted: the roster minus exempt and suspended members. */
  readonly counted: number;
  /** Counted members who cannot meet in one place. */
  readonly cannotMeet: number;
  /** The smallest `cannotMeet` that makes the unit eligible. */
  readonly required: number;
  /** Fully online (no in-person room) only when no counted member can gather in one place. */
  readonly fullyOnlineAllowed: boolean;
  readonly reason: PolicyReason;
}

/**
 * Whether a cell or base committee may meet online, and in which form.
 * `cannotMeetInPerson` holds the ids of members who cannot meet in one place
 * because of their work (dispersed, offices in several provinces, posts they
 * cannot leave) or special circumstances. Whether the IT infrastructure is
 * adequate (also required by HD 03) is for the upper level to judge; it is not
 * an input here.
 */
export function onlineEligibility(
  members: readonly Member[],
  cannotMeetInPerson: ReadonlySet<string>,
  policy: MeetingPolicy,
): OnlineEligibility {
  // Hướng dẫn 03-HD/TW (27/12/2022), scope: "trên một nửa số đảng viên (trừ đảng viên miễn công
  // tác và sinh hoạt đảng, bị đình chỉ sinh hoạt đảng)": exempt and suspended
  // members are in neither the numerator nor the denominator.
  const countedMembers = members.filter((m) => !m.flags?.exempt && !m.flags?.suspended);
  const counted = countedMembers.length;
  const cannotMeet = countedMembers.filter((m) => cannotMeetInPerson.has(m.id)).length;
  // "More than" the share: exactly half is not enough.
  const required = Math.floor(counted * policy.onlineEligibilityShare) + 1;
  const eligible = cannotMeet >= required;
  // HD 03-HD/TW: online combined with in person by default; fully online only
  // when no member of the organisation can gather in one place.
  const fullyOnlineAllowed = eligible && cannotMeet === counted;
  const share = `${cannotMeet}/${counted}`;
  const reason: PolicyReason = !eligible
    ? {
        code: 'online-not-eligible',
        vi: `Không đủ điều kiện sinh hoạt trực tuyến: ${share} đảng viên không thể sinh hoạt trực tiếp tại cùng một địa điểm, cần ít nhất ${required} (trên ${formatShare(policy.onlineEligibilityShare, 'vi')} số đảng viên, không tính đảng viên miễn sinh hoạt hoặc bị đình chỉ sinh hoạt) — ${HD03}.`,
        en: `Not eligible for online meetings: ${share} members cannot meet in one place; at least ${required} needed (more than ${formatShare(policy.onlineEligibilityShare, 'en')} of the members, exempt and suspended members not counted) — ${HD03_EN}.`,
      }
    : fullyOnlineAllowed
      ? {
          code: 'online-eligible-fully-online',
          vi: `Đủ điều kiện sinh hoạt trực tuyến toàn thể: cả ${share} đảng viên không thể tập trung tại cùng một địa điểm — ${HD03}.`,
          en: `Eligible for a fully online meeting: all ${share} members cannot gather in one place — ${HD03_EN}.`,
        }
      : {
          code: 'online-eligible-hybrid',
          vi: `Đủ điều kiện sinh hoạt trực tuyến (${share} đảng viên không thể sinh hoạt trực tiếp), theo hình thức trực tiếp kết hợp trực tuyến vì còn đảng viên có thể tập trung tại một địa điểm — ${HD03}.`,
          en: `Eligible for online meetings (${share} members cannot meet in person), as a hybrid meeting because some members can still gather in one place — ${HD03_EN}.`,
        };
  return { eligible, counted, cannotMeet, required, fullyOnlineAllowed, reason };
}

function formatShare(share: number, lang: 'vi' | 'en'): string {
  if (share === 0.5) return lang === 'vi' ? 'một nửa' : 'half';
  // No Intl: the core runs where locale data may be missing.
  const pct = String(Math.round(share * 1000) / 10);
  return `${lang === 'vi' ? pct.replace('.', ',') : pct} %`;
}

/** Input of {@link onlineMeetingAllowed}. */
export interface OnlineMeetingRequest {
  readonly unitKind: UnitKind;
  /** Online meetings this unit already held or registered this calendar year. */
  readonly onlineMeetingsThisYear: number;
  /** For 'party-group': the members of the cell the groups belong to. */
  readonly memberCount?: number;
  /** For 'party-group': whether the cell is organised in tổ đảng. */
  readonly hasPartyGroups?: boolean;
}

/** Result of {@link onlineMeetingAllowed}. */
export interface OnlineMeetingAllowance {
  readonly allowed: boolean;
  readonly limit: number;
  readonly used: number;
  readonly reason: PolicyReason;
}

const UNIT_NAME: Readonly<Record<UnitKind, { readonly vi: string; readonly en: string }>> = {
  'base-committee': { vi: 'đảng bộ cơ sở', en: 'base party committee' },
  cell: { vi: 'chi bộ', en: 'cell' },
  'party-group': { vi: 'chi bộ sinh hoạt theo tổ đảng', en: 'cell meeting by party groups' },
};

/** Whether one more online meeting is within the unit's yearly limit. */
export function onlineMeetingAllowed(input: OnlineMeetingRequest, policy: MeetingPolicy): OnlineMeetingAllowance {
  // HD 03-HD/TW, as applied by 08-HD/ĐUK (seed 004): base committee at most
  // 1 a year, cell at most 3, a cell meeting by party groups instead of as a
  // whole at most 3.
  const limit = policy.onlineMeetingsPerYear[input.unitKind];
  const used = input.onlineMeetingsThisYear;
  const unit = UNIT_NAME[input.unitKind];
  if (input.unitKind === 'party-group') {
    // HD 03-HD/TW, Mục II 1.2: meetings by party group only in a cell that has
    // party groups and many members (policy.partyGroupMinMembers).
    if (input.hasPartyGroups !== true) {
      return {
        allowed: false,
        limit,
        used,
        reason: {
          code: 'party-group-no-groups',
          vi: `Không được sinh hoạt theo tổ đảng: chi bộ không có tổ đảng — ${HD03}, Mục II 1.2.`,
          en: `Party-group meetings not allowed: the cell has no party groups — ${HD03_EN}, section II 1.2.`,
        },
      };
    }
    const min = policy.partyGroupMinMembers;
    if (input.memberCount === undefined || input.memberCount < min) {
      const have = input.memberCount === undefined ? '?' : String(input.memberCount);
      return {
        allowed: false,
        limit,
        used,
        reason: {
          code: 'party-group-too-few-members',
          vi: `Không được sinh hoạt theo tổ đảng: chi bộ có ${have} đảng viên, cần từ ${min} đảng viên trở lên — ${HD03}, Mục II 1.2.`,
          en: `Party-group meetings not allowed: the cell has ${have} members, at least ${min} needed — ${HD03_EN}, section II 1.2.`,
        },
      };
    }
  }
  if (used >= limit) {
    return {
      allowed: false,
      limit,
      used,
      reason: {
        code: 'online-limit-reached',
        vi: `Đã đủ số lần sinh hoạt trực tuyến trong năm: ${unit.vi} được sinh hoạt trực tuyến không quá ${limit} lần trong năm, đã dùng ${used} — ${HD03}.`,
        en: `Yearly online-meeting limit reached: a ${unit.en} may meet online at most ${limit} time(s) a year, ${used} used — ${HD03_EN}.`,
      },
    };
  }
  return {
    allowed: true,
    limit,
    used,
    reason: {
      code: 'online-limit-available',
      vi: `Được sinh hoạt trực tuyến: lần thứ ${used + 1} trong năm, giới hạn ${limit} lần đối với ${unit.vi} — ${HD03}.`,
      en: `Online meeting allowed: number ${used + 1} this year, limit ${limit} for a ${unit.en} — ${HD03_EN}.`,
    },
  };
}

/** Vietnamese and English names of the content tags, for messages. */
export const CONTENT_NAMES: Readonly<Record<ContentTag, { readonly vi: string; readonly en: string }>> = {
  resolution: { vi: 'nghị quyết', en: 'resolution' },
  election: { vi: 'bầu cử', en: 'election' },
  discipline: { vi: 'kỷ luật', en: 'discipline' },
  admission: { vi: 'kết nạp đảng viên', en: 'admission of a member' },
  confirmation: { vi: 'công nhận đảng viên chính thức', en: 'confirmation of a probationary member' },
  rating: { vi: 'đánh giá, xếp loại', en: 'annual rating' },
  classified: { vi: 'nội dung mật', en: 'classified matters' },
  'minutes-adoption': { vi: 'thông qua biên bản', en: 'adoption of the minutes' },
  other: { vi: 'nội dung khác', en: 'other matters' },
};

/** Result of {@link contentAllowedOnline}. */
export interface ContentVerdict {
  readonly allowed: boolean;
  /** The tags refused, each once, in the order given. */
  readonly refused: readonly ContentTag[];
  readonly reason: PolicyReason;
}

/** Whether the contents may be handled in a meeting of this mode. */
export function contentAllowedOnline(tags: readonly ContentTag[], mode: MeetingMode, policy: MeetingPolicy): ContentVerdict {
  // HD 03-HD/TW lists contents not handled in online meetings [unconfirmed
  // which: policy.contentNotAllowedOnline]. A hybrid meeting has its main
  // bridge point in person, so only a fully online meeting is refused.
  const refused = mode === 'online' ? [...new Set(tags.filter((t) => policy.contentNotAllowedOnline.includes(t)))] : [];
  if (refused.length === 0) {
    return {
      allowed: true,
      refused,
      reason: {
        code: 'content-allowed',
        vi: `Nội dung được phép trong hình thức sinh hoạt này — ${HD03}.`,
        en: `The contents are allowed in this form of meeting — ${HD03_EN}.`,
      },
    };
  }
  const vi = refused.map((t) => CONTENT_NAMES[t].vi).join(', ');
  const en = refused.map((t) => CONTENT_NAMES[t].en).join(', ');
  return {
    allowed: false,
    refused,
    reason: {
      code: 'content-not-allowed-online',
      vi: `Không thực hiện trong sinh hoạt trực tuyến toàn thể: ${vi}. Đưa nội dung này vào buổi sinh hoạt trực tiếp hoặc trực tiếp kết hợp trực tuyến — ${HD03}.`,
      en: `Not handled in a fully online meeting: ${en}. Take it to an in-person or hybrid meeting — ${HD03_EN}.`,
    },
  };
}

/** A document sent to members before the meeting. */
export interface MeetingDocument {
  readonly id: string;
  readonly title: string;
  /** When it was posted (e.g. on the Sổ tay đảng viên điện tử), ISO 8601. */
  readonly postedAt: string;
  /** Where to read it (https:, or a path on the portal). */
  readonly url?: string;
}

/** Result of {@link documentsOnTime}. */
export interface DocumentsVerdict {
  readonly onTime: boolean;
  /** Documents posted after the deadline, in the order given. */
  readonly late: readonly MeetingDocument[];
  /** The latest posting time that is on time, ISO 8601 (UTC). */
  readonly deadline: string;
  readonly reason: PolicyReason;
}

/**
 * Whether every document was posted at least `policy.documentsDaysBefore` × 24 h
 * before the meeting starts. Throws RangeError on a malformed date.
 */
export function documentsOnTime(documents: readonly MeetingDocument[], meetingStart: string, policy: MeetingPolicy): DocumentsVerdict {
  // HD 42-HD/BTCTW (2025), preparation: documents reach members before the
  // meeting so they can read them (seed 003: posted on the Sổ tay đảng viên
  // điện tử); how long before is a policy value.
  const deadlineMs = parseInstant(meetingStart, 'meetingStart') - policy.documentsDaysBefore * 24 * 60 * 60 * 1000;
  const deadline = new Date(deadlineMs).toISOString();
  const late = documents.filter((d) => parseInstant(d.postedAt, `documents[${d.id}].postedAt`) > deadlineMs);
  const days = policy.documentsDaysBefore;
  if (late.length === 0) {
    return {
      onTime: true,
      late,
      deadline,
      reason: {
        code: 'documents-on-time',
        vi: `Tài liệu đã gửi đúng hạn (chậm nhất ${days} ngày trước buổi sinh hoạt) — ${HD42}.`,
        en: `Documents posted on time (at least ${days} day(s) before the meeting) — ${HD42_EN}.`,
      },
    };
  }
  const titles = late.map((d) => `“${d.title}”`).join(', ');
  return {
    onTime: false,
    late,
    deadline,
    reason: {
      code: 'documents-late',
      vi: `Tài liệu gửi muộn: ${titles}. Tài liệu phải gửi đảng viên chậm nhất ${days} ngày trước buổi sinh hoạt (hạn ${vietnameseDateTime(deadline)}) — ${HD42}.`,
      en: `Documents posted late: ${titles}. Documents must reach members at least ${days} day(s) before the meeting (deadline ${vietnameseDateTime(deadline)}, Vietnam time) — ${HD42_EN}.`,
    },
  };
}
