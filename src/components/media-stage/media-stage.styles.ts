import { css } from 'lit';

export const mediaStageStyles = css`
  :host {
    --_stage: var(--party-stage-background, #1c1c1c);
    /* The layout follows the stage's own width, not the window's: the stage may sit in a narrow column of a wide page. */
    container-type: inline-size;
  }
  .stage {
    display: grid;
    gap: 0.75em;
    grid-template-columns: minmax(0, 1fr);
  }
  .notices,
  .control-area {
    display: grid;
    gap: 0.6em;
  }
  /* A phone shows the large picture, then the switches, then everyone else; a wide screen puts everyone else beside the large picture. */
  @container (min-width: 880px) {
    .stage {
      grid-template-columns: minmax(0, 1fr) minmax(16em, 24em);
      grid-template-areas:
        'notices notices'
        'view tiles'
        'controls tiles';
      align-items: start;
    }
    .notices {
      grid-area: notices;
    }
    .featured,
    .empty {
      grid-area: view;
    }
    .control-area {
      grid-area: controls;
    }
    .tiles {
      grid-area: tiles;
      max-height: var(--party-stage-max-height, 60vh);
      overflow-y: auto;
      /* Room for the speaking ring, which the scrolling box would clip. */
      padding: 4px;
    }
  }
  p {
    margin: 0;
  }
  .status {
    font-weight: 600;
    font-size: 1.05em;
    color: var(--_warn);
  }
  .status[data-status='connecting'],
  .status[data-status='idle'],
  .status[data-status='none'],
  .status[data-status='closed'] {
    color: var(--_muted);
  }
  .procedure {
    border-left: 6px solid var(--_ok);
    padding: 0.5em 0.9em;
    background: #eef7f0;
    border-radius: 6px;
  }
  .empty {
    padding: 1.2em 1em;
    border-radius: 10px;
    background: var(--_stage);
    color: #fff;
    text-align: center;
  }

  /* What went wrong: the same look as <device-check>'s help. */
  .error,
  .sound {
    display: grid;
    gap: 0.6em;
    border: 2px solid var(--_danger);
    border-radius: 10px;
    padding: 0.8em 1em;
    background: #fdf1f1;
  }
  .sound {
    border-color: var(--_warn);
    background: #fff8e6;
  }
  .failure {
    font-size: 1.1em;
  }
  .error ol {
    margin: 0;
    padding-left: 1.6em;
    display: grid;
    gap: 0.3em;
  }
  .error h3 {
    font-size: 1em;
    margin: 0;
  }
  .how {
    display: grid;
    gap: 0.35em;
  }
  .note {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  button.big {
    flex: 1 1 12em;
    max-width: 24em;
    min-height: 56px;
    font-size: 1.1em;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
  }

  /* The pictures: a tile is its picture with a caption bar below it, so names never sit on top of a face. */
  .tile {
    display: flex;
    flex-direction: column;
    border-radius: 10px;
    overflow: hidden;
    background: var(--_stage);
    color: #fff;
    border: 3px solid transparent;
    min-width: 0;
  }
  .tile.speaking {
    border-color: var(--_ok);
    box-shadow: 0 0 0 2px var(--_ok);
  }
  .tile.floor {
    border-color: var(--_accent);
  }
  .tile.floor.speaking {
    box-shadow: 0 0 0 3px var(--_ok);
  }
  .tile video {
    display: block;
  }
  .tile .avatar {
    display: grid;
    place-items: center;
  }
  .tile video,
  .tile .avatar {
    width: 100%;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    background: var(--_stage);
  }
  .featured video,
  .featured .avatar {
    aspect-ratio: 16 / 9;
    max-height: var(--party-stage-max-height, 60vh);
    /* The whole picture, never cropped: a phone sends an upright picture, a room camera a wide one. */
    object-fit: contain;
  }
  .kind-room video,
  .kind-screen video {
    object-fit: contain;
  }
  .mirror {
    transform: scaleX(-1);
  }
  .avatar {
    font-size: 2.2em;
    font-weight: 700;
    color: #fff;
  }
  .featured .avatar {
    font-size: 4em;
  }
  .avatar .icon {
    width: 1.3em;
    height: 1.3em;
  }
  .caption {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
    padding: 0.35em 0.6em;
    line-height: 1.3;
  }
  .name {
    font-weight: 700;
    overflow-wrap: anywhere;
    margin-right: auto;
  }
  .featured .name {
    font-size: 1.2em;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.2em;
    border-radius: 999px;
    padding: 0 0.55em;
    font-size: 0.9em;
    font-weight: 600;
    background: #3a3a3a;
    color: #fff;
  }
  .badge.muted {
    background: #b3261e;
  }
  .badge.speaking {
    background: #1b6e2a;
  }
  .badge.floor {
    background: var(--_accent);
  }
  .badge .icon {
    width: 1em;
    height: 1em;
  }
  .quality {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    font-size: 0.9em;
    font-weight: 600;
  }
  .bars {
    width: 1.1em;
    height: 1.1em;
  }
  .bars rect {
    fill: #777;
  }
  .q-good .bars rect.on,
  .q-fair .bars rect.on {
    fill: #7ddc8a;
  }
  .q-poor {
    color: #ffd27a;
  }
  .q-poor .bars rect.on {
    fill: #ffd27a;
  }
  .q-lost {
    color: #ffb4ab;
  }
  .tiles {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 8.5em), 1fr));
    gap: 0.5em;
  }
  .tiles .tile {
    font-size: 0.95em;
  }
  .self {
    border-style: dashed;
    border-color: #888;
  }

  /* The toolbar: big targets, the state written under each name as well as shown by the icon. */
  .controls {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0.5em;
  }
  .controls.count-3 {
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
  @container (min-width: 520px) {
    .controls.controls {
      grid-template-columns: repeat(4, minmax(0, 11em));
    }
  }
  .control {
    display: grid;
    justify-items: center;
    gap: 0.1em;
    min-height: 64px;
    padding: 0.4em 0.3em;
    line-height: 1.2;
  }
  .control .icon {
    width: 1.6em;
    height: 1.6em;
  }
  .control .label {
    font-weight: 700;
  }
  .control .state {
    font-size: 0.9em;
  }
  .control.on {
    border-color: var(--_ok);
    background: #e6f4ea;
    color: #0f4d1c;
  }
  .control[data-control='microphone'].off .icon,
  .control[data-control='camera'].off .icon {
    color: var(--_danger);
  }
  .control[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .locked {
    border-left: 6px solid var(--_warn);
    padding: 0.5em 0.9em;
    background: #fff8e6;
    font-weight: 600;
    border-radius: 6px;
  }
  .icon {
    width: 1.2em;
    height: 1.2em;
    flex: none;
  }
  .strike {
    stroke-width: 2.5;
  }
`;
