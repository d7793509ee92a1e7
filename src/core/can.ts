import type { Command } from './commands.js';
import { decide } from './decide/index.js';
import type { MeetingState } from './state.js';
import type { Actor } from './types.js';

/**
 * Whether `decide` would accept the command from this actor in this state:
 * elements offer only the controls that would work, without restating a rule.
 */
export function canPerform(state: MeetingState, actor: Actor, command: Command): boolean {
  return !('rejection' in decide(state, command, actor, state.openedAt ?? state.scheduledAt));
}
