import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { microphoneRule } from '../../src/core/index.js';
import { as, created, run, testMeeting } from '../helpers/meeting.js';

const opened = () =>
  run(created(testMeeting), [as.chair, { type: 'join' }], [as.member('full-a'), { type: 'join' }], [as.member('full-b'), { type: 'join' }], [as.chair, { type: 'open-meeting' }]);

describe('microphone rule from the floor', () => {
  it('leaves everyone free to unmute when nobody has the floor, or the floor was given without muting', () => {
    const state = opened();
    assert.deepEqual(microphoneRule(state, 'full-b'), { forceMute: false, mayUnmute: true });
    const given = run(state, [as.chair, { type: 'give-floor', participantId: 'full-a', muteOthers: false }]);
    assert.deepEqual(microphoneRule(given, 'full-b'), { forceMute: false, mayUnmute: true });
  });

  it('mutes everyone but the speaker and the chair when the floor is given with "mute others"', () => {
    const given = run(opened(), [as.chair, { type: 'give-floor', participantId: 'full-a', muteOthers: true }]);
    assert.deepEqual(microphoneRule(given, 'full-a'), { forceMute: false, mayUnmute: true });
    assert.deepEqual(microphoneRule(given, 'chair'), { forceMute: false, mayUnmute: true });
    assert.deepEqual(microphoneRule(given, 'full-b'), { forceMute: true, mayUnmute: false });
    const ended = run(given, [as.chair, { type: 'end-floor' }]);
    assert.deepEqual(microphoneRule(ended, 'full-b'), { forceMute: false, mayUnmute: true });
  });

  it('lets the muted unmute themselves when the policy says so', () => {
    const meeting = { ...testMeeting, policy: { selfUnmuteDuringFloor: true } };
    const state = run(
      created(meeting),
      [as.chair, { type: 'join' }],
      [as.member('full-a'), { type: 'join' }],
      [as.chair, { type: 'open-meeting' }],
      [as.chair, { type: 'give-floor', participantId: 'full-a', muteOthers: true }],
    );
    assert.deepEqual(microphoneRule(state, 'full-b'), { forceMute: true, mayUnmute: true });
  });
});
