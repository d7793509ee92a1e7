import { AttendanceRoll } from './attendance-roll.js';

AttendanceRoll.define('attendance-roll');

declare global {
  interface HTMLElementTagNameMap {
    'attendance-roll': AttendanceRoll;
  }
}
