/** What the stage says for each media error: one plain sentence, then what to do. */
import { html, nothing } from 'lit';
import type { MediaErrorCode } from '../../core/index.js';
import { platformOf } from '../device-check/browser-env.js';
import { STRINGS as DEVICE_STRINGS } from '../device-check/device-check.strings.js';
import { renderFailureSteps, type Failure } from '../device-check/device-help.js';
import { localize, type Lang } from '../shared/i18n.js';
import { STRINGS, type StageKey } from './media-stage.strings.js';

/** The codes that concern the member's own camera and microphone: `<device-check>` already words them, step by step. */
const DEVICE_FAILURE: Partial<Record<MediaErrorCode, Failure>> = {
  'permission-denied': 'denied',
  'no-device': 'not-found',
  'device-busy': 'busy',
};

/** The next step for the errors that concern the network or the server. */
const NEXT_STEP: Partial<Record<MediaErrorCode, StageKey>> = {
  'server-unreachable': 'error.server-unreachable.body',
  'ice-failed': 'error.ice-failed.body',
  'publish-refused': 'error.publish-refused.body',
};

/** Errors about the member's own devices: after following the steps, they try again. */
export function isDeviceError(code: MediaErrorCode): boolean {
  return code in DEVICE_FAILURE;
}

/**
 * The help for one error: a `role="alert"` headline in the stage's words, and
 * the steps. For the camera and microphone, the numbered steps are those of
 * `<device-check>` (Chrome on Android, Safari on iPhone), so a member meets
 * one wording wherever the browser blocks them.
 */
export function renderMediaError(code: MediaErrorCode, lang: Lang, userAgent: string) {
  const say = (key: StageKey) => localize(STRINGS, lang, key);
  const headline = html`<p role="alert" class="failure" data-error-text>${say(`error.${code}`)}</p>`;
  const failure = DEVICE_FAILURE[code];
  let body;
  if (failure) {
    body = renderFailureSteps(failure, platformOf(userAgent), (key, params) => localize(DEVICE_STRINGS, lang, key, params));
  } else if (code === 'not-supported') {
    body = html`<p>${say('error.not-supported.body')}</p>
      <p>${say('error.not-supported.in-app')}</p>`;
  } else {
    const next = NEXT_STEP[code];
    body = next ? html`<p>${say(next)}</p>` : nothing;
  }
  return html`<div class="error" part="error" data-error=${code}>${headline} ${body}</div>`;
}
