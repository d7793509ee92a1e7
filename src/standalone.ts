/**
 * The self-contained build for a CMS page (`dist/standalone/party-meeting.js`,
 * lit included): the room first, then every other element, fetched as chunks
 * next to this file. One `<script type="module" src=…>` loads it all; no
 * import map, no bundler.
 */
import './components/party-meeting-room/define.js';

void import('./define.js').catch(() => console.error('party-meeting: some elements could not be loaded; reload the page.'));
