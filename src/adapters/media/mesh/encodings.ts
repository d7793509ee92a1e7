/**
 * What a mesh link does to its senders' encodings and codecs, through the
 * standard RTCRtpSender and RTCRtpTransceiver APIs; a failure is logged, never
 * thrown (the next `apply` tries again).
 */

/** Puts `track` on a sender unless it is there already (no renegotiation: the transceiver stays). */
export function setTrack(sender: RTCRtpSender, track: MediaStreamTrack | null): void {
  if (sender.track === track) return;
  sender.replaceTrack(track).catch((error: unknown) => console.debug('mesh: replaceTrack failed', error));
}

/** Caps a video sender's bitrate and scales its resolution down (`RTCRtpSender.setParameters`, encodings[0]). */
export function tuneEncoding(sender: RTCRtpSender, bitrate: number | undefined, scale: number): void {
  const parameters = sender.getParameters();
  const encoding = parameters.encodings?.[0];
  if (!encoding || (encoding.maxBitrate === bitrate && (encoding.scaleResolutionDownBy ?? 1) === scale)) return;
  if (bitrate === undefined) delete encoding.maxBitrate;
  else encoding.maxBitrate = bitrate;
  encoding.scaleResolutionDownBy = scale;
  sender.setParameters(parameters).catch((error: unknown) => console.debug('mesh: setParameters failed', error));
}

/**
 * Video codecs offered: VP8 (every browser, cheap in software; TOOLCHAIN.md
 * measured the mesh with it) and H.264 Constrained Baseline with
 * packetization mode 1 (RFC 7742 makes it mandatory to implement; phones
 * have it in hardware), with retransmission and error correction. Dropping
 * the rest (VP9, AV1, H.265, the other H.264 profiles) takes Chromium 156's
 * offer of three m-lines from ~9.9 kB to ~5.5 kB as relayed, well inside the
 * meeting server's 16 KiB message limit.
 */
const OFFERED_VIDEO = new Set(['video/vp8', 'video/h264', 'video/rtx', 'video/red', 'video/ulpfec']);

const offered = (codec: RTCRtpCodec) => {
  const mime = codec.mimeType.toLowerCase();
  if (mime !== 'video/h264') return OFFERED_VIDEO.has(mime);
  const fmtp = codec.sdpFmtpLine ?? '';
  return /profile-level-id=42e01f/i.test(fmtp) && /packetization-mode=1/.test(fmtp);
};

/** Offers only `OFFERED_VIDEO` on a video transceiver, when the browser lets the page choose. */
export function preferCodecs(transceiver: RTCRtpTransceiver): void {
  const capabilities = globalThis.RTCRtpReceiver?.getCapabilities?.('video');
  if (!capabilities || typeof transceiver.setCodecPreferences !== 'function') return;
  const codecs = capabilities.codecs.filter(offered);
  try {
    if (codecs.some((codec) => codec.mimeType.toLowerCase() === 'video/vp8')) transceiver.setCodecPreferences(codecs);
  } catch (error) {
    console.debug('mesh: setCodecPreferences failed', error);
  }
}
