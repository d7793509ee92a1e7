import { PartyMeetingRoom } from './party-meeting-room.js';

PartyMeetingRoom.define('party-meeting-room');

/**
 * The elements of the default layout arrive as chunks of their own, fetched
 * together right after the room: a member on a weak phone connection sees the
 * meeting's name, phase and connection state first, and each part of the
 * meeting appears as its code arrives (a custom element upgrades when it is
 * defined; nothing waits for it). Where a page imports `define` (every element
 * at once), these modules are there already and nothing more is fetched.
 */
const parts = [
  import('../lobby-gate/define.js'),
  import('../attendance-roll/define.js'),
  import('../speaker-queue/define.js'),
  import('../vote-panel/define.js'),
  import('../agenda-runner/define.js'),
  import('../meeting-documents/define.js'),
  import('../meeting-minutes/define.js'),
];
void Promise.allSettled(parts).then((settled) => {
  const failed = settled.filter((s) => s.status === 'rejected').length;
  if (failed > 0) console.error(`party-meeting: ${failed} part(s) of the meeting could not be loaded; reload the page.`);
});

declare global {
  interface HTMLElementTagNameMap {
    'party-meeting-room': PartyMeetingRoom;
  }
}
