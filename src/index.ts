/** The party-meeting SDK: elements (not registered; import `./define` for that), client and core. */
export { PartyMeetingRoom, webSocketUrl } from './components/party-meeting-room/party-meeting-room.js';
export { AttendanceRoll } from './components/attendance-roll/attendance-roll.js';
export { AgendaRunner } from './components/agenda-runner/agenda-runner.js';
export * from './components/agenda-runner/agenda-runner.events.js';
export { SpeakerQueue } from './components/speaker-queue/speaker-queue.js';
export * from './components/speaker-queue/speaker-queue.events.js';
export { VotePanel } from './components/vote-panel/vote-panel.js';
export * from './components/vote-panel/vote-panel.events.js';
export { LobbyGate } from './components/lobby-gate/lobby-gate.js';
export * from './components/lobby-gate/lobby-gate.events.js';
export { MeetingMinutes } from './components/meeting-minutes/meeting-minutes.js';
export * from './components/meeting-minutes/meeting-minutes.events.js';
export * from './components/shared/events.js';
export { meetingStoreContext } from './components/shared/context.js';
export { StoreController } from './components/shared/store-controller.js';
export * from './client/index.js';
export * from './core/index.js';
