import { svg, html } from 'lit';

/**
 * The stage's icons, drawn as inline SVG (no icon font, nothing fetched, fine
 * under a strict Content-Security-Policy). Decoration only: the text beside
 * each icon, or the button's name, carries the meaning.
 */
const shapes = {
  microphone: svg`<rect x="9" y="3" width="6" height="11" rx="3"></rect><path d="M5 11a7 7 0 0 0 14 0M12 18v3M8 21h8"></path>`,
  camera: svg`<rect x="3" y="6" width="12" height="12" rx="2"></rect><path d="M15 10l6-3v10l-6-3z"></path>`,
  screen: svg`<rect x="3" y="4" width="18" height="12" rx="1.5"></rect><path d="M8 20h8M12 16v4"></path>`,
  sound: svg`<path d="M4 9h4l5-4v14l-5-4H4z"></path><path d="M16 9a4 4 0 0 1 0 6M18.5 6.5a7.5 7.5 0 0 1 0 11"></path>`,
  room: svg`<path d="M3 20h18M5 20V9l7-5 7 5v11"></path><path d="M10 20v-5h4v5"></path>`,
} as const;

/** The name of one of the stage's icons. */
export type IconName = keyof typeof shapes;

/** An icon, struck through when `off`. */
export function icon(name: IconName, off = false) {
  return html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    ${shapes[name]}${off ? svg`<path class="strike" d="M3 3l18 18"></path>` : null}
  </svg>`;
}

/** Bars for a connection's quality: four filled when good, none when lost. */
export function qualityBars(filled: number) {
  return html`<svg class="bars" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    ${[0, 1, 2, 3].map((i) => svg`<rect x=${1 + i * 4} y=${12 - i * 3} width="3" height=${4 + i * 3} class=${i < filled ? 'on' : 'off'}></rect>`)}
  </svg>`;
}
