import type { Choice, ClientCommand } from '../../core/index.js';

/** A command of motions and votes, as the panel sends it. */
export type VoteCommand = Extract<
  ClientCommand,
  { type: 'create-motion' | 'open-vote' | 'cast-ballot' | 'record-hand-vote' | 'record-paper-tally' | 'approve-paper-tally' | 'close-vote' }
>;

/** A motion as the chair's form drafts it. */
export type MotionDraft = Extract<VoteCommand, { type: 'create-motion' }>['motion'];

/**
 * A vote command as events show it to the host page: exactly the command sent,
 * except that a secret ballot's `cast-ballot` carries no `choice`, so that no
 * listener on the page ever learns how a member voted in secret.
 */
export type VoteCommandDetail =
  | Exclude<VoteCommand, { readonly type: 'cast-ballot' }>
  | { readonly type: 'cast-ballot'; readonly motionId: string; readonly choice?: Choice };

/** Fired before a vote command is sent; cancel it with `preventDefault()` to stop the command. */
export class VoteRequestEvent extends Event {
  static readonly type = 'party-vote-request';
  constructor(readonly detail: { readonly command: VoteCommandDetail }) {
    super(VoteRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the server has recorded any vote command sent by this panel. */
export class VoteRecordedEvent extends Event {
  static readonly type = 'party-vote-recorded';
  constructor(readonly detail: { readonly command: VoteCommandDetail; readonly seq: number }) {
    super(VoteRecordedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when the server has recorded this member's own ballot; never carries the choice. */
export class VoteCastEvent extends Event {
  static readonly type = 'party-vote-cast';
  constructor(readonly detail: { readonly motionId: string; readonly seq: number }) {
    super(VoteCastEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when a vote closes (whoever closed it), with whether the motion passed. */
export class VoteClosedEvent extends Event {
  static readonly type = 'party-vote-closed';
  constructor(readonly detail: { readonly motionId: string; readonly passed: boolean }) {
    super(VoteClosedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'party-vote-request': VoteRequestEvent;
    'party-vote-recorded': VoteRecordedEvent;
    'party-vote-cast': VoteCastEvent;
    'party-vote-closed': VoteClosedEvent;
  }
}
