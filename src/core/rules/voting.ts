import type { Rejection } from '../commands.js';
import type { Choice, Denominator, Motion, MeetingState, Tally, Threshold, VoteResult } from '../state.js';
import { isMarkedPresent } from './attendance.js';

/** No votes yet. */
export const EMPTY_TALLY: Tally = { agree: 0, disagree: 0, other: 0 };

/** Adds one choice to a tally. */
export const addChoice = (tally: Tally, choice: Choice, count = 1): Tally => ({ ...tally, [choice]: tally[choice] + count });

/** Adds two tallies. */
export const sumTallies = (a: Tally, b: Tally): Tally => ({ agree: a.agree + b.agree, disagree: a.disagree + b.disagree, other: a.other + b.other });

const total = (t: Tally) => t.agree + t.disagree + t.other;

/**
 * Whether a member may vote now, or why not. Only full members vote: probationary
 * members have every right but to vote, stand and elect (Điều lệ Đảng, Điều 3);
 * upper-level delegates, guests and technicians never vote (QĐ 294-QĐ/TW 9.3), and
 * are not on the roster. A suspended member does not vote (đình chỉ sinh hoạt); a
 * member attached elsewhere votes in the cell where they attend; one attached
 * here votes only if the policy says so. A voter must be present, in person or
 * online.
 */
export function voteEligibility(state: MeetingState, memberId: string): Rejection | undefined {
  const member = state.cell.members.find((m) => m.id === memberId);
  if (!member) return { code: 'not-eligible', message: `${memberId} is not on this cell's roster and does not vote.` };
  if (member.status !== 'full') return { code: 'not-eligible', message: 'Probationary members do not vote (Điều lệ Đảng, Điều 3).' };
  if (member.flags?.suspended) return { code: 'not-eligible', message: 'A suspended member does not vote.' };
  if (member.flags?.attachedElsewhere) return { code: 'not-eligible', message: 'A member attached to another cell votes there.' };
  if (member.flags?.attachedHere && !state.policy.temporarilyAttachedMayVote) {
    return { code: 'not-eligible', message: 'A member temporarily attached here votes in their own cell (policy).' };
  }
  if (!isMarkedPresent(state, memberId)) return { code: 'not-present', message: 'Only members marked present vote; the chair marks the roll first.' };
  return undefined;
}

/** The members who may vote now. */
export function eligibleVoters(state: MeetingState): string[] {
  return state.cell.members.filter((m) => !voteEligibility(state, m.id)).map((m) => m.id);
}

/**
 * The legal denominator of a vote of the whole cell (Quy định 294-QĐ/TW of
 * 26/5/2025, point 9.3.2): the full members called to the meeting, minus those
 * temporarily attached elsewhere, exempt members who are absent (an exempt
 * member who attends counts), suspended (prosecuted, detained) members, and
 * members absent for the whole meeting with a reason the convener accepted.
 * Never "those present".
 */
export function denominator(state: MeetingState): Denominator {
  const called = state.cell.members.filter(
    (m) => m.status === 'full' && (!m.flags?.attachedHere || state.policy.temporarilyAttachedMayVote),
  );
  let attachedElsewhere = 0;
  let exemptAbsent = 0;
  let suspended = 0;
  let absentWithAcceptedReason = 0;
  for (const member of called) {
    const entry = state.attendance[member.id];
    if (member.flags?.attachedElsewhere) attachedElsewhere++;
    else if (member.flags?.suspended) suspended++;
    else if (member.flags?.exempt && !isMarkedPresent(state, member.id)) exemptAbsent++;
    else if (entry?.mark === 'absent-with-reason' && entry.reasonAccepted !== false) absentWithAcceptedReason++;
  }
  return {
    called: called.length,
    attachedElsewhere,
    exemptAbsent,
    suspended,
    absentWithAcceptedReason,
    value: called.length - attachedElsewhere - exemptAbsent - suspended - absentWithAcceptedReason,
  };
}

/**
 * The least number of agree votes that passes: "more than half" (a resolution,
 * an election: QĐ 294-QĐ/TW 9.3) or "at least two thirds" (admission and
 * confirmation of probationary members: Hướng dẫn 06-HD/TW 2025, 3.6b).
 */
export function requiredVotes(threshold: Threshold, denominatorValue: number): number {
  return threshold === 'majority' ? Math.floor(denominatorValue / 2) + 1 : Math.ceil((denominatorValue * 2) / 3);
}

/** Counts a motion's ballots: online and named ones, approved paper totals per bridge point, and sealed secret totals. */
export function tallyOf(motion: Motion): { tally: Tally; bySource: Record<string, Tally> } {
  const bySource: Record<string, Tally> = {};
  const add = (source: string, t: Tally) => (bySource[source] = sumTallies(bySource[source] ?? EMPTY_TALLY, t));
  for (const vote of Object.values(motion.votes)) {
    if (vote.choice) add(vote.source, addChoice(EMPTY_TALLY, vote.choice));
  }
  if (motion.sealed) add('online', motion.sealed);
  for (const [bridgePointId, paper] of Object.entries(motion.paper)) {
    if (paper.approved) add(bridgePointId, { agree: paper.agree, disagree: paper.disagree, other: paper.other });
  }
  const tally = Object.values(bySource).reduce(sumTallies, EMPTY_TALLY);
  return { tally, bySource };
}

/** The result of a motion's vote against the legal denominator, with the rule applied. */
export function voteResult(state: MeetingState, motion: Motion): VoteResult {
  const { tally, bySource } = tallyOf(motion);
  const d = denominator(state);
  const required = requiredVotes(motion.threshold, d.value);
  const named =
    motion.ballot === 'open'
      ? Object.fromEntries(Object.entries(motion.votes).flatMap(([id, v]) => (v.choice ? [[id, v.choice]] : [])))
      : undefined;
  return {
    tally,
    cast: total(tally),
    denominator: d,
    threshold: motion.threshold,
    required,
    passed: d.value > 0 && tally.agree >= required,
    percent: d.value > 0 ? Math.round((tally.agree / d.value) * 1000) / 10 : 0,
    bySource,
    ...(named ? { named } : {}),
  };
}
