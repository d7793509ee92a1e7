import type { CommandType } from '../commands.js';
import type { Role } from '../types.js';

/**
 * Who may send which command: the one table of authorization (role × command).
 * The chair (chủ trì, usually the bí thư) runs the meeting's procedure
 * (Hướng dẫn 42-HD/BTCTW 2025, program step 1: the chair opens the meeting and
 * takes the roll). Everyone may join and leave; delegates follow and
 * act only when the chair invites them (Quy định 08-QĐ/TU 2021, seed 003).
 */
export const AUTHORIZATION: Readonly<Record<CommandType, readonly Role[]>> = {
  join: ['chair', 'member', 'delegate'],
  leave: ['chair', 'member', 'delegate'],
  'open-meeting': ['chair'],
  'mark-attendance': ['chair'],
  'close-meeting': ['chair'],
};

/** Whether `role` may send a command of type `type`. */
export function mayPerform(role: Role, type: CommandType): boolean {
  return AUTHORIZATION[type].includes(role);
}
