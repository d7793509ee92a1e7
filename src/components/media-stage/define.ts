import { MediaStage } from './media-stage.js';

MediaStage.define('media-stage');

declare global {
  interface HTMLElementTagNameMap {
    'media-stage': MediaStage;
  }
}
