/** Events every console element (the upper level's: schedule, assessment, report) fires about the REST API. */

/** Fired when a request to the REST API failed: the element shows the reason; a host page may sign the user in again on 401. */
export class ApiFailedEvent extends Event {
  static readonly type = 'party-api-error';
  constructor(
    readonly detail: {
      /** HTTP status; 0 when the server could not be reached. */
      readonly status: number;
      /** The API's stable code (`token-expired`, `forbidden`, …) or `network`. */
      readonly code: string;
      readonly message: string;
    },
  ) {
    super(ApiFailedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'party-api-error': ApiFailedEvent;
  }
}
