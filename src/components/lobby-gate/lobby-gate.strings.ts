import type { Strings } from '../shared/i18n.js';

/** The waiting room's own strings: Vietnamese (default) and English. */
export const STRINGS: Strings<
  | 'eyebrow'
  | 'wait.message'
  | 'wait.waited'
  | 'wait.hint'
  | 'wait.closed'
  | 'admitted.announce'
  | 'refused.verdict'
  | 'refused.reason'
  | 'refused.no-reason'
  | 'refused.next'
  | 'chair.title'
  | 'chair.no-lobby'
  | 'chair.waiting'
  | 'chair.empty'
  | 'chair.waited'
  | 'chair.actions'
  | 'chair.admit'
  | 'chair.refuse'
  | 'chair.admit-all'
  | 'refuse.label'
  | 'refuse.optional'
  | 'refuse.placeholder'
  | 'refuse.confirm'
  | 'refuse.cancel'
  | 'admitted.title'
  | 'admitted.empty'
  | 'admitted.at'
  | 'refused.title'
  | 'refused.readmit'
  | 'announce.arrived'
  | 'announce.admitted'
  | 'announce.admitted-all'
  | 'announce.refused'
> = {
  vi: {
    eyebrow: 'Phòng chờ',
    'wait.message': 'Đồng chí đang ở phòng chờ. Đồng chí chủ trì sẽ cho vào họp trong ít phút.',
    'wait.waited': 'Đã chờ',
    'wait.hint': 'Xin đồng chí giữ trang này mở, không cần bấm gì thêm.',
    'wait.closed': 'Cuộc họp đã bế mạc.',
    'admitted.announce': 'Đồng chí đã được vào cuộc họp.',
    'refused.verdict': 'Đồng chí chủ trì chưa cho đồng chí vào cuộc họp này.',
    'refused.reason': 'Lý do: {reason}',
    'refused.no-reason': 'Đồng chí chủ trì không ghi lý do.',
    'refused.next': 'Liên hệ đồng chí bí thư chi bộ để được hướng dẫn.',
    'chair.title': 'Phòng chờ',
    'chair.no-lobby': 'Cuộc họp này không dùng phòng chờ: ai có đường link mời đều vào họp ngay.',
    'chair.waiting': 'Đang chờ vào họp ({count})',
    'chair.empty': 'Chưa có ai đang chờ.',
    'chair.waited': 'Đã chờ',
    'chair.actions': 'Xét cho {name} vào họp',
    'chair.admit': 'Cho vào',
    'chair.refuse': 'Từ chối',
    'chair.admit-all': 'Cho tất cả vào ({count})',
    'refuse.label': 'Lý do từ chối {name}',
    'refuse.optional': '(không bắt buộc)',
    'refuse.placeholder': 'Ví dụ: không có giấy mời',
    'refuse.confirm': 'Xác nhận từ chối',
    'refuse.cancel': 'Hủy',
    'admitted.title': 'Đã vào họp ({count})',
    'admitted.empty': 'Chưa cho ai vào.',
    'admitted.at': 'vào lúc {time}',
    'refused.title': 'Đã từ chối ({count})',
    'refused.readmit': 'Cho vào',
    'announce.arrived': '{names} đang chờ vào họp.',
    'announce.admitted': 'Đã cho {name} vào họp.',
    'announce.admitted-all': 'Đã cho {count} người vào họp.',
    'announce.refused': 'Đã từ chối {name}.',
  },
  en: {
    eyebrow: 'Waiting room',
    'wait.message': 'You are in the waiting room. The chair will let you into the meeting in a few minutes.',
    'wait.waited': 'Waiting for',
    'wait.hint': 'Please keep this page open; there is nothing else to press.',
    'wait.closed': 'The meeting is closed.',
    'admitted.announce': 'You have been let into the meeting.',
    'refused.verdict': 'The chair has not let you into this meeting.',
    'refused.reason': 'Reason: {reason}',
    'refused.no-reason': 'The chair gave no reason.',
    'refused.next': 'Contact the secretary of your party cell for guidance.',
    'chair.title': 'Waiting room',
    'chair.no-lobby': 'This meeting has no waiting room: everyone with an invite link enters directly.',
    'chair.waiting': 'Waiting to enter ({count})',
    'chair.empty': 'Nobody is waiting.',
    'chair.waited': 'Waiting',
    'chair.actions': 'Let {name} in',
    'chair.admit': 'Let in',
    'chair.refuse': 'Turn away',
    'chair.admit-all': 'Let everyone in ({count})',
    'refuse.label': 'Reason for turning {name} away',
    'refuse.optional': '(optional)',
    'refuse.placeholder': 'e.g. not invited',
    'refuse.confirm': 'Turn away',
    'refuse.cancel': 'Cancel',
    'admitted.title': 'In the meeting ({count})',
    'admitted.empty': 'Nobody let in yet.',
    'admitted.at': 'at {time}',
    'refused.title': 'Turned away ({count})',
    'refused.readmit': 'Let in',
    'announce.arrived': '{names} waiting to enter.',
    'announce.admitted': '{name} let in.',
    'announce.admitted-all': '{count} people let in.',
    'announce.refused': '{name} turned away.',
  },
};
