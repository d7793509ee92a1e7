/** The plain-words help of `<device-check>`: what to do when the camera and microphone cannot be used. */
import { html } from 'lit';
import { APP_NAMES, type InAppBrowser, type Platform } from './browser-env.js';
import type { DeviceKey } from './device-check.strings.js';

/** Why the devices could not be opened, as the member needs to know it. */
export type Failure = 'denied' | 'not-found' | 'busy' | 'other';

/** Looks up one of the element's strings in its language. */
export type Say = (key: DeviceKey, params?: Record<string, string | number>) => string;

/** The kind of failure behind a `getUserMedia` error (names from the spec and from older Chrome and Firefox). */
export function failureOf(error: unknown): Failure {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'not-found';
    case 'NotReadableError':
    case 'TrackStartError':
      return 'busy';
    default:
      return 'other';
  }
}

const steps = (say: Say, keys: readonly DeviceKey[]) => html`<ol>
  ${keys.map((key) => html`<li>${say(key)}</li>`)}
</ol>`;

function deniedHelp(say: Say, platform: Platform) {
  const chrome = html`<section class="how" data-how="chrome" aria-labelledby="how-chrome">
    <h3 id="how-chrome">${say('denied.chrome')}</h3>
    ${steps(say, ['denied.chrome.1', 'denied.chrome.2', 'denied.chrome.3', 'denied.chrome.4'])}
    <p class="note">${say('denied.chrome.more')}</p>
  </section>`;
  const safari = html`<section class="how" data-how="safari" aria-labelledby="how-safari">
    <h3 id="how-safari">${say('denied.safari')}</h3>
    ${steps(say, ['denied.safari.1', 'denied.safari.2', 'denied.safari.3', 'denied.safari.4'])}
    <p class="note">${say('denied.safari.more')}</p>
  </section>`;
  const computer = html`<p class="note" data-how="computer">${say('denied.computer')}</p>`;
  // On a phone we know, only its own steps: every extra line is one more to get lost in.
  const sections = { ios: [safari], android: [chrome], other: [computer, chrome, safari] }[platform];
  return html`<p>${say('denied.intro')}</p>
    ${sections}`;
}

/** What to do about a failure: numbered steps for the member's phone, or one plain sentence. */
export function renderFailureSteps(failure: Failure, platform: Platform, say: Say) {
  return {
    denied: () => deniedHelp(say, platform),
    'not-found': () => html`<p>${say('not-found.body')}</p>`,
    busy: () => steps(say, ['busy.1', 'busy.2', 'busy.3']),
    other: () => html`<p>${say('other.body')}</p>`,
  }[failure]();
}

/** What went wrong, in a `role="alert"` sentence, and what to do about it. */
export function renderFailureHelp(failure: Failure, platform: Platform, say: Say) {
  return html`<div class="help" part="help" data-failure=${failure}>
    <p role="alert" class="failure">${say(`failure.${failure}`)}</p>
    ${renderFailureSteps(failure, platform, say)}
  </div>`;
}

/** Why to leave this browser, and how: the app's own menu, or copying the link. */
export function renderAdviceSteps(app: InAppBrowser | undefined, say: Say) {
  if (!app) {
    return html`<p data-advice="no-webrtc">${say('advice.no-webrtc')}</p>
      <p>${say('advice.browser')}</p>`;
  }
  const name = APP_NAMES[app];
  return html`<p data-advice=${app}>${say('advice.in-app', { app: name })}</p>
    ${app === 'zalo' ? steps(say, ['advice.zalo.1', 'advice.zalo.2']) : steps(say, ['advice.app.1', 'advice.app.2'])}`;
}
