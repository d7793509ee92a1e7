import { expect } from '@open-wc/testing';
import { serverHttpUrl } from '../../src/components/party-meeting-room/party-meeting-room.js';

/** The page the room is on, for addresses relative to it. */
const page = { href: 'https://baonghean.vn/tin/sinh-hoat-chi-bo' } as Location;

describe('the meeting server’s address for a request (the LiveKit token)', () => {
  const table: [string, string][] = [
    ['', 'https://baonghean.vn/media/livekit-token'],
    ['wss://meet.example.vn/ws', 'https://meet.example.vn/media/livekit-token'],
    ['ws://127.0.0.1:8080/ws', 'http://127.0.0.1:8080/media/livekit-token'],
    ['https://meet.example.vn', 'https://meet.example.vn/media/livekit-token'],
    ['wss://portal.example.vn/hop/ws', 'https://portal.example.vn/hop/media/livekit-token'],
    ['https://portal.example.vn/hop/', 'https://portal.example.vn/hop/media/livekit-token'],
  ];
  for (const [server, expected] of table) {
    it(`server="${server}" → ${expected}`, () => {
      expect(serverHttpUrl(server, '/media/livekit-token', page)).to.equal(expected);
    });
  }
});
