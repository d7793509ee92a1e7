/** The pure meeting core: domain types, decide / evolve / project, rules and the sync protocol. */
export type * from './types.js';
export type * from './commands.js';
export { decide, MAX_REASON_LENGTH } from './decide.js';
export { evolve, replay } from './evolve.js';
export { project, projectEvent } from './project.js';
export { findParticipant, type ParticipantInfo } from './participants.js';
export { attendanceCounts, type AttendanceCounts } from './rules/attendance.js';
export { AUTHORIZATION, mayPerform } from './rules/authorization.js';
export * from './protocol.js';
