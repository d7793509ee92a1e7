import { PilotReportElement } from './pilot-report.js';

PilotReportElement.define('pilot-report');

declare global {
  interface HTMLElementTagNameMap {
    'pilot-report': PilotReportElement;
  }
}
