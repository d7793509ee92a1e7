import { html } from 'lit';

/**
 * A thin horizontal bar filled to `share` (0–1), drawn as SVG so that its
 * width is an attribute, not an inline style: it works under a strict
 * Content-Security-Policy with no 'unsafe-inline'. Colour it with
 * `.bar .fill { fill: … }`; it is decoration (aria-hidden), the text beside
 * it carries the meaning.
 */
export function progressBar(share: number, className = '') {
  const width = Math.round(Math.max(0, Math.min(1, share)) * 1000) / 10;
  return html`<svg class="bar ${className}" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
    <rect class="fill" x="0" y="0" height="4" width=${width}></rect>
  </svg>`;
}
