import type { MicrophoneRule } from '../media.js';
import type { MeetingState } from '../state.js';

/**
 * What the floor means for one participant's microphone (issue 6: "when the
 * chair gives the floor with mute others, every client mutes its microphone
 * except the speaker's, and a member can unmute only when the policy allows").
 * The chair is never muted by the floor: they chair the discussion.
 */
export function microphoneRule(state: MeetingState, participantId: string): MicrophoneRule {
  const floor = state.floor;
  if (!floor || !floor.muteOthers || floor.participantId === participantId || participantId === state.chairId) {
    return { forceMute: false, mayUnmute: true };
  }
  return { forceMute: true, mayUnmute: state.policy.selfUnmuteDuringFloor };
}
