/**
 * The whole meeting (whole-meeting.ts) with `media="none"`: the procedure
 * alone, as when a portal has its own video or the media layer fails. The
 * mesh and Janus runs are in test/media/whole-meeting.test.ts (WebRTC only
 * inside a loopback-only network namespace).
 *
 * Run: node --import tsx --test test/e2e/whole-meeting.test.ts
 */
import { describeWholeMeeting } from './whole-meeting.js';

describeWholeMeeting({ media: 'none' });
