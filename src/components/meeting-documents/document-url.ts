/** Which document addresses the element links to or frames, and how. */
import { isDocumentUrl } from '../../core/index.js';

/** A document address the element may open: resolved, and whether it is on the page's own origin. */
export interface OpenableUrl {
  /** The absolute address, as the browser resolved it. */
  readonly href: string;
  readonly sameOrigin: boolean;
  /**
   * Whether it names a PDF file. Chromium refuses to show a PDF in any
   * sandboxed frame ("This page has been blocked"), and phone browsers show
   * none in a frame at all, so a PDF is opened in a new tab instead.
   */
  readonly pdf: boolean;
}

/**
 * The address if it may be linked and framed, else undefined. The core accepts
 * only `https://…` or a portal path `/…` when a document is posted, but a
 * definition's documents were never decided, so nothing else is linked here
 * either (a `javascript:` or `data:` address would run in the portal's page).
 * The browser's own parser has the last word: it reads "/\host" and "/<tab>/host"
 * as "//host", which would leave the portal while looking like a path.
 */
export function openableUrl(url: string | undefined, base: string = location.href): OpenableUrl | undefined {
  // The core's rule first (the one the server applies to posted documents), then the browser's parser.
  if (!url || !isDocumentUrl(url)) return undefined;
  const isHttps = url.startsWith('https://');
  const isPath = !isHttps;
  let resolved: URL;
  let page: URL;
  try {
    resolved = new URL(url, base);
    page = new URL(base);
  } catch {
    return undefined;
  }
  const sameOrigin = resolved.origin === page.origin;
  if (isPath && !sameOrigin) return undefined;
  if (isHttps && resolved.protocol !== 'https:') return undefined;
  return { href: resolved.href, sameOrigin, pdf: /\.pdf$/i.test(resolved.pathname) };
}

/**
 * The iframe's `sandbox` tokens. A page of the portal itself runs without its
 * origin (no `allow-same-origin`), so its scripts cannot reach the meeting
 * page; another site keeps its own origin, which cannot reach ours anyway, so
 * that viewers needing their cookies still work. Neither may navigate the top
 * page; links may open new tabs, and files may be downloaded.
 */
export function sandboxFor(url: OpenableUrl): string {
  const common = 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads';
  return url.sameOrigin ? common : `${common} allow-same-origin`;
}
