/** The browser side of the sync protocol, and the store elements read. */
export { MeetingClient, type MeetingClientOptions, type WebSocketLike } from './meeting-client.js';
export { LocalMeetingStore } from './local-store.js';
export { CommandRejectedError, type ClientSnapshot, type ConnectionStatus, type MeetingStore, type Self } from './store.js';
export type * from './api-types.js';
export {
  PartyApiClient,
  type ApiClientOptions,
  type AssessmentRequest,
  type AssignDelegatesRequest,
  type DelegateAssignment,
  type MeetingListQuery,
  type MinutesResponse,
  type ScheduleMeetingRequest,
} from './api-client.js';
export { ApiRequestError, type ApiFailureCode } from './api-errors.js';
