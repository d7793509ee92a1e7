/**
 * What the user agent says about where the page is open: inside a chat or
 * social app (whose built-in browser often cannot use the camera and
 * microphone), and on which kind of phone (to give the right steps).
 */

/** An app whose built-in browser opened the link. */
export type InAppBrowser = 'zalo' | 'messenger' | 'facebook' | 'instagram' | 'line';

/** The phone or computer, as far as it matters for the steps we give. */
export type Platform = 'ios' | 'android' | 'other';

// Messenger before Facebook: Messenger's UA also carries FBAN/FBAV ("FBAN/MessengerForiOS", Android "FB_IAB/Orca-Android").
const IN_APP: ReadonlyArray<readonly [InAppBrowser, RegExp]> = [
  ['zalo', /\bZalo/i],
  ['messenger', /Messenger|Orca-Android/i],
  ['facebook', /\bFBAN\/|\bFBAV\/|\bFB_IAB\//],
  ['instagram', /\bInstagram\b/i],
  ['line', /\bLine\/\d/i],
];

/** The in-app browser named by a user agent, if any. */
export function inAppBrowser(userAgent: string): InAppBrowser | undefined {
  return IN_APP.find(([, pattern]) => pattern.test(userAgent))?.[0];
}

/** The app's name as people know it. */
export const APP_NAMES: Readonly<Record<InAppBrowser, string>> = {
  zalo: 'Zalo',
  messenger: 'Messenger',
  facebook: 'Facebook',
  instagram: 'Instagram',
  line: 'LINE',
};

/** iPhone or iPad, Android, or anything else. */
export function platformOf(userAgent: string): Platform {
  if (/iPhone|iPad|iPod/.test(userAgent)) return 'ios';
  if (/Android/.test(userAgent)) return 'android';
  return 'other';
}
