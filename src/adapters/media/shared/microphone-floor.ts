import type { MicrophoneRule } from '../../../core/media.js';

/** No floor, or one without "mute others": the member mutes and unmutes as they like. */
const FREE: MicrophoneRule = { forceMute: false, mayUnmute: true };

/**
 * Whether the member wants their microphone on, under the floor's rule
 * (`microphoneRule`, src/core/rules/media.ts; issue 6: "when the chair gives
 * the floor with mute others, every client mutes its microphone except the
 * speaker's, and a member can unmute only when the policy allows"). Every
 * adapter keeps one; it performs the mute on its own tracks.
 */
export class MicrophoneFloor {
  private rule: MicrophoneRule = FREE;
  /** The member wants the microphone on (and the floor has not muted it since). */
  wanted = true;

  /** The floor forbids unmuting now: the element shows the lock. */
  get locked(): boolean {
    return !this.rule.mayUnmute;
  }

  /** At connect: on, unless the member chose otherwise or the floor mutes them now. */
  start(microphoneOff: boolean | undefined): void {
    this.wanted = !microphoneOff && !this.rule.forceMute;
  }

  /** The member switches the microphone; false, and nothing changes, when the floor forbids unmuting now. */
  request(on: boolean): boolean {
    if (on && !this.rule.mayUnmute) return false;
    this.wanted = on;
    return true;
  }

  /**
   * Takes the floor's rule; true when it newly mutes the member (the adapter
   * then mutes its microphone). Edge-triggered: the floor mutes once when
   * given; with a policy that lets members unmute, a later state update must
   * not mute again.
   */
  apply(rule: MicrophoneRule): boolean {
    const newlyForced = rule.forceMute && !this.rule.forceMute;
    this.rule = rule;
    if (newlyForced) this.wanted = false;
    return newlyForced;
  }
}
