import type { CommandType } from '../commands.js';
import type { MeetingRole } from '../types.js';

const EVERYONE: readonly MeetingRole[] = ['chair', 'recorder', 'full-member', 'probationary-member', 'delegate', 'guest', 'technician', 'operator'];
const SPEAKERS: readonly MeetingRole[] = ['chair', 'full-member', 'probationary-member', 'delegate'];

/**
 * Who may ever send which command: the one authorization table (meeting role ×
 * command). Finer conditions (only your own hand, only your bridge point's
 * room, only an eligible voter) are checked where the command is decided.
 *
 * Sources: the chair (chủ trì, usually the bí thư) conducts the meeting and
 * its program (Hướng dẫn 42-HD/BTCTW 2025); the meeting elects a minute-taker
 * who keeps and reads back the minutes (HD 42, opening and closing steps);
 * probationary members have every right but to vote, stand and elect (Điều lệ
 * Đảng, Điều 3), so they speak but never vote; upper-level delegates follow
 * and speak when invited (Quy định 08-QĐ/TU 2021, seed 003) and never vote
 * (QĐ 294-QĐ/TW 9.3); a bridge point's operator records its room (HD 03-HD/TW:
 * hybrid meetings).
 */
export const AUTHORIZATION: Readonly<Record<CommandType, readonly MeetingRole[]>> = {
  join: EVERYONE,
  leave: EVERYONE,
  'open-lobby': ['chair'],
  'open-meeting': ['chair'],
  'begin-closing': ['chair'],
  'close-meeting': ['chair'],
  admit: ['chair'],
  'refuse-entry': ['chair'],
  'post-document': ['chair', 'recorder'],
  'elect-recorder': ['chair'],
  // The chair, a bridge point's operator for its room, or a member checking in when policy allows.
  'mark-attendance': ['chair', 'operator', 'full-member', 'probationary-member'],
  'add-agenda-item': ['chair'],
  'move-agenda-item': ['chair'],
  'skip-agenda-item': ['chair'],
  'start-agenda-item': ['chair'],
  'finish-agenda-item': ['chair'],
  'raise-hand': SPEAKERS,
  'lower-hand': SPEAKERS,
  'give-floor': ['chair'],
  // The chair, or whoever has the floor, ends it.
  'end-floor': EVERYONE,
  'create-motion': ['chair'],
  'open-vote': ['chair'],
  // Only full members vote (Điều lệ Đảng, Điều 3; QĐ 294-QĐ/TW 9.3).
  'cast-ballot': ['full-member'],
  'record-hand-vote': ['chair', 'operator'],
  'record-paper-tally': ['chair', 'operator'],
  'approve-paper-tally': ['chair'],
  'close-vote': ['chair'],
  'assign-task': ['chair'],
  'record-conclusion': ['chair'],
  'rate-meeting': ['chair'],
  'add-minutes-note': ['chair', 'recorder'],
  'read-back-minutes': ['chair', 'recorder'],
  'add-minutes-annex': ['chair', 'recorder'],
};

/** Whether someone holding `roles` may send a command of type `type`. */
export function mayPerform(roles: ReadonlySet<MeetingRole>, type: CommandType): boolean {
  return AUTHORIZATION[type].some((role) => roles.has(role));
}
