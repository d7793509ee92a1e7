import { provide } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { admissionOf, findParticipant, type MediaAdapter, type Role } from '../../core/index.js';
import { CommandRejectedError, MeetingClient, type ClientSnapshot, type MeetingStore } from '../../client/index.js';
import { mediaContext, meetingStoreContext } from '../shared/context.js';
import { CommandRejectedEvent, PhaseRequestEvent } from '../shared/events.js';
import { rejectionMessage, type MessageKey } from '../shared/i18n.js';
import { PartyElement } from '../shared/party-element.js';
import { StoreController } from '../shared/store-controller.js';
import { baseStyles } from '../shared/styles.js';
import { partyMeetingRoomStyles } from './party-meeting-room.styles.js';
import { RoomMedia, type UnavailableReason } from './room-media.js';
import { MEDIA_STRINGS } from './room-media.strings.js';

/** The WebSocket address of a meeting server given as `wss://…/ws`, `https://host`, or nothing (this page's origin). */
export function webSocketUrl(server: string | null | undefined, page: Location): string {
  const url = new URL(server || '/ws', page.href);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/ws';
  return url.href;
}

/**
 * The meeting server's address for a request to `path` (`/media/livekit-token`): the
 * `server` attribute's host and folder (`wss://host/meet/ws` → `https://host/meet/…`), or this page's origin.
 */
export function serverHttpUrl(server: string | null | undefined, path: string, page: Location): string {
  const url = new URL(server || '/', page.href);
  if (url.protocol === 'ws:') url.protocol = 'http:';
  if (url.protocol === 'wss:') url.protocol = 'https:';
  const folder = url.pathname.replace(/\/ws\/?$/, '/').replace(/[^/]*$/, '');
  return new URL(path.replace(/^\/+/, ''), new URL(folder, url)).href;
}

/**
 * The root of a meeting on a page: connects to the meeting server with the
 * invite's token, shows the meeting's name, phase, connection state and who is
 * online, gives the chair the open and close controls, and provides the
 * meeting store to the elements inside it. With no children it lays out a
 * complete default meeting.
 *
 * Video and sound: with `media` (`mesh` by default, `janus`, `livekit`, or
 * `none`), a member first checks camera and microphone in `<device-check>`,
 * then sees `<media-stage>` at the top of the meeting. The room loads the
 * media layer only then (a chunk of its own), tells it who is online and what
 * the floor means for the member's microphone, and disconnects it when the
 * room leaves the page. A page with its own layout places `<device-check>`
 * and `<media-stage>` itself: the room joins when the member presses "Vào họp"
 * and provides the adapter to `<media-stage>`. The meeting's procedure never
 * depends on media: it goes on when media fails, is `none`, or the store is
 * one without signalling (a `LocalMeetingStore`).
 *
 * Arriving from an invite link (`invite`) at the top of a page, the member is
 * brought once to the camera check, so that "Vào họp" is on the first screen
 * of a phone even below a portal's article header; a page the member has
 * already scrolled is left where it is.
 *
 * @tagname party-meeting-room
 * @summary An online party-cell meeting, embedded in any page.
 * @slot - The meeting's elements; a default layout when empty.
 * @event party-phase-request - Before the chair opens or closes the meeting; cancelable.
 * @event party-command-rejected - When the server refused the chair's command.
 * @csspart base - The meeting's frame.
 * @csspart header - Title, phase and connection state.
 * @cssproperty --party-accent - Accent colour (the top border and primary buttons).
 */
export class PartyMeetingRoom extends PartyElement {
  static override styles = [baseStyles, partyMeetingRoomStyles];

  /** The meeting server: `wss://host/ws`, `https://host`, or empty for this page's origin. */
  @property() server = '';
  /** The join token; see also `invite`. */
  @property() token = '';
  /** Read the token from the page address's `?invite=` parameter. */
  @property({ type: Boolean }) invite = false;
  /** The expected meeting id; a token for another meeting is reported. */
  @property() meeting = '';
  /** A store to use instead of connecting (previews, tests). */
  @property({ attribute: false }) store?: MeetingStore;
  /** The media layer: `mesh` (default, no media server), `janus`, `livekit`, or `none` for the procedure alone. */
  @property() media = 'mesh';
  /** The media server's address for `janus` (its WebSocket API) and `livekit`. */
  @property({ attribute: 'media-url' }) mediaUrl = '';
  /** More options for the media layer's factory, e.g. `{ iceServers }` (STUN/TURN) for the mesh across the internet. */
  @property({ attribute: false }) mediaOptions?: Readonly<Record<string, unknown>>;
  /** An adapter of the page's own (or a preview's); it takes the place of `media`. */
  @property({ attribute: false }) mediaAdapter?: MediaAdapter<MediaStreamTrack>;

  @provide({ context: meetingStoreContext })
  @state()
  private provided?: MeetingStore;

  /** The media adapter the elements inside receive, once the member joined the video and sound. */
  @provide({ context: mediaContext })
  @state()
  protected providedMedia?: MediaAdapter<MediaStreamTrack>;

  @state() private error = '';
  /** The chair asked to close and is being asked to confirm: closing ends the roll for good. */
  @state() private confirmingClose = false;
  private client?: MeetingClient;
  private ticker?: ReturnType<typeof setInterval>;
  private readonly snapshot = new StoreController<ClientSnapshot>(this, (s) => s);
  private readonly roomMedia = new RoomMedia(this);
  /** Whether the member arriving from an invite link was brought to the camera check (once). */
  private broughtToCheck = false;
  /** The media step of the last render, to notice the stage replacing the check. */
  private shownStep?: string;

  /** Asks the meeting server for a media-server token (LiveKit's) with the member's join token. */
  private readonly fetchMediaToken = async (path: string): Promise<string> => {
    const token = this.effectiveToken;
    if (!token) throw new Error('no join token to ask for a media token with');
    const response = await fetch(serverHttpUrl(this.server, path, location), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`the meeting server answered ${response.status}: ${await response.text()}`);
    const answer = (await response.json()) as { token?: unknown };
    if (typeof answer.token !== 'string') throw new Error('the meeting server answered no token');
    return answer.token;
  };

  /** The token this element connects with. */
  private get effectiveToken(): string {
    if (this.token) return this.token;
    return this.invite ? (new URLSearchParams(location.search).get('invite') ?? '') : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('fullscreenchange', this.handleFullscreenChange);
    // Moved back into a page: connect again (willUpdate makes the client).
    if (!this.provided) this.requestUpdate();
    this.ticker = setInterval(() => {
      if (this.snapshot.value?.status === 'reconnecting') this.requestUpdate();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('fullscreenchange', this.handleFullscreenChange);
    clearInterval(this.ticker);
    this.client?.close();
    this.client = undefined;
    this.provided = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const connectionChanged = changed.has('server') || changed.has('token') || changed.has('invite') || changed.has('store');
    if (connectionChanged || (!this.provided && this.isConnected)) {
      this.client?.close();
      this.client = undefined;
      const token = this.effectiveToken;
      if (!this.store && token) this.client = new MeetingClient({ url: webSocketUrl(this.server, location), token });
      this.provided = this.store ?? this.client;
    }
    this.snapshot.setStore(this.provided);
    this.syncMedia();
  }

  /** Starts, follows or stops the meeting's video and sound with the meeting's state. */
  private syncMedia(): void {
    const snapshot = this.snapshot.value;
    const meeting = snapshot?.meeting;
    const you = snapshot?.you;
    const admission = meeting && you ? admissionOf(meeting, you.participantId, you.role === 'chair') : 'not-needed';
    const config = { name: this.media.trim().toLowerCase() || 'mesh', url: this.mediaUrl, options: this.mediaOptions, adapter: this.mediaAdapter, mediaToken: this.fetchMediaToken };
    this.roomMedia.sync(config, this.provided, snapshot, admission !== 'waiting' && admission !== 'refused');
    if (this.roomMedia.step !== 'off') {
      // The device check and the stage come as chunks of their own, and only for a meeting with media.
      void import('../device-check/define.js');
      void import('../media-stage/define.js');
    }
    this.providedMedia = this.roomMedia.step === 'joined' ? this.roomMedia.adapter : undefined;
  }

  protected override updated(): void {
    const step = this.roomMedia.step;
    if (step === 'joined' && this.shownStep !== 'joined') void this.showStage();
    this.shownStep = step;
    if (this.broughtToCheck || !this.invite || step !== 'check') return;
    this.broughtToCheck = true;
    void this.bringToCheck();
  }

  /**
   * The stage has just replaced the camera check the member pressed "Vào họp"
   * in, which was taller: when its top is now above the screen, bring it into
   * view, so the member sees the others rather than the middle of the page.
   * The button pressed is gone: a keyboard or screen-reader user's focus goes
   * to the stage's microphone switch, the next thing they may want.
   */
  private async showStage(): Promise<void> {
    // Once the stage (a chunk of its own) has drawn itself: the page's height changes until then.
    await customElements.whenDefined('media-stage');
    const stage = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('media-stage');
    await stage?.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const media = this.renderRoot.querySelector('[data-media-step="joined"]');
    if (media && media.getBoundingClientRect().top < 0) media.scrollIntoView({ block: 'start' });
    if (document.activeElement === document.body) stage?.shadowRoot?.querySelector<HTMLElement>('[data-control="microphone"]')?.focus({ preventScroll: true });
  }

  /**
   * Scrolls the camera check to the top of the screen once it shows its
   * first button (by then the page above it has settled: the header's
   * connection state, the waiting hint), unless the member has scrolled: the
   * invite link's first screen is the camera check, not the portal's header.
   */
  private async bringToCheck(): Promise<void> {
    const check = this.renderRoot.querySelector('device-check');
    const ready = () => !!check?.shadowRoot?.querySelector('button[data-action]');
    for (let waited = 0; !ready() && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    if (!check?.isConnected || window.scrollY > 0) return;
    this.renderRoot.querySelector('[data-media-step]')?.scrollIntoView({ block: 'start' });
  }

  protected override render() {
    if (!this.provided) return html`<article part="base"><p class="notice">${this.t('room.no-invite')}</p></article>`;
    const snapshot = this.snapshot.value!;
    const meeting = snapshot.meeting;
    if (snapshot.status === 'failed') {
      const failure = snapshot.failure;
      return html`<article part="base">
        <p class="notice" role="alert">${this.t('status.failed')}. ${failure ? rejectionMessage(this.language, failure.code, failure.message) : ''}</p>
      </article>`;
    }
    if (!meeting) return html`<article part="base">${this.renderStatus(snapshot)}<p>${this.t('room.loading')}</p></article>`;
    const mismatch = this.meeting && this.meeting !== meeting.id;
    return html`
      <article part="base" aria-labelledby="meeting-title">
        <header part="header">
          <p class="cell">${meeting.cell.name}${meeting.cell.parentName ? ` · ${meeting.cell.parentName}` : ''}</p>
          <h2 id="meeting-title">${meeting.title}</h2>
          <p class="meta">
            <span class="chip phase-${meeting.phase}" data-meeting-phase=${meeting.phase}>${this.t(`phase.${meeting.phase}`)}</span>
            ${this.renderStatus(snapshot)}
          </p>
          ${this.renderFullscreenToggle()}
          ${snapshot.you
            ? html`<p class="you">${this.t('room.you', { name: snapshot.you.name, role: this.t(`role.${snapshot.you.role}`) })}</p>`
            : nothing}
        </header>
        ${mismatch ? html`<p class="notice">${rejectionMessage(this.language, 'unknown-meeting', '')}</p>` : nothing}
        ${meeting.phase === 'scheduled'
          ? snapshot.you?.role === 'chair'
            ? this.renderOpenControl()
            : html`<p class="hint" data-hint="waiting">${this.t('room.waiting')}</p>`
          : nothing}
        <p role="alert">${this.error}</p>
        ${this.renderOnline(snapshot)}
        <slot>${this.renderDefaultLayout()}</slot>
        ${snapshot.you?.role === 'chair' && meeting.phase === 'open' ? this.renderCloseControl() : nothing}
      </article>
    `;
  }

  /**
   * The complete meeting when the page gives no children: the speakers first
   * (a member's most frequent action), then votes, the roll, the program and
   * the minutes, with a row of shortcuts to each.
   */
  private renderDefaultLayout() {
    const lang = this.language;
    const snapshot = this.snapshot.value;
    const you = snapshot?.you;
    const admission = snapshot?.meeting && you ? admissionOf(snapshot.meeting, you.participantId, you.role === 'chair') : 'not-needed';
    // Someone waiting in the lobby, or turned away, sees only the gate: the core would refuse everything else.
    if (admission === 'waiting' || admission === 'refused') return html`<lobby-gate lang=${lang}></lobby-gate>`;
    const sections = [
      ['speakers', this.t('room.section-speakers'), html`<speaker-queue lang=${lang}></speaker-queue>`],
      ['votes', this.t('room.section-votes'), html`<vote-panel lang=${lang}></vote-panel>`],
      ['roll', this.t('roll.title'), html`<attendance-roll lang=${lang}></attendance-roll>`],
      ['agenda', this.t('room.section-agenda'), html`<agenda-runner lang=${lang}></agenda-runner>`],
      ['documents', this.t('room.section-documents'), html`<meeting-documents lang=${lang}></meeting-documents>`],
      ['minutes', this.t('room.section-minutes'), html`<meeting-minutes lang=${lang}></meeting-minutes>`],
    ] as const;
    return html`
      ${this.renderMedia()}
      <lobby-gate lang=${lang}></lobby-gate>
      <nav class="shortcuts" part="shortcuts" aria-label=${this.t('room.shortcuts')}>
        ${sections.map(([id, label]) => html`<button type="button" data-goto=${id} @click=${() => this.handleGoto(id)}>${label}</button>`)}
      </nav>
      ${sections.map(([id, , element]) => html`<div class="section" id=${`section-${id}`} data-section=${id} tabindex="-1">${element}</div>`)}
    `;
  }

  /** The meeting's video and sound at the top: the device check first, then the stage; or why there is none. */
  private renderMedia() {
    const lang = this.language;
    const media = this.roomMedia;
    switch (media.step) {
      case 'off':
        return nothing;
      case 'check':
      case 'joining':
        return html`<div class="media" part="media" data-media-step=${media.step}><device-check lang=${lang}></device-check></div>`;
      case 'joined':
        return html`<div class="media" part="media" data-media-step="joined">
          <media-stage lang=${lang} speaker-id=${media.speakerId ?? ''}></media-stage>
        </div>`;
      case 'unavailable': {
        const say = (key: UnavailableReason | 'procedure') => this.local(MEDIA_STRINGS, key, { name: media.unavailable?.name ?? '' });
        return html`<div class="media hint" part="media" data-media-step="unavailable">
          <p data-media-unavailable=${media.unavailable?.reason ?? 'unavailable'}>${say(media.unavailable?.reason ?? 'unavailable')}</p>
          <p>${say('procedure')}</p>
        </div>`;
      }
    }
  }

  private handleGoto(id: string): void {
    const section = this.renderRoot.querySelector<HTMLElement>(`#section-${id}`);
    section?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    // Focus follows, so a keyboard or screen-reader user lands in the part they chose.
    section?.focus({ preventScroll: true });
  }

  /** For a bridge point's projector: the meeting alone, full screen, in larger type. */
  private renderFullscreenToggle() {
    if (!document.fullscreenEnabled) return nothing;
    const on = document.fullscreenElement === this;
    return html`<button type="button" class="fullscreen" data-fullscreen aria-pressed=${on ? 'true' : 'false'} @click=${this.handleFullscreen}>
      ${this.t('room.fullscreen')}
    </button>`;
  }

  private async handleFullscreen(): Promise<void> {
    try {
      if (document.fullscreenElement === this) await document.exitFullscreen();
      else await this.requestFullscreen();
    } catch {
      // The browser refused (no user gesture, or a policy): the page simply stays as it is.
    }
  }

  private readonly handleFullscreenChange = () => this.requestUpdate();

  private renderStatus(snapshot: ClientSnapshot) {
    const seconds = snapshot.retryAt ? Math.max(0, Math.ceil((snapshot.retryAt - Date.now()) / 1000)) : 0;
    return html`
      <span class="chip status-${snapshot.status}" role="status" data-connection=${snapshot.status}>
        ${this.t(`status.${snapshot.status}`, { seconds })}
      </span>
      ${snapshot.pending > 0 && snapshot.status !== 'connected'
        ? html`<span class="chip" data-queued=${snapshot.pending}>${this.t('status.queued', { count: snapshot.pending })}</span>`
        : nothing}
    `;
  }

  private renderOpenControl() {
    return html`<div class="controls">
      <button class="primary" data-action="open-meeting" @click=${() => this.handlePhase('open-meeting')}>${this.t('room.open')}</button>
    </div>`;
  }

  private renderCloseControl() {
    if (!this.confirmingClose) {
      return html`<div class="controls">
        <button data-action="close-meeting" @click=${this.handleCloseClick}>${this.t('room.close')}</button>
      </div>`;
    }
    return html`<div class="controls confirm" role="group" aria-labelledby="confirm-close">
      <p id="confirm-close">${this.t('room.close-confirm')}</p>
      <button class="primary" data-action="confirm-close" @click=${() => this.handlePhase('close-meeting')}>${this.t('room.close-yes')}</button>
      <button data-action="cancel-close" @click=${() => (this.confirmingClose = false)}>${this.t('room.close-no')}</button>
    </div>`;
  }

  private async handleCloseClick(): Promise<void> {
    this.confirmingClose = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button[data-action=cancel-close]')?.focus();
  }

  private renderOnline(snapshot: ClientSnapshot) {
    const meeting = snapshot.meeting!;
    const online = Object.keys(meeting.connected)
      .map((id) => ({ id, info: findParticipant(meeting, id) }))
      .filter((p) => p.info);
    const roleOf = (id: string): Role => {
      const kind = findParticipant(meeting, id)?.kind;
      return id === meeting.chairId ? 'chair' : kind === 'guest' || kind === 'technician' || kind === 'delegate' ? kind : 'member';
    };
    return html`<section class="online" aria-labelledby="online-title">
      <h3 id="online-title">${this.t('room.connected', { count: online.length })}</h3>
      ${online.length === 0
        ? html`<p>${this.t('room.nobody')}</p>`
        : html`<ul data-online>
            ${online.map((p) => {
              const role = roleOf(p.id);
              // A delegate attends from a bridge point (often the upper level's own): say which.
              const point = role === 'delegate' ? meeting.bridgePoints.find((b) => b.id === meeting.seating?.[p.id])?.name : undefined;
              return html`<li data-participant-id=${p.id}>
                ${p.info!.name} <small>${this.t(`role.${role}` as MessageKey)}${point ? ` · ${this.t('room.at-point', { point })}` : ''}</small>
              </li>`;
            })}
          </ul>`}
    </section>`;
  }

  private async handlePhase(command: 'open-meeting' | 'close-meeting'): Promise<void> {
    this.confirmingClose = false;
    if (!this.provided || !this.dispatchEvent(new PhaseRequestEvent({ command }))) return;
    this.error = '';
    try {
      await this.provided.send({ type: command });
    } catch (error) {
      const { code, message } = error instanceof CommandRejectedError ? error.rejection : { code: 'server-error', message: String(error) };
      this.error = rejectionMessage(this.language, code, message);
      this.dispatchEvent(new CommandRejectedEvent({ code, message }));
    }
  }
}
