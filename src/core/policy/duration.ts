/**
 * How long a meeting has run against the minimum (Hướng dẫn 42-HD/BTCTW of
 * 28/10/2025, replacing 12-HD/BTCTW 2018). Reported to the chair, never
 * enforced: the chair may still close early.
 */
import type { MeetingKind } from '../types.js';
import type { MeetingPolicy } from './policy.js';
import { parseInstant } from './scheduling.js';

/** Result of {@link durationReport}. */
export interface DurationReport {
  /** The minimum for this kind of meeting, in minutes. */
  readonly requiredMinutes: number;
  /** Whole minutes from opening to closing (or to now while open); 0 if not opened. */
  readonly actualMinutes: number;
  readonly met: boolean;
  /** Minutes still to go before the minimum is met; 0 once met. */
  readonly remainingMinutes: number;
  /** Bilingual summary naming the rule; `code` is 'duration-met' or 'duration-short'. */
  readonly reason: { readonly code: 'duration-met' | 'duration-short'; readonly vi: string; readonly en: string };
}

const KIND_NAME: Readonly<Record<MeetingKind, { readonly vi: string; readonly en: string }>> = {
  regular: { vi: 'sinh hoạt thường kỳ', en: 'regular meeting' },
  thematic: { vi: 'sinh hoạt chuyên đề', en: 'thematic meeting' },
  combined: { vi: 'sinh hoạt thường kỳ kết hợp chuyên đề', en: 'regular and thematic meeting in one session' },
};

/**
 * The meeting's duration against its minimum. ISO 8601 instants in; throws
 * RangeError on a malformed one. A clock that runs backwards gives 0, never a
 * negative duration.
 */
export function durationReport(
  kind: MeetingKind,
  openedAt: string | undefined,
  closedAt: string | undefined,
  now: string,
  policy: MeetingPolicy,
): DurationReport {
  // HD 42-HD/BTCTW (2025): at least 90 minutes; at least 120 when the regular
  // and thematic meetings run in one session (policy.minimumMinutes).
  const requiredMinutes = policy.minimumMinutes[kind];
  let actualMinutes = 0;
  if (openedAt !== undefined) {
    const end = parseInstant(closedAt ?? now, closedAt === undefined ? 'now' : 'closedAt');
    actualMinutes = Math.max(0, Math.floor((end - parseInstant(openedAt, 'openedAt')) / 60_000));
  }
  const met = actualMinutes >= requiredMinutes;
  const remainingMinutes = Math.max(0, requiredMinutes - actualMinutes);
  const name = KIND_NAME[kind];
  const rule = 'Hướng dẫn 42-HD/BTCTW (28/10/2025)';
  const ruleEn = 'Guideline 42-HD/BTCTW (28/10/2025)';
  const reason: DurationReport['reason'] = met
    ? {
        code: 'duration-met',
        vi: `Thời lượng ${actualMinutes} phút, đạt tối thiểu ${requiredMinutes} phút cho ${name.vi} — ${rule}.`,
        en: `Duration ${actualMinutes} min, meets the minimum of ${requiredMinutes} min for a ${name.en} — ${ruleEn}.`,
      }
    : {
        code: 'duration-short',
        vi: `Thời lượng ${actualMinutes} phút, chưa đủ tối thiểu ${requiredMinutes} phút cho ${name.vi} (còn ${remainingMinutes} phút) — ${rule}.`,
        en: `Duration ${actualMinutes} min, short of the minimum of ${requiredMinutes} min for a ${name.en} (${remainingMinutes} min to go) — ${ruleEn}.`,
      };
  return { requiredMinutes, actualMinutes, met, remainingMinutes, reason };
}
