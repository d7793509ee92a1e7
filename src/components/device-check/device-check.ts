import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { PartyElement } from '../shared/party-element.js';
import { progressBar } from '../shared/progress-bar.js';
import { baseStyles } from '../shared/styles.js';
import { inAppBrowser, platformOf, type InAppBrowser } from './browser-env.js';
import { DeviceReadyEvent, JoinEvent, JoinRequestEvent, type DeviceChoice } from './device-check.events.js';
import { STRINGS, type DeviceKey } from './device-check.strings.js';
import { deviceCheckStyles } from './device-check.styles.js';
import { failureOf, renderAdviceSteps, renderFailureHelp, type Failure } from './device-help.js';
import { LevelMeter } from './level-meter.js';
import { browserMediaProbe, canChooseSpeaker, openDevices, stopStream, type DeviceInfo, type MediaProbe } from './media-probe.js';
import { playTestSound } from './test-sound.js';

/** Where the check is: advice to change browser, before asking, asking, working, failed, or joined. */
type Phase = 'advice' | 'idle' | 'opening' | 'ready' | 'failed' | 'joined';
type Chosen = Partial<Record<MediaDeviceKind, string>>;
type JoinMode = 'media' | 'camera-off' | 'no-media';

/**
 * The check before joining a meeting: the member chooses microphone, camera
 * and speaker, sees their own picture, watches a microphone level bar, hears a
 * test chime, and joins with or without camera. When the browser blocks the
 * devices, finds none, or another app holds them, it says in plain words what
 * to do (numbered steps for Chrome on Android and Safari on iPhone). Inside
 * Zalo, Facebook, Messenger, Instagram or LINE, or in a browser without
 * WebRTC, it explains how to open the link in Chrome or Safari, offers to copy
 * the link, and lets the member join without camera and microphone, since the
 * meeting's procedure works without them. It releases the devices when it is
 * removed and when the member joins; the media layer opens them again.
 *
 * Embedded in an iframe, the frame needs `allow="camera; microphone"`.
 *
 * @tagname device-check
 * @summary Camera, microphone and speaker check before joining a meeting.
 * @event party-device-ready - When camera and/or microphone opened and work: `{ audioDeviceId, videoDeviceId }`.
 * @event party-join-request - When the member asks to join: `{ audioDeviceId, videoDeviceId, speakerId, cameraOff, noMedia }`; cancelable.
 * @event party-join - After the devices were released, with the same detail.
 * @csspart base - The whole check.
 * @csspart title - The heading.
 * @csspart status - The line saying where the check is.
 * @csspart advice - How to open the link in another browser.
 * @csspart help - What to do when the devices cannot be used.
 * @csspart preview - The member's own picture.
 * @csspart devices - The device choices.
 * @csspart meter - The microphone level bar and its text.
 * @csspart actions - The join buttons.
 * @cssproperty --party-accent - Colour of the main buttons.
 * @cssproperty --party-ok - Colour of the level bar when the microphone hears sound.
 */
export class DeviceCheck extends PartyElement {
  static override styles = [baseStyles, deviceCheckStyles];

  /** The user agent to read the browser from; the browser's own when empty. For tests and integrators. */
  @property({ attribute: 'user-agent' }) userAgent = '';

  /** Skip camera and microphone entirely: the member joins for the procedure only. */
  @property({ type: Boolean, reflect: true, attribute: 'no-media' }) noMedia = false;

  /** The link "Sao chép đường link" copies; the page's address when empty. */
  @property() link = '';

  /** The media API the check uses: the browser's own unless a media layer (or a test) provides one. */
  @property({ attribute: false }) probe: MediaProbe = browserMediaProbe();

  @state() private phase: Phase = 'idle';
  @state() private failure?: Failure;
  @state() private missing: { audio?: Failure; video?: Failure } = {};
  @state() private devices: readonly DeviceInfo[] = [];
  @state() private chosen: Chosen = {};
  @state() private sound: 'idle' | 'playing' | 'done' | 'failed' = 'idle';
  @state() private copy: 'idle' | 'copied' | 'failed' = 'idle';
  /** The member chose to try the devices inside an in-app browser anyway. */
  @state() private tryHere = false;

  @query('video') private video?: HTMLVideoElement;
  @query('input[readonly]') private linkInput?: HTMLInputElement;

  private stream?: MediaStream;
  private readonly meter = new LevelMeter(this);
  private unwatch?: () => void;
  /** Counts opening attempts, so that a late answer to an older one is dropped. */
  private attempt = 0;
  /** Whether the focus was inside the check before this update. */
  private hadFocus = false;

  private get app(): InAppBrowser | undefined {
    return inAppBrowser(this.userAgent || navigator.userAgent);
  }

  private get needsAdvice(): boolean {
    return !this.noMedia && !this.tryHere && (this.app !== undefined || !this.probe.supportsWebRTC);
  }

  private readonly say = (key: DeviceKey, params?: Record<string, string | number>) => this.local(STRINGS, key, params);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.begin();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.release();
    if (this.phase === 'opening' || this.phase === 'ready') this.phase = 'idle';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('probe') && changed.get('probe') !== undefined && this.isConnected) {
      this.release();
      if (this.phase !== 'joined') this.phase = 'idle';
      void this.begin();
    }
    if (this.phase !== 'joined' && this.needsAdvice) this.phase = 'advice';
    else if (this.phase === 'advice') this.phase = 'idle';
    this.hadFocus = this.matches(':focus-within');
  }

  protected override updated(changed: PropertyValues): void {
    // The button the member pressed may be gone (the check moved on): put the focus where the news is.
    if (changed.has('phase') && this.hadFocus && !this.matches(':focus-within')) {
      this.renderRoot.querySelector<HTMLElement>('[data-focus-next]')?.focus();
    }
    if (this.video && this.video.srcObject !== (this.stream ?? null)) {
      this.video.srcObject = this.stream ?? null;
      // Muted and inline, so no browser refuses to play it; if one does, the picture just stays still.
      this.video.play().catch(() => {});
    }
    if (changed.has('copy') && this.copy === 'failed') this.linkInput?.select();
  }

  /** Starts at once when the member allowed the devices before (a returning member); otherwise waits for the button. */
  private async begin(): Promise<void> {
    await this.updateComplete;
    this.unwatch?.();
    this.unwatch = this.probe.watch(() => void this.handleDeviceChange());
    if (this.phase !== 'idle' || this.noMedia) return;
    const permission = await this.probe.permission().catch(() => 'unknown');
    if (permission === 'granted' && this.phase === 'idle' && this.isConnected) await this.open();
  }

  /** Stops the tracks and the level meter. */
  private release(): void {
    this.attempt++;
    this.unwatch?.();
    this.unwatch = undefined;
    this.meter.stop();
    stopStream(this.stream);
    this.stream = undefined;
  }

  private constraint(kind: 'audioinput' | 'videoinput'): true | MediaTrackConstraints {
    const id = this.chosen[kind];
    return id ? { deviceId: { exact: id } } : true;
  }

  private async open(): Promise<void> {
    this.meter.stop();
    stopStream(this.stream);
    this.stream = undefined;
    const attempt = ++this.attempt;
    this.phase = 'opening';
    this.failure = undefined;
    this.missing = {};
    const opened = await openDevices(this.probe, this.constraint('audioinput'), this.constraint('videoinput'));
    if (attempt !== this.attempt || !this.isConnected) {
      stopStream(opened.stream);
      return;
    }
    if (!opened.stream) {
      this.failure = failureOf(opened.audioError ?? opened.videoError);
      this.phase = 'failed';
      return;
    }
    const stream = opened.stream;
    this.stream = stream;
    this.missing = {
      audio: opened.audioError === undefined ? undefined : failureOf(opened.audioError),
      video: opened.videoError === undefined ? undefined : failureOf(opened.videoError),
    };
    const audioId = stream.getAudioTracks()[0]?.getSettings().deviceId;
    const videoId = stream.getVideoTracks()[0]?.getSettings().deviceId;
    this.chosen = { ...this.chosen, audioinput: audioId ?? this.chosen.audioinput, videoinput: videoId ?? this.chosen.videoinput };
    this.phase = 'ready';
    this.meter.listen(stream);
    // A device unplugged (or taken back by the system) mid-check: open again what is left. Our own stop() fires no 'ended'.
    for (const track of stream.getTracks()) track.addEventListener('ended', () => this.stream === stream && void this.open(), { once: true });
    await this.refreshDevices();
    this.dispatchEvent(new DeviceReadyEvent({ audioDeviceId: audioId, videoDeviceId: videoId }));
  }

  private async refreshDevices(): Promise<void> {
    try {
      this.devices = await this.probe.listDevices();
    } catch {
      this.devices = [];
    }
  }

  private async handleDeviceChange(): Promise<void> {
    await this.refreshDevices();
    // A headset or webcam was plugged in after "no device found": try again by itself.
    if (this.phase === 'failed' && this.failure === 'not-found') await this.open();
  }

  private handleChoose(kind: MediaDeviceKind, event: Event): void {
    this.chosen = { ...this.chosen, [kind]: (event.target as HTMLSelectElement).value };
    this.sound = 'idle';
    if (kind !== 'audiooutput') void this.open();
  }

  private async handleTestSound(): Promise<void> {
    this.sound = 'playing';
    try {
      await playTestSound(this.chosen.audiooutput);
      this.sound = 'done';
    } catch {
      this.sound = 'failed';
    }
  }

  private async handleCopy(): Promise<void> {
    try {
      // navigator.clipboard is missing on a page served over plain http: that is a failure like any other.
      await navigator.clipboard.writeText(this.link || location.href);
      this.copy = 'copied';
    } catch {
      this.copy = 'failed';
    }
  }

  private handleJoin(mode: JoinMode): void {
    const hasAudio = !!this.stream?.getAudioTracks().length;
    const hasVideo = !!this.stream?.getVideoTracks().length;
    const noMedia = mode === 'no-media' || (!hasAudio && !hasVideo);
    const detail: DeviceChoice = noMedia
      ? { cameraOff: true, noMedia: true }
      : {
          audioDeviceId: hasAudio ? this.chosen.audioinput : undefined,
          videoDeviceId: hasVideo ? this.chosen.videoinput : undefined,
          speakerId: this.chosen.audiooutput,
          cameraOff: mode === 'camera-off' || !hasVideo,
          noMedia: false,
        };
    const request = new JoinRequestEvent(detail);
    if (!this.dispatchEvent(request)) return;
    this.release();
    this.phase = 'joined';
    const joined = new JoinEvent(detail);
    this.dispatchEvent(joined);
  }

  protected override render() {
    const say = this.say;
    return html`<section part="base" class="phase-${this.phase}" aria-labelledby="check-title">
      <header>
        <h2 id="check-title" part="title" tabindex="-1" data-focus-next>${say(this.noMedia ? 'title.no-media' : 'title')}</h2>
        <!-- Present even when empty: a live region must exist before its text changes to be read out. -->
        <p role="status" part="status" class="status" data-status=${this.phase}>${this.statusText()}</p>
      </header>
      ${this.noMedia ? this.renderNoMedia() : this.renderPhase()}
    </section>`;
  }

  private statusText(): string {
    if (this.phase === 'opening') return this.say('opening');
    if (this.phase === 'joined') return this.say('joined');
    if (this.phase !== 'ready') return '';
    const hasVideo = !!this.stream?.getVideoTracks().length;
    const hasAudio = !!this.stream?.getAudioTracks().length;
    return this.say(hasAudio && hasVideo ? 'ready' : hasAudio ? 'ready.audio-only' : 'ready.video-only');
  }

  private renderPhase() {
    switch (this.phase) {
      case 'advice':
        return this.renderAdvice();
      case 'idle':
        return html`<p>${this.say('intro')}</p>
          <p class="note">${this.say('start.hint')}</p>
          <div class="actions" part="actions">
            <button type="button" class="primary big" data-action="start" @click=${() => this.open()}>${this.say('start')}</button>
            ${this.joinWithoutMediaButton()}
          </div>`;
      case 'opening':
        return nothing;
      case 'ready':
        return this.renderReady();
      case 'failed':
        return html`${renderFailureHelp(this.failure ?? 'other', platformOf(this.userAgent || navigator.userAgent), this.say)}
          <div class="actions" part="actions">
            <button type="button" class="primary big" data-action="retry" @click=${() => this.open()}>${this.say('retry')}</button>
          </div>
          <p class="procedure">${this.say('procedure')}</p>
          <div class="actions">${this.joinWithoutMediaButton()}</div>`;
      case 'joined':
        return nothing;
    }
  }

  private joinWithoutMediaButton() {
    return html`<button type="button" class="big" data-action="join-no-media" @click=${() => this.handleJoin('no-media')}>${this.say('join.no-media')}</button>`;
  }

  private renderNoMedia() {
    if (this.phase === 'joined') return nothing;
    return html`<p class="procedure">${this.say('procedure')}</p>
      <div class="actions" part="actions">
        <button type="button" class="primary big" data-action="join-no-media" @click=${() => this.handleJoin('no-media')}>${this.say('join')}</button>
      </div>`;
  }

  private renderAdvice() {
    const say = this.say;
    const app = this.app;
    return html`<div class="advice" part="advice" data-advice-box=${app ?? 'no-webrtc'}>
        <h3>${say('advice.title')}</h3>
        ${renderAdviceSteps(app, say)}
        <p>${say('advice.copy-way')}</p>
        <div class="actions">
          <button type="button" class="primary big" data-action="copy" @click=${this.handleCopy}>${say('copy')}</button>
        </div>
        <p role="status" class="copy-status" data-copy=${this.copy}>${this.copy === 'idle' ? '' : say(this.copy === 'copied' ? 'copied' : 'copy.failed')}</p>
        ${this.copy === 'failed'
          ? html`<label class="link">${say('copy.label')} <input readonly .value=${this.link || location.href} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></label>`
          : nothing}
      </div>
      <p class="procedure">${say('procedure')}</p>
      <div class="actions" part="actions">
        ${this.joinWithoutMediaButton()}
        ${app && this.probe.supportsWebRTC
          ? html`<button type="button" class="quiet" data-action="try-here" @click=${() => (this.tryHere = true)}>${say('advice.try-here')}</button>`
          : nothing}
      </div>`;
  }

  private renderReady() {
    const say = this.say;
    const hasVideo = !!this.stream?.getVideoTracks().length;
    const hasAudio = !!this.stream?.getAudioTracks().length;
    const missing = (['video', 'audio'] as const).filter((kind) => this.missing[kind]);
    // The picture and "Vào họp" first: on a phone a member sees both without scrolling; the device choices are extras below.
    return html`<div class="ready">
      <div class="main">
        <figure class="preview">
          ${hasVideo ? html`<video part="preview" aria-hidden="true" autoplay playsinline .muted=${true}></video>` : html`<div class="no-picture" part="preview">${say('preview.none')}</div>`}
          <figcaption>${say('preview.caption')}</figcaption>
        </figure>
        <div class="actions join" part="actions">
          <button type="button" class="primary big" data-action="join" @click=${() => this.handleJoin('media')}>${say('join')}</button>
          ${hasVideo ? html`<button type="button" class="big" data-action="join-camera-off" @click=${() => this.handleJoin('camera-off')}>${say('join.camera-off')}</button>` : nothing}
        </div>
      </div>
      <div class="controls">
        ${missing.length > 0
          ? html`<div class="missing">
              ${missing.map((kind) => html`<p data-missing=${kind}>${say(`missing.${kind}.${this.missing[kind]!}`)}</p>`)}
              <button type="button" data-action="retry" @click=${() => this.open()}>${say('retry')}</button>
            </div>`
          : nothing}
        <div class="devices" part="devices">
          ${this.renderSelect('audioinput', say('microphone'))} ${this.renderSelect('videoinput', say('camera'))}
          ${canChooseSpeaker() ? this.renderSelect('audiooutput', say('speaker')) : nothing}
        </div>
        ${hasAudio ? this.renderMeter() : nothing}
        <div class="sound">
          <button type="button" class="big" data-action="test-sound" ?disabled=${this.sound === 'playing'} @click=${this.handleTestSound}>${say('sound.play')}</button>
          <p role="status" data-sound=${this.sound}>
            ${this.sound === 'playing' ? say('sound.playing') : this.sound === 'done' ? say('sound.done') : this.sound === 'failed' ? say('sound.failed') : ''}
          </p>
        </div>
      </div>
    </div>`;
  }

  private renderSelect(kind: MediaDeviceKind, label: string) {
    const list = this.devices.filter((d) => d.kind === kind);
    if (list.length === 0) return nothing;
    return html`<div class="field">
      <label for="choose-${kind}">${label}</label>
      <select id="choose-${kind}" data-kind=${kind} @change=${(e: Event) => this.handleChoose(kind, e)}>
        ${list.map(
          (device, i) =>
            html`<option value=${device.deviceId} ?selected=${device.deviceId === this.chosen[kind]}>${device.label || this.say(`device.${kind}`, { n: i + 1 })}</option>`,
        )}
      </select>
    </div>`;
  }

  private renderMeter() {
    const heard = this.meter.heard;
    return html`<div class="meter" part="meter">
      <span class="meter-label" aria-hidden="true">${this.say('meter.label')}</span>
      ${progressBar(this.meter.level, heard ? 'heard' : '')}
      ${this.meter.suspended
        ? html`<button type="button" class="big" data-action="meter" @click=${() => this.meter.resumeNow()}>${this.say('meter.start')}</button>`
        : nothing}
      <p role="status" class="heard" data-heard=${heard}>${this.say(heard ? 'meter.heard' : 'meter.silent')}</p>
      <p class="note">${this.say('meter.hint')}</p>
    </div>`;
  }
}
