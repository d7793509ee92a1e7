import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { MeetingDefinition, Role } from '../src/core/index.js';
import type { DemoConsole } from './demo-console.js';
import type { JoinTokens } from './tokens.js';

const demoDir = fileURLToPath(new URL('../demo/', import.meta.url));

/** One invite link of the demo. */
export interface Invite {
  readonly name: string;
  readonly role: Role;
  readonly label: string;
  readonly url: string;
}

/** Signs an invite for every member and delegate of the meeting; the chair's role goes to `meeting.chairId`. */
export async function demoInvites(meeting: MeetingDefinition, tokens: JoinTokens, baseUrl: string): Promise<Invite[]> {
  const people = [
    ...meeting.cell.members.map((m) => {
      const role: Role = m.id === meeting.chairId ? 'chair' : 'member';
      const label = role === 'chair' ? 'Bí thư, chủ trì' : m.status === 'full' ? 'Đảng viên chính thức' : 'Đảng viên dự bị';
      return { id: m.id, name: m.name, role, label };
    }),
    ...meeting.delegates.map((d) => ({ id: d.id, name: d.name, role: 'delegate' as const, label: `Đại biểu cấp trên — ${d.organization}` })),
  ];
  return Promise.all(
    people.map(async (p) => {
      const token = await tokens.sign({ meetingId: meeting.id, participantId: p.id, role: p.role });
      return { name: p.name, role: p.role, label: p.label, url: `${baseUrl}/?invite=${encodeURIComponent(token)}` };
    }),
  );
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function invitesPage(meeting: MeetingDefinition, invites: readonly Invite[]): string {
  const rows = invites
    .map(
      (i) =>
        `<li><a href="${escapeHtml(i.url)}" target="_blank" rel="noopener">${escapeHtml(i.name)}</a> <span>${escapeHtml(i.label)}</span>` +
        ` <a class="alt" href="${escapeHtml(i.url.replace('/?invite=', '/nghe-an?invite='))}" target="_blank" rel="noopener">giao diện Báo Nghệ An</a></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đường link mời — ${escapeHtml(meeting.title)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/portal.css"></head>
<body><main class="invites"><h1>Đường link mời / Invite links</h1>
<p>${escapeHtml(meeting.cell.name)} — ${escapeHtml(meeting.title)}. Mở mỗi đường link trong một thẻ để thử cuộc họp với nhiều người.
<br><span lang="en">Open each link in its own tab to try the meeting as several people.</span></p>
<ul>${rows}</ul></main></body></html>`;
}

/** The media layers the demo's pages can use: the built-in mesh (default), a Janus server, or none (the procedure alone). */
export const DEMO_MEDIA = ['mesh', 'janus', 'none'] as const;

/** Which media layer the demo's meeting pages use (`DEMO_MEDIA`, `DEMO_MEDIA_URL`). */
export interface DemoMedia {
  readonly name: (typeof DEMO_MEDIA)[number];
  /** The media server's WebSocket address (Janus). */
  readonly url?: string;
}

/**
 * Reads the demo's media choice from the environment: `DEMO_MEDIA` (mesh,
 * janus or none; mesh by default) and `DEMO_MEDIA_URL` (Janus's ws:// or
 * wss:// address). Throws a message a person can act on when they are wrong.
 */
export function demoMediaFrom(env: Readonly<Record<string, string | undefined>>): DemoMedia {
  const name = (env.DEMO_MEDIA ?? 'mesh').trim();
  if (!(DEMO_MEDIA as readonly string[]).includes(name)) throw new Error(`DEMO_MEDIA must be one of ${DEMO_MEDIA.join(', ')}, not "${name}"`);
  const url = env.DEMO_MEDIA_URL?.trim();
  if (name === 'janus') {
    if (!url) throw new Error('DEMO_MEDIA=janus needs DEMO_MEDIA_URL, the Janus WebSocket address (ws://host:8188)');
    let protocol = '';
    try {
      protocol = new URL(url).protocol;
    } catch {
      // Reported below.
    }
    if (protocol !== 'ws:' && protocol !== 'wss:') throw new Error(`DEMO_MEDIA_URL must be a ws:// or wss:// address, not "${url}"`);
    return { name, url };
  }
  return { name: name as DemoMedia['name'] };
}

/** The pages' security headers; the media server's address (its origin) is the one place besides the page's own a page may connect to. */
function securityHeaders(media: DemoMedia): Record<string, string> {
  const connect = media.url ? `'self' ${new URL(media.url).origin.replace(/^http/, 'ws')}` : "'self'";
  return {
    'content-security-policy': `default-src 'self'; img-src 'self' data:; connect-src ${connect}; object-src 'none'; base-uri 'none'; frame-ancestors 'self'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/** The meeting page with the room told which media layer to use. */
function withMedia(page: string, media: DemoMedia): string {
  if (media.name === 'mesh') return page;
  const attributes = ` media="${escapeHtml(media.name)}"${media.url ? ` media-url="${escapeHtml(media.url)}"` : ''}`;
  return page.replace('<party-meeting-room ', `<party-meeting-room${attributes} `);
}

/** The demo page as Báo Nghệ An would show it (styles in portal.css under `.theme-nghe-an`). */
function secondTheme(page: string): string {
  return page
    .replace('<body>', '<body class="theme-nghe-an">')
    .replace(/<title>[^<]*<\/title>/, '<title>Sinh hoạt chi bộ trực tuyến — Báo Nghệ An (bản demo giao diện thứ hai)</title>')
    .replace(/<p class="brand">.*?<\/p>/, '<p class="brand">BÁO NGHỆ AN <span>(bản demo, giao diện thứ hai)</span></p>');
}

/** The demo portal: the article page, its stylesheet, the element bundle and the invite list. */
export interface DemoSite {
  /** Answers a request for one of the demo's pages; false when it is not one. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Sets the invite list, once the server's address is known. */
  setInvites(invites: readonly Invite[]): void;
  /** Fills the upper-level console page (/cap-tren) with its token and ids, once the registry is seeded. */
  setConsole(console: DemoConsole): void;
}

/** The console page with its placeholders filled (every value escaped). */
function consolePage(page: string, seeded: DemoConsole | undefined): string {
  const values: Record<string, string> = seeded
    ? {
        TOKEN: seeded.token,
        UNIT: 'Đảng bộ VNPT Yên Bái',
        CELL: seeded.cellId,
        MEETING: seeded.assessedMeetingId,
        DELEGATE: seeded.delegateId,
        DELEGATE_NAME: seeded.delegateName,
        DELEGATE_ORG: seeded.delegateOrganization,
      }
    : { TOKEN: '', UNIT: 'Đảng bộ VNPT Yên Bái', CELL: '', MEETING: '', DELEGATE: '', DELEGATE_NAME: '', DELEGATE_ORG: '' };
  return page.replace(/\{\{(\w+)\}\}/g, (_, name: string) => escapeHtml(values[name] ?? ''));
}

/** Builds the demo portal (bundling the elements) before the server listens. */
export async function demoSite(meeting: MeetingDefinition, media: DemoMedia = { name: 'mesh' }): Promise<DemoSite> {
  const bundle = await build({
    entryPoints: [`${demoDir}main.ts`],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    target: 'es2022',
    logLevel: 'silent',
    // The demo uses the mesh; LiveKit's client stays out of its bundle.
    external: ['livekit-client'],
  });
  const page = withMedia(await readFile(`${demoDir}index.html`, 'utf8'), media);
  const headers = securityHeaders(media);
  const consoleHtml = await readFile(`${demoDir}cap-tren.html`, 'utf8');
  const files: Record<string, { type: string; body: string | Uint8Array }> = {
    '/': { type: 'text/html', body: page },
    // The same page in a second portal's look: only a class on <body> and the masthead differ.
    '/nghe-an': { type: 'text/html', body: secondTheme(page) },
    '/portal.css': { type: 'text/css', body: await readFile(`${demoDir}portal.css`, 'utf8') },
    '/demo.js': { type: 'text/javascript', body: bundle.outputFiles[0]!.contents },
    '/invites': { type: 'text/html', body: invitesPage(meeting, []) },
    '/cap-tren': { type: 'text/html', body: consolePage(consoleHtml, undefined) },
  };
  return {
    setInvites(invites) {
      files['/invites'] = { type: 'text/html', body: invitesPage(meeting, invites) };
    },
    setConsole(seeded) {
      files['/cap-tren'] = { type: 'text/html', body: consolePage(consoleHtml, seeded) };
    },
    handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const file = files[path];
      if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      res.writeHead(200, { 'content-type': `${file.type}; charset=utf-8`, 'cache-control': 'no-cache', ...headers });
      res.end(req.method === 'HEAD' ? undefined : file.body);
      return true;
    },
  };
}
