import '../agenda-runner/define.js';
import '../attendance-roll/define.js';
import '../lobby-gate/define.js';
import '../meeting-documents/define.js';
import '../meeting-minutes/define.js';
import '../speaker-queue/define.js';
import '../vote-panel/define.js';
import { PartyMeetingRoom } from './party-meeting-room.js';

PartyMeetingRoom.define('party-meeting-room');

declare global {
  interface HTMLElementTagNameMap {
    'party-meeting-room': PartyMeetingRoom;
  }
}
