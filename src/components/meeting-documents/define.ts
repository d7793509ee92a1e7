import { MeetingDocuments } from './meeting-documents.js';

MeetingDocuments.define('meeting-documents');

declare global {
  interface HTMLElementTagNameMap {
    'meeting-documents': MeetingDocuments;
  }
}
