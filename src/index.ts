/** The party-meeting SDK: elements (not registered; import `./define` for that), client and core. */
export { PartyMeetingRoom, webSocketUrl } from './components/party-meeting-room/party-meeting-room.js';
export { AttendanceRoll } from './components/attendance-roll/attendance-roll.js';
export * from './components/shared/events.js';
export { meetingStoreContext } from './components/shared/context.js';
export { StoreController } from './components/shared/store-controller.js';
export * from './client/index.js';
export * from './core/index.js';
