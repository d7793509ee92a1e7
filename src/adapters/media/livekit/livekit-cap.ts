import type { Room } from 'livekit-client';
import { cappedBitrates, videoCapBps } from './livekit-map.js';

/**
 * The member's bandwidth cap on their LiveKit video senders (camera and
 * screen): each encoding's `maxBitrate` is capped, and LiveKit's own values
 * (its simulcast ladder, saved before the first cap) are given back when the
 * cap lifts.
 */
export class BitrateCap {
  /** LiveKit's own `maxBitrate` of each encoding of a capped sender. */
  private readonly own = new WeakMap<RTCRtpSender, (number | undefined)[]>();

  /** Caps (or gives back) every encoding of the local video senders; a failed `setParameters` goes to `note`. */
  async apply(room: Room, capKbps: number | undefined, note: (error: unknown) => void): Promise<void> {
    const cap = videoCapBps(capKbps);
    for (const publication of room.localParticipant.videoTrackPublications.values()) {
      const sender = publication.track?.sender;
      const params = sender?.getParameters();
      if (!sender || !params?.encodings?.length) continue;
      const current = params.encodings.map((e) => e.maxBitrate);
      let own = this.own.get(sender);
      if (cap === undefined && !own) continue;
      if (!own || own.length !== current.length) own = current;
      // A value that is not what the cap made of LiveKit's is LiveKit's own again (it restarted the camera).
      else if (cap !== undefined) own = own.map((b, i) => (current[i] === Math.min(b ?? Infinity, cap) ? b : current[i]));
      const target = cappedBitrates(own, cap);
      if (cap === undefined) this.own.delete(sender);
      else this.own.set(sender, own);
      if (target.every((b, i) => b === current[i])) continue;
      params.encodings.forEach((encoding, i) => {
        if (target[i] === undefined) delete encoding.maxBitrate;
        else encoding.maxBitrate = target[i];
      });
      await sender.setParameters(params).catch(note);
    }
  }
}
