/** The pure meeting core: domain types, decide / evolve / project, rules with their sources, and the sync protocol. */
export type * from './types.js';
export type * from './state.js';
export type * from './commands.js';
export { decide, MAX_REASON_LENGTH } from './decide/index.js';
export { createdState, depositSealed, evolve, replay, withBallotBox } from './evolve.js';
export { project, projectEvent } from './project.js';
export { findParticipant, invitationRole, type ParticipantInfo } from './participants.js';
export { meetingRoles, operatedBridgePoints, seatOf } from './roles.js';
export { agendaTemplate } from './agenda/templates.js';
export { attendanceCounts, isMarkedPresent, type Absentee, type AttendanceCounts } from './rules/attendance.js';
export { AUTHORIZATION, mayPerform } from './rules/authorization.js';
export { denominator, eligibleVoters, requiredVotes, tallyOf, voteEligibility, voteResult } from './rules/voting.js';
export { DEFAULT_POLICY, resolvePolicy, type ContentTag, type MeetingPolicy } from './policy/policy.js';
export { minutesOf, speakingSeconds, vietnameseDate, type MinutesItem, type MinutesModel } from './minutes.js';
export { REJECTION_TEXT, rejectionText, type Localized } from './messages.js';
export * from './protocol.js';
