import { AgendaRunner } from './agenda-runner.js';

AgendaRunner.define('agenda-runner');

declare global {
  interface HTMLElementTagNameMap {
    'agenda-runner': AgendaRunner;
  }
}
