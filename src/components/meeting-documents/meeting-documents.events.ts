import type { CommandOf } from '../../core/index.js';

/** A command of the meeting's documents. */
export type DocumentsCommand = CommandOf<'post-document'>;

/** Fired before a document is posted; cancel it with `preventDefault()` to stop the command. */
export class DocumentsRequestEvent extends Event {
  static readonly type = 'party-documents-request';
  constructor(readonly detail: { readonly command: DocumentsCommand }) {
    super(DocumentsRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the server has recorded a posted document. */
export class DocumentsChangedEvent extends Event {
  static readonly type = 'party-documents-changed';
  constructor(readonly detail: { readonly command: DocumentsCommand; readonly seq: number }) {
    super(DocumentsChangedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'party-documents-request': DocumentsRequestEvent;
    'party-documents-changed': DocumentsChangedEvent;
  }
}
