import { VotePanel } from './vote-panel.js';

VotePanel.define('vote-panel');

declare global {
  interface HTMLElementTagNameMap {
    'vote-panel': VotePanel;
  }
}
