import '../attendance-roll/define.js';
import { PartyMeetingRoom } from './party-meeting-room.js';

PartyMeetingRoom.define('party-meeting-room');

declare global {
  interface HTMLElementTagNameMap {
    'party-meeting-room': PartyMeetingRoom;
  }
}
