import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { findParticipant, microphoneRule, type LocalMedia, type MediaAdapter, type MediaSnapshot, type MediaStatus, type MicrophoneRule } from '../../core/index.js';
import { mediaContext } from '../shared/context.js';
import { StoreElement } from '../shared/store-element.js';
import { baseStyles } from '../shared/styles.js';
import { MediaController } from './media-controller.js';
import { MediaChangedEvent, MediaRequestEvent, type MediaControl } from './media-stage.events.js';
import { STRINGS, type StageKey } from './media-stage.strings.js';
import { mediaStageStyles } from './media-stage.styles.js';
import { isDeviceError, renderMediaError } from './stage-errors.js';
import { icon, qualityBars, type IconName } from './stage-icons.js';
import { arrange, type Arrangement, type Tile } from './stage-layout.js';

/** One stream per track, kept, so that a video or audio element is not handed a new stream on every render. */
const streams = new WeakMap<MediaStreamTrack, MediaStream>();
function streamOf(track: MediaStreamTrack): MediaStream {
  let stream = streams.get(track);
  if (!stream) {
    stream = new MediaStream([track]);
    streams.set(track, stream);
  }
  return stream;
}

const SETTERS: Record<MediaControl, (media: MediaAdapter<MediaStreamTrack>, on: boolean) => Promise<void>> = {
  microphone: (m, on) => m.setMicrophone(on),
  camera: (m, on) => m.setCamera(on),
  screen: (m, on) => m.setScreenShare(on),
  'audio-only': (m, on) => m.setAudioOnly(on),
};

const IS_ON: Record<MediaControl, (local: LocalMedia<MediaStreamTrack>) => boolean> = {
  microphone: (l) => l.microphoneOn,
  camera: (l) => l.cameraOn,
  screen: (l) => l.screenOn,
  'audio-only': (l) => l.audioOnly,
};

const ICONS: Record<MediaControl, IconName> = { microphone: 'microphone', camera: 'camera', screen: 'screen', 'audio-only': 'sound' };

const QUALITY_BARS = { good: 4, fair: 3, poor: 1, lost: 0, unknown: 0 } as const;

/** The first letter of the given name, which Vietnamese writes last ("Trần Thị Bình" → "B"). */
function initialOf(name: string | undefined): string {
  return (name?.trim().split(/\s+/).pop() ?? '').charAt(0).toLocaleUpperCase('vi');
}

/** What the stage last saw, to announce only changes. */
interface Seen {
  readonly status: MediaStatus;
  readonly forced: boolean;
}

/**
 * The meeting's video and sound: the person who has the floor (else whoever
 * speaks) large, everyone else small, a bridge point's room as one tile named
 * for the room, each with a muted and a speaking sign and the quality of their
 * connection, and the member's own small picture. Below, a toolbar switches
 * the microphone, the camera, screen sharing and "sound only" (for a weak
 * connection); while the chair has given the floor to someone else with
 * "mute others", the microphone button is locked and says why. Errors are
 * told in plain words with what to do (how to allow the camera in Chrome or
 * Safari on a phone, which browser to open the link in). When the browser
 * holds back the meeting's sound until a tap, a large "Turn on sound" button
 * appears. A screen reader hears when the floor mutes the member and when the
 * connection is lost and restored.
 *
 * Give it a media adapter with `.media`, or put it inside a
 * `<party-meeting-room>` that has joined the meeting's media. Names and the
 * floor come from the meeting store (`.store` or the room's).
 *
 * @tagname media-stage
 * @summary Video grid with the speaker large, and the microphone and camera controls.
 * @event party-media-request - Before a switch changes: `{ control, on }`, control being `microphone`, `camera`, `screen` or `audio-only`; cancelable.
 * @event party-media-changed - When the media layer has made the change: `{ control, on }`.
 * @csspart base - The whole stage.
 * @csspart status - The line saying how the connection stands (while not connected).
 * @csspart error - What went wrong and what to do.
 * @csspart sound - The "Turn on sound" box.
 * @csspart featured - The large picture.
 * @csspart tile - Each picture (the large one too).
 * @csspart self - The member's own picture.
 * @csspart tiles - The small pictures.
 * @csspart locked - Why the microphone is locked.
 * @csspart controls - The toolbar.
 * @csspart control - Each button of the toolbar.
 * @cssproperty --party-accent - Colour of the main buttons.
 * @cssproperty --party-ok - Colour of the speaking ring and of switches that are on.
 * @cssproperty --party-danger - Colour of a switched-off microphone and of errors.
 * @cssproperty --party-stage-background - Background behind the pictures (dark by default).
 * @cssproperty --party-stage-max-height - Upper bound on the large picture's height (default 60vh).
 */
export class MediaStage extends StoreElement {
  static override styles = [baseStyles, mediaStageStyles];

  /** The media adapter; taken from the enclosing `<party-meeting-room>` when not set. */
  @property({ attribute: false }) media?: MediaAdapter<MediaStreamTrack>;

  /** The speaker (audio output device id, as chosen in `<device-check>`) the meeting's sound plays through; the system's when empty. */
  @property({ attribute: 'speaker-id' }) speakerId = '';

  /** The user agent to choose the help steps by (iPhone or Android); the browser's own when empty. */
  @property({ attribute: 'user-agent' }) userAgent = '';

  @consume({ context: mediaContext, subscribe: true })
  @state()
  private contextMedia?: MediaAdapter<MediaStreamTrack>;

  /** The browser refused to play the meeting's sound before a tap. */
  @state() private soundBlocked = false;
  /** The text of the status region, for changes a blind member must hear. */
  @state() private announcement = '';
  @state() private pending: ReadonlySet<MediaControl> = new Set();
  /** The toolbar button that takes the Tab stop (roving tabindex). */
  @state() private focusIndex = 0;

  private readonly mediaController = new MediaController(this);
  /** The pictures as laid out for this render. */
  private arrangement: Arrangement = { others: [] };
  private seen?: Seen;
  /** The last switch the member turned on here: "Try again" repeats it. */
  private lastOn: MediaControl = 'microphone';
  /** Streams whose playback was already started, so a refused one is not retried on every render. */
  private readonly started = new WeakSet<MediaStream>();

  /** The adapter in use: the one set directly, else the room's. */
  private get activeMedia(): MediaAdapter<MediaStreamTrack> | undefined {
    return this.media ?? this.contextMedia;
  }

  private say(key: StageKey, params?: Record<string, string | number>): string {
    return this.local(STRINGS, key, params);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.mediaController.setAdapter(this.activeMedia);
    this.noteChanges();
    const media = this.mediaController.value;
    this.arrangement = media ? arrange(this.snapshot?.meeting, media.remotes, this.arrangement.featured?.key) : { others: [] };
  }

  protected override updated(): void {
    this.playAudio();
  }

  /** What the floor means for this member's microphone: from the meeting when there is a store, else as the adapter applied it. */
  private floorRule(snapshot: MediaSnapshot<MediaStreamTrack>): MicrophoneRule {
    const meeting = this.snapshot?.meeting;
    const you = this.snapshot?.you;
    if (meeting && you) return microphoneRule(meeting, you.participantId);
    const locked = snapshot.local.microphoneLocked;
    return { forceMute: locked, mayUnmute: !locked };
  }

  private floorHolderName(): string | undefined {
    const meeting = this.snapshot?.meeting;
    const holder = meeting?.floor?.participantId;
    return meeting && holder ? findParticipant(meeting, holder)?.name : undefined;
  }

  /** Words what changed since the last update: the floor muting this member, the connection lost or back. */
  private noteChanges(): void {
    const media = this.mediaController.value;
    if (!media) {
      this.seen = undefined;
      return;
    }
    const rule = this.floorRule(media);
    const now: Seen = { status: media.status, forced: rule.forceMute };
    const before = this.seen;
    this.seen = now;
    if (!before) return;
    if (now.forced && !before.forced) {
      const mayUnmute = rule.mayUnmute;
      const name = this.floorHolderName() ?? this.say('tile.unknown');
      this.announcement = [this.say('announce.muted', { name }), mayUnmute ? this.say('announce.may-unmute') : ''].join(' ').trim();
    } else if (!now.forced && before.forced) {
      this.announcement = this.say('announce.unlocked');
    } else if (before.status === 'connected' && (now.status === 'reconnecting' || now.status === 'failed')) {
      this.announcement = this.say('announce.lost');
    } else if ((before.status === 'reconnecting' || before.status === 'failed') && now.status === 'connected') {
      this.announcement = this.say('announce.restored');
    }
  }

  protected override render() {
    const media = this.mediaController.value;
    if (!media) {
      return html`<section part="base" class="stage" aria-labelledby="stage-title">
        <h2 id="stage-title" class="visually-hidden">${this.say('title')}</h2>
        <p class="status" part="status" data-status="none">${this.say('status.idle')}</p>
      </section>`;
    }
    const { featured, others } = this.arrangement;
    const error = media.error;
    const troubled = !!error || media.status === 'failed';
    const notices = media.status !== 'connected' || troubled || this.soundBlocked;
    return html`<section part="base" class="stage status-${media.status}" aria-labelledby="stage-title">
      <h2 id="stage-title" class="visually-hidden">${this.say('title')}</h2>
      <div role="status" class="visually-hidden" data-announcement>${this.announcement}</div>
      ${notices
        ? html`<div class="notices">
            ${media.status === 'connected' ? nothing : html`<p class="status" part="status" data-status=${media.status}>${this.say(`status.${media.status}`)}</p>`}
            ${error ? this.renderError(error.code) : nothing}
            ${troubled ? html`<p class="procedure" data-procedure>${this.say('procedure')}</p>` : nothing}
            ${this.soundBlocked ? this.renderSoundBlocked() : nothing}
          </div>`
        : nothing}
      ${featured ? this.renderTile(featured, true) : media.status === 'connected' ? html`<p class="empty" data-empty>${this.say('empty')}</p>` : nothing}
      ${this.renderControls(media.local)}
      <ul class="tiles" part="tiles" aria-label=${this.say('grid')}>
        ${repeat(others, (t) => t.key, (t) => this.renderTile(t, false))} ${this.renderSelf(media.local)}
      </ul>
      ${repeat(
        media.remotes.filter((r) => r.audio),
        (r) => r.participantId,
        (r) => html`<audio data-audio=${r.participantId} autoplay .srcObject=${streamOf(r.audio!)}></audio>`,
      )}
    </section>`;
  }

  private renderError(code: NonNullable<MediaSnapshot['error']>['code']) {
    return html`${renderMediaError(code, this.language, this.userAgent || navigator.userAgent)}
    ${isDeviceError(code)
      ? html`<div class="actions"><button type="button" class="primary big" data-action="retry" @click=${this.handleRetry}>${this.say('retry')}</button></div>`
      : nothing}`;
  }

  private renderSoundBlocked() {
    return html`<div class="sound" part="sound" data-sound-blocked>
      <p>${this.say('sound.blocked')}</p>
      <button type="button" class="primary big" data-action="unblock-sound" @click=${this.handleUnblockSound}>${icon('sound')} ${this.say('sound.unblock')}</button>
    </div>`;
  }

  private renderTile(tile: Tile, large: boolean) {
    const name = tile.name ?? this.say('tile.unknown');
    const label = tile.kind === 'screen' ? this.say('tile.screen', { name }) : name;
    const classes = ['tile', `kind-${tile.kind}`, large ? 'featured' : '', tile.speaking ? 'speaking' : '', tile.floor ? 'floor' : ''].join(' ');
    const picture = tile.video
      ? html`<video aria-hidden="true" autoplay playsinline .muted=${true} .srcObject=${streamOf(tile.video)}></video>`
      : html`<div class="avatar" aria-hidden="true">${tile.kind === 'room' ? icon('room') : initialOf(name)}</div>`;
    const content = html`${picture}
      <div class="caption">
        <span class="name" data-name>${label}</span>
        ${tile.kind === 'room' ? html`<span class="badge room">${this.say('tile.room')}</span>` : nothing}
        ${tile.floor ? html`<span class="badge floor" data-badge="floor">${this.say('tile.floor')}</span>` : nothing}
        ${tile.speaking ? html`<span class="badge speaking" data-badge="speaking">${this.say('tile.speaking')}</span>` : nothing}
        ${tile.kind !== 'screen' && !tile.microphoneOn ? html`<span class="badge muted" data-badge="muted">${icon('microphone', true)}${this.say('tile.muted')}</span>` : nothing}
        ${tile.kind !== 'screen' && !tile.video ? html`<span class="visually-hidden">${this.say('tile.camera-off')}</span>` : nothing}
        ${tile.kind === 'screen' ? nothing : this.renderQuality(tile)}
      </div>`;
    return large
      ? html`<div class=${classes} part="tile featured" data-tile=${tile.key} data-participant-id=${tile.participantId} data-featured role="group" aria-label=${label}>${content}</div>`
      : html`<li class=${classes} part="tile" data-tile=${tile.key} data-participant-id=${tile.participantId}>${content}</li>`;
  }

  private renderQuality(tile: Tile) {
    if (tile.quality === 'unknown') return nothing;
    const words = this.say(`quality.${tile.quality}`);
    const visible = tile.quality === 'poor' || tile.quality === 'lost';
    return html`<span class="quality q-${tile.quality}" data-quality=${tile.quality}>
      ${qualityBars(QUALITY_BARS[tile.quality])}<span class=${visible ? '' : 'visually-hidden'}>${words}</span>
    </span>`;
  }

  private renderSelf(local: LocalMedia<MediaStreamTrack>) {
    const video = local.cameraOn ? local.video : undefined;
    return html`<li class="tile self ${local.speaking ? 'speaking' : ''}" part="tile self" data-self>
      ${video
        ? html`<video class="mirror" aria-hidden="true" autoplay playsinline .muted=${true} .srcObject=${streamOf(video)}></video>`
        : html`<div class="avatar" aria-hidden="true">${initialOf(this.snapshot?.you?.name)}</div>`}
      <div class="caption">
        <span class="name">${this.say('you')}</span>
        ${video ? nothing : html`<span class="badge" data-badge="camera-off">${this.say('self.camera-off')}</span>`}
        ${local.screenOn ? html`<span class="badge" data-badge="screen">${this.say('self.screen')}</span>` : nothing}
        ${local.microphoneOn ? nothing : html`<span class="badge muted" data-badge="muted">${icon('microphone', true)}${this.say('tile.muted')}</span>`}
      </div>
    </li>`;
  }

  /** The switches the browser can offer: no screen sharing where there is no `getDisplayMedia` (phones). */
  private get controls(): MediaControl[] {
    const canShare = typeof navigator.mediaDevices?.getDisplayMedia === 'function';
    return canShare ? ['microphone', 'camera', 'screen', 'audio-only'] : ['microphone', 'camera', 'audio-only'];
  }

  private renderControls(local: LocalMedia<MediaStreamTrack>) {
    const controls = this.controls;
    const focusIndex = Math.min(this.focusIndex, controls.length - 1);
    const locked = local.microphoneLocked;
    const holder = this.floorHolderName();
    return html`<div class="control-area">
      ${locked
        ? html`<p id="locked-reason" class="locked" part="locked" data-locked>${holder ? this.say('locked', { name: holder }) : this.say('locked.someone')}</p>`
        : nothing}
      <div role="toolbar" class="controls count-${controls.length}" part="controls" aria-label=${this.say('controls')} @keydown=${this.handleToolbarKey}>
        ${controls.map((control, index) => {
          const on = IS_ON[control](local);
          const isLocked = control === 'microphone' && locked;
          const stateKey: StageKey = isLocked ? 'state.locked' : on ? 'state.on' : 'state.off';
          return html`<button
            type="button"
            class="control ${on ? 'on' : 'off'}"
            part="control"
            data-control=${control}
            aria-pressed=${on ? 'true' : 'false'}
            aria-disabled=${isLocked || this.pending.has(control) ? 'true' : 'false'}
            aria-describedby=${isLocked ? 'locked-reason' : nothing}
            tabindex=${index === focusIndex ? 0 : -1}
            @click=${() => this.handleControl(control, index)}
          >
            ${icon(ICONS[control], control !== 'audio-only' && !on)}
            <span class="label">${this.say(`control.${control}`)}</span>
            <span class="state" aria-hidden="true">${this.say(stateKey)}</span>
          </button>`;
        })}
      </div>
    </div>`;
  }

  private async handleControl(control: MediaControl, index: number): Promise<void> {
    this.focusIndex = index;
    const media = this.activeMedia;
    const local = this.mediaController.value?.local;
    if (!media || !local || this.pending.has(control)) return;
    if (control === 'microphone' && local.microphoneLocked) {
      // The button stays focusable so its reason can be read; pressing it says the reason again.
      const holder = this.floorHolderName();
      this.announcement = holder ? this.say('locked', { name: holder }) : this.say('locked.someone');
      return;
    }
    await this.switchTo(media, control, !IS_ON[control](local));
  }

  private async switchTo(media: MediaAdapter<MediaStreamTrack>, control: MediaControl, on: boolean): Promise<void> {
    if (!this.dispatchEvent(new MediaRequestEvent({ control, on }))) return;
    this.pending = new Set([...this.pending, control]);
    try {
      await SETTERS[control](media, on);
    } finally {
      this.pending = new Set([...this.pending].filter((c) => c !== control));
    }
    if (on) this.lastOn = control;
    if (IS_ON[control](media.getSnapshot().local) === on) this.dispatchEvent(new MediaChangedEvent({ control, on }));
  }

  private async handleRetry(): Promise<void> {
    const media = this.activeMedia;
    const local = this.mediaController.value?.local;
    if (!media || !local) return;
    const control = this.lastOn === 'microphone' && local.microphoneLocked ? 'camera' : this.lastOn;
    await this.switchTo(media, control, true);
  }

  /** Arrow keys move along the toolbar, Home and End to its ends (WAI-ARIA toolbar pattern). */
  private handleToolbarKey(event: KeyboardEvent): void {
    const count = this.controls.length;
    const moves: Record<string, number> = {
      ArrowRight: this.focusIndex + 1,
      ArrowDown: this.focusIndex + 1,
      ArrowLeft: this.focusIndex - 1,
      ArrowUp: this.focusIndex - 1,
      Home: 0,
      End: count - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    this.focusIndex = (moves[event.key]! + count) % count;
    void this.updateComplete.then(() => this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~=control]')[this.focusIndex]?.focus());
  }

  /** Starts each remote's sound once; a refusal (no tap yet on this page) shows the "Turn on sound" button. */
  private playAudio(): void {
    for (const audio of this.renderRoot.querySelectorAll<HTMLAudioElement>('audio[data-audio]')) {
      if (this.speakerId && 'setSinkId' in audio && audio.sinkId !== this.speakerId) audio.setSinkId(this.speakerId).catch(() => {});
      const stream = audio.srcObject;
      if (!(stream instanceof MediaStream) || this.started.has(stream)) continue;
      this.started.add(stream);
      audio.play().catch((error: unknown) => {
        if ((error as { name?: string }).name === 'NotAllowedError') this.soundBlocked = true;
      });
    }
  }

  private async handleUnblockSound(): Promise<void> {
    const players = [...this.renderRoot.querySelectorAll<HTMLAudioElement>('audio[data-audio]')];
    const results = await Promise.allSettled(players.map((audio) => audio.play()));
    if (results.every((r) => r.status === 'fulfilled')) this.soundBlocked = false;
  }
}
