import { MeetingMinutes } from './meeting-minutes.js';

MeetingMinutes.define('meeting-minutes');

declare global {
  interface HTMLElementTagNameMap {
    'meeting-minutes': MeetingMinutes;
  }
}
