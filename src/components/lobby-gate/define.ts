import { LobbyGate } from './lobby-gate.js';

LobbyGate.define('lobby-gate');

declare global {
  interface HTMLElementTagNameMap {
    'lobby-gate': LobbyGate;
  }
}
