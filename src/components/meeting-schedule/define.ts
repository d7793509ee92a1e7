import { MeetingSchedule } from './meeting-schedule.js';

MeetingSchedule.define('meeting-schedule');

declare global {
  interface HTMLElementTagNameMap {
    'meeting-schedule': MeetingSchedule;
  }
}
