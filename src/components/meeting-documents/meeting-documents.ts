import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { canPerform, documentsOnTime, type DocumentsVerdict, type MeetingDocument, type MeetingState } from '../../core/index.js';
import { StoreElement } from '../shared/store-element.js';
import { baseStyles } from '../shared/styles.js';
import { openableUrl, sandboxFor, type OpenableUrl } from './document-url.js';
import { DocumentsChangedEvent, DocumentsRequestEvent, type DocumentsCommand } from './meeting-documents.events.js';
import { meetingDocumentsStyles } from './meeting-documents.styles.js';
import { STRINGS } from './meeting-documents.strings.js';
import { vietnamTime } from './vietnam-time.js';

type Key = keyof (typeof STRINGS)['vi'];
/** The form field the core's last refusal was about. */
type Field = 'title' | 'url';

/** A fresh document id: unique enough within one meeting, and within the protocol's 64 characters. */
function newDocumentId(): string {
  return `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The core's verdict on when the documents were posted, or undefined when
 * there is none to give: no documents yet, or a date in the definition that
 * does not parse (the documents are still listed, without badges).
 */
function verdictOf(meeting: MeetingState): DocumentsVerdict | undefined {
  if (meeting.documents.length === 0) return undefined;
  try {
    return documentsOnTime(meeting.documents, meeting.scheduledAt, meeting.policy);
  } catch {
    return undefined;
  }
}

/**
 * The meeting's documents, which members read before the meeting: each with
 * when it was posted (Vietnam time) and whether that was on time, and the
 * core's verdict on the rule that documents reach members at least
 * `policy.documentsDaysBefore` day(s) before the meeting (Hướng dẫn
 * 42-HD/BTCTW). "Xem" opens a document in place, in a sandboxed frame that
 * sends no referrer, with a plain link to open it in a new tab for the many
 * sites that refuse to be framed; a PDF, which no browser shows in a sandboxed
 * frame, gets only the new-tab link. Only `https://` addresses
 * and paths on the portal are ever linked or framed. The chair and the
 * minute-taker post documents (title and address); a newly posted document is
 * announced in a `role="status"` region.
 *
 * @tagname meeting-documents
 * @summary The meeting's documents, with whether each was posted on time.
 * @event party-documents-request - Before a document is posted (`detail.command`); cancelable.
 * @event party-documents-changed - After the server recorded it (`detail.command`, `detail.seq`).
 * @event party-command-rejected - When the server refused it.
 * @csspart title - The heading.
 * @csspart verdict - The sentence saying whether the documents were posted on time.
 * @csspart list - The list of documents.
 * @csspart badge - The on-time / late badge of each document.
 * @csspart view-button - The "Xem" button that opens or closes a document in place.
 * @csspart viewer - The open document: the new-tab link and the frame.
 * @csspart frame - The `<iframe>` showing a document.
 * @csspart new-tab - The link that opens a document in a new tab.
 * @csspart form - The chair's and minute-taker's form to post a document.
 * @cssproperty --party-accent - Accent colour of the primary button.
 * @cssproperty --party-ok - Colour of the on-time badge and verdict.
 * @cssproperty --party-danger - Colour of the late badge and verdict.
 * @cssproperty --party-surface - Background of boxes and buttons.
 * @cssproperty --party-border - Border colour.
 */
export class MeetingDocuments extends StoreElement {
  static override styles = [baseStyles, meetingDocumentsStyles];

  /** The document whose viewer is open: one at a time, so a phone shows one frame. */
  @state() private openId?: string;
  /** The field the core refused, marked invalid and focused. */
  @state() private invalid?: Field;

  private verdict?: DocumentsVerdict;
  /** The text of the status region: the last documents that appeared. */
  private announcement = '';
  /** Ids seen at the last update; undefined before the first, which announces nothing. */
  private seen?: ReadonlySet<string>;
  /** The id of the document this viewer is posting, announced as "posted" rather than "new". */
  private postingId?: string;

  private s(key: Key, params?: Record<string, string | number>): string {
    return this.local(STRINGS, key, params);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const meeting = this.snapshot?.meeting;
    if (!meeting) return;
    this.verdict = verdictOf(meeting);
    const fresh = this.seen ? meeting.documents.filter((d) => !this.seen!.has(d.id)) : [];
    if (fresh.length > 0) {
      this.announcement = fresh
        .map((d) => this.s(d.id === this.postingId ? 'announce.posted' : 'announce.new', { title: d.title, status: this.badgeText(d).toLocaleLowerCase(this.language) }))
        .join(' ');
    }
    this.seen = new Set(meeting.documents.map((d) => d.id));
  }

  protected override render() {
    const meeting = this.snapshot?.meeting;
    if (!meeting) return html`<p>${this.t('room.loading')}</p>`;
    const verdict = this.verdict;
    const deadline = verdict ? vietnamTime(verdict.deadline) : undefined;
    return html`
      <section aria-labelledby="documents-title">
        <h2 id="documents-title" part="title">${this.s('title')}</h2>
        <div role="status" class="visually-hidden" data-announcement>${this.announcement}</div>
        ${meeting.documents.length === 0
          ? html`<p class="empty" data-empty>${this.s('empty')}</p>`
          : html`
              ${verdict
                ? html`<p class="verdict ${verdict.onTime ? 'on-time' : 'late'}" part="verdict" data-verdict=${verdict.reason.code}>
                    ${verdict.reason[this.language]}
                  </p>`
                : nothing}
              ${deadline ? html`<p class="deadline" data-deadline>${this.s('deadline', deadline)}</p>` : nothing}
              <ul part="list">
                ${meeting.documents.map((d, index) => this.renderDocument(d, index))}
              </ul>
            `}
        ${this.mayPost(meeting) ? this.renderForm() : nothing}
      </section>
    `;
  }

  private badgeText(document: MeetingDocument): string {
    if (!this.verdict) return '';
    return this.s(this.isLate(document) ? 'badge.late' : 'badge.on-time');
  }

  private isLate(document: MeetingDocument): boolean {
    return this.verdict?.late.some((d) => d.id === document.id) ?? false;
  }

  private renderDocument(document: MeetingDocument, index: number) {
    const when = vietnamTime(document.postedAt);
    const url = openableUrl(document.url);
    const open = url !== undefined && !url.pdf && this.openId === document.id;
    const viewerId = `viewer-${index}`;
    const late = this.isLate(document);
    return html`<li data-document-id=${document.id}>
      <div class="head">
        <span class="name">${document.title}</span>
        ${this.verdict
          ? html`<span class="badge ${late ? 'late' : 'on-time'}" part="badge" data-badge=${late ? 'late' : 'on-time'}>${this.badgeText(document)}</span>`
          : nothing}
      </div>
      <p class="posted"><time datetime=${document.postedAt}>${when ? this.s('posted', when) : document.postedAt}</time></p>
      ${this.renderOpener(document, url, open, viewerId)}
      ${open && url ? this.renderViewer(document, url, viewerId) : nothing}
    </li>`;
  }

  /** How a document is opened: the viewer's toggle, a new-tab link for a PDF, or why it cannot be opened here. */
  private renderOpener(document: MeetingDocument, url: OpenableUrl | undefined, open: boolean, viewerId: string) {
    if (!url) return html`<p class="hint" data-url-note=${document.url ? 'unsafe' : 'none'}>${this.s(document.url ? 'unsafe-url' : 'no-url')}</p>`;
    if (url.pdf) {
      return html`<div class="actions">
        <a class="new-tab" part="new-tab" href=${url.href} target="_blank" rel="noopener noreferrer" data-new-tab
          >${this.s('open-pdf')}<span class="visually-hidden">: ${document.title}</span></a
        >
      </div>`;
    }
    return html`<div class="actions">
      <button
        type="button"
        part="view-button"
        data-action="view"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${ifDefined(open ? viewerId : undefined)}
        @click=${() => this.handleViewClick(document)}
      >
        ${this.s(open ? 'hide' : 'view')}<span class="visually-hidden"> ${this.s('view.which', { title: document.title })}</span>
      </button>
    </div>`;
  }

  /** The open document; the link comes first, since a frame that a site refuses stays blank. */
  private renderViewer(document: MeetingDocument, url: OpenableUrl, id: string) {
    const label = this.s('viewer.frame', { title: document.title });
    return html`<div class="viewer" id=${id} part="viewer" role="region" aria-label=${label}>
      <p class="hint">${this.s('viewer.hint')}</p>
      <a class="new-tab" part="new-tab" href=${url.href} target="_blank" rel="noopener noreferrer" data-new-tab>${this.s('viewer.new-tab')}</a>
      <iframe part="frame" src=${url.href} title=${label} sandbox=${sandboxFor(url)} referrerpolicy="no-referrer"></iframe>
    </div>`;
  }

  /** Whether the core would accept a document from the viewer now (the chair or the minute-taker, before the meeting closes). */
  private mayPost(meeting: MeetingState): boolean {
    const you = this.snapshot?.you;
    if (!you) return false;
    const sample: DocumentsCommand = { type: 'post-document', document: { id: newDocumentId(), title: '-' } };
    return canPerform(meeting, { participantId: you.participantId, role: you.role }, sample);
  }

  private renderForm() {
    const describedBy = (field: Field, hint?: string) => [hint, this.invalid === field ? 'post-error' : undefined].filter(Boolean).join(' ') || undefined;
    // novalidate: the core's own refusal is shown, in the element's language, not the browser's.
    return html`<form part="form" novalidate aria-labelledby="post-title" @submit=${this.handleSubmit}>
      <h3 id="post-title">${this.s('form.title')}</h3>
      <div class="field">
        <label for="doc-title">${this.s('form.doc-title')}</label>
        <input
          id="doc-title"
          name="title"
          maxlength="300"
          autocomplete="off"
          placeholder=${this.s('form.doc-title-hint')}
          aria-invalid=${this.invalid === 'title' ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy('title'))}
        />
      </div>
      <div class="field">
        <label for="doc-url">${this.s('form.url')}</label>
        <p class="hint" id="doc-url-hint">${this.s('form.url-hint')}</p>
        <input
          id="doc-url"
          name="url"
          maxlength="2000"
          inputmode="url"
          autocomplete="url"
          autocapitalize="off"
          spellcheck="false"
          aria-invalid=${this.invalid === 'url' ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy('url', 'doc-url-hint'))}
        />
      </div>
      <p role="alert" id="post-error" data-error>${this.error}</p>
      <div class="controls">
        <button type="submit" class="primary" data-action="post">${this.s('form.submit')}</button>
      </div>
    </form>`;
  }

  private handleViewClick(document: MeetingDocument): void {
    this.openId = this.openId === document.id ? undefined : document.id;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    // A pasted address often carries spaces around it; the title is trimmed by the core.
    const url = String(data.get('url') ?? '').trim();
    const command: DocumentsCommand = {
      type: 'post-document',
      document: { id: newDocumentId(), title: String(data.get('title') ?? ''), ...(url ? { url } : {}) },
    };
    if (!this.activeStore || !this.dispatchEvent(new DocumentsRequestEvent({ command }))) return;
    this.invalid = undefined;
    this.postingId = command.document.id;
    const seq = await this.sendCommand(command, (code) => this.describeRefusal(code, command));
    if (seq === undefined) {
      await this.updateComplete;
      if (this.invalid) this.renderRoot.querySelector<HTMLInputElement>(`#doc-${this.invalid}`)?.focus();
      return;
    }
    form.reset();
    this.dispatchEvent(new DocumentsChangedEvent({ command, seq }));
  }

  /**
   * The core refuses a bad title and a bad address with the same code; which
   * one it was is asked of the core again, without the address.
   */
  private describeRefusal(code: string, command: DocumentsCommand): string | undefined {
    const meeting = this.snapshot?.meeting;
    const you = this.snapshot?.you;
    if (code !== 'invalid-value' || !meeting || !you) return undefined;
    const { url: _url, ...withoutUrl } = command.document;
    const titleOk = canPerform(meeting, { participantId: you.participantId, role: you.role }, { ...command, document: withoutUrl });
    this.invalid = command.document.url !== undefined && titleOk ? 'url' : 'title';
    return this.s(this.invalid === 'url' ? 'error.url' : 'error.title');
  }
}
