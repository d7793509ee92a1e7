/** The browser side of the sync protocol, and the store elements read. */
export { MeetingClient, type MeetingClientOptions, type WebSocketLike } from './meeting-client.js';
export { LocalMeetingStore } from './local-store.js';
export { CommandRejectedError, type ClientSnapshot, type ConnectionStatus, type MeetingStore, type Self } from './store.js';
export type * from './api-types.js';
