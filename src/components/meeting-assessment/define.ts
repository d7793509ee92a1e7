import { MeetingAssessment } from './meeting-assessment.js';

MeetingAssessment.define('meeting-assessment');

declare global {
  interface HTMLElementTagNameMap {
    'meeting-assessment': MeetingAssessment;
  }
}
