import type { MeetingDefinition } from '../../src/core/index.js';

/** A small cell for tests: a chair, two full members, one probationary member, one delegate. */
export const testMeeting: MeetingDefinition = {
  id: 'test-meeting',
  title: 'Sinh hoạt chi bộ tháng 11',
  cell: {
    id: 'test-cell',
    name: 'Chi bộ Thử nghiệm',
    members: [
      { id: 'chair', name: 'Bí thư', status: 'full' },
      { id: 'full-a', name: 'Đảng viên A', status: 'full' },
      { id: 'full-b', name: 'Đảng viên B', status: 'full' },
      { id: 'prob', name: 'Đảng viên dự bị', status: 'probationary' },
    ],
  },
  chairId: 'chair',
  delegates: [{ id: 'delegate', name: 'Đại biểu', organization: 'Đảng ủy Khối' }],
  scheduledAt: '2026-11-23T08:00:00.000Z',
};

export const T0 = '2026-11-23T08:00:00.000Z';
