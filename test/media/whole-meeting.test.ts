/**
 * The whole meeting (test/e2e/whole-meeting.ts) with video and sound: the
 * built-in mesh (the default) and a real Janus as the second configuration
 * (issue 6). Every person checks camera and microphone, joins, sees and hears
 * the three others, and the floor with "mute others" locks the others'
 * microphones, while the procedure runs exactly as without media. Inside the
 * test's loopback-only network namespace (scripts/run-tests.mjs); skipped with
 * the reason elsewhere.
 *
 * Run: unshare -n sh -c 'ip link set lo up && exec node --import tsx --test test/media/whole-meeting.test.ts'
 */
import { describeWholeMeeting } from '../e2e/whole-meeting.js';
import { LOW_VIDEO, mediaAdapters } from './adapters.js';
import { JanusServer } from './janus-server.js';
import { adapterSkipReason, MEDIA_ARGS } from './testbed.js';

const adapter = (name: string) => mediaAdapters.find((a) => a.name === name)!;
// Four people send video to three others each: low resolution on 2 cores (TOOLCHAIN.md), as a portal for phones would set it.
const mediaOptions = { video: LOW_VIDEO };

describeWholeMeeting({ media: 'mesh', skip: adapterSkipReason(adapter('mesh')), browserArgs: MEDIA_ARGS, mediaOptions });

describeWholeMeeting({
  media: 'janus',
  skip: adapterSkipReason(adapter('janus')),
  browserArgs: MEDIA_ARGS,
  mediaOptions,
  // A real Janus with the project's configuration, in the test's network namespace.
  startMediaServer: () => JanusServer.start(),
});
