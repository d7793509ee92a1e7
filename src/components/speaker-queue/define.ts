import { SpeakerQueue } from './speaker-queue.js';

SpeakerQueue.define('speaker-queue');

declare global {
  interface HTMLElementTagNameMap {
    'speaker-queue': SpeakerQueue;
  }
}
