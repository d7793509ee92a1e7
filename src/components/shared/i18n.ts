import { rejectionText } from '../../core/index.js';

/** User-facing strings, Vietnamese first (the default) and English. */
const vi = {
  'status.connecting': 'Đang kết nối…',
  'status.connected': 'Đã kết nối',
  'status.reconnecting': 'Mất kết nối — thử lại sau {seconds} giây',
  'status.failed': 'Không vào được cuộc họp',
  'status.closed': 'Đã rời cuộc họp',
  'status.queued': '{count} thao tác đang chờ gửi',
  'phase.scheduled': 'Chưa khai mạc',
  'phase.lobby': 'Phòng chờ',
  'phase.closing': 'Đang bế mạc',
  'phase.open': 'Đang họp',
  'phase.closed': 'Đã bế mạc',
  'role.chair': 'Chủ trì',
  'role.member': 'Đảng viên',
  'role.delegate': 'Đại biểu cấp trên',
  'role.guest': 'Khách mời',
  'role.technician': 'Kỹ thuật viên',
  'status.full': 'Chính thức',
  'status.probationary': 'Dự bị',
  'room.you': 'Bạn: {name} ({role})',
  'room.connected': 'Đang trực tuyến ({count})',
  'room.nobody': 'Chưa có ai trực tuyến.',
  'room.at-point': 'tại {point}',
  'room.open': 'Khai mạc cuộc họp',
  'room.shortcuts': 'Các phần của cuộc họp',
  'room.fullscreen': 'Chiếu toàn màn hình',
  'room.section-speakers': 'Phát biểu',
  'room.section-agenda': 'Chương trình',
  'room.section-minutes': 'Biên bản',
  'room.section-votes': 'Biểu quyết',
  'room.section-documents': 'Tài liệu',
  'room.waiting': 'Cuộc họp chưa khai mạc. Xin đồng chí giữ trang này mở, chờ đồng chí chủ trì khai mạc.',
  'room.close': 'Bế mạc cuộc họp',
  'room.close-confirm': 'Bế mạc cuộc họp? Sau khi bế mạc sẽ không điểm danh được nữa.',
  'room.close-yes': 'Bế mạc',
  'room.close-no': 'Chưa, quay lại',
  'room.no-invite': 'Bạn cần đường link mời để vào cuộc họp. Hãy mở đường link trong tin nhắn hoặc thư mời của chi bộ.',
  'room.loading': 'Đang tải cuộc họp…',
  'roll.title': 'Điểm danh',
  'roll.total': 'Tổng số đảng viên',
  'roll.full': 'Chính thức',
  'roll.probationary': 'Dự bị',
  'roll.present': 'Có mặt',
  'roll.present-online': 'Có mặt trực tuyến',
  'roll.present-in-person': 'Có mặt tại điểm cầu',
  'roll.attached-here': 'Sinh hoạt tạm thời',
  'roll.exempt-members': 'Miễn sinh hoạt',
  'roll.flag-exempt': 'Miễn sinh hoạt',
  'roll.flag-attached-here': 'Sinh hoạt tạm thời',
  'roll.flag-attached-elsewhere': 'Sinh hoạt tạm thời nơi khác',
  'roll.flag-suspended': 'Đình chỉ sinh hoạt',
  'roll.reason-accepted': 'Lý do được chấp nhận',
  'roll.reason-not-accepted': 'lý do không được chấp nhận',
  'roll.exempt': 'Miễn sinh hoạt',
  'roll.absent-with-reason': 'Vắng có lý do',
  'roll.absent-without-reason': 'Vắng không lý do',
  'roll.unmarked': 'Chưa điểm danh',
  'roll.online': 'Đang trực tuyến',
  'roll.offline': 'Không trực tuyến',
  'roll.reason': 'Lý do vắng của {name}',
  'roll.reason-placeholder': 'Ví dụ: ốm, đi công tác',
  'roll.save-reason': 'Lưu lý do',
  'roll.reason-required': 'Hãy ghi lý do vắng (tối đa 200 ký tự).',
  'roll.cancel': 'Hủy',
  'roll.not-open': 'Chủ trì điểm danh sau khi khai mạc cuộc họp.',
  'roll.marks-for': 'Điểm danh {name}',
  'error.other': 'Có lỗi xảy ra: {message}',
} as const;

/** A key of the message table. */
export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'status.connecting': 'Connecting…',
  'status.connected': 'Connected',
  'status.reconnecting': 'Connection lost — retrying in {seconds} s',
  'status.failed': 'Could not enter the meeting',
  'status.closed': 'Left the meeting',
  'status.queued': '{count} action(s) waiting to be sent',
  'phase.scheduled': 'Not opened yet',
  'phase.lobby': 'Waiting room',
  'phase.closing': 'Closing',
  'phase.open': 'In session',
  'phase.closed': 'Closed',
  'role.chair': 'Chair',
  'role.member': 'Member',
  'role.delegate': 'Upper-level delegate',
  'role.guest': 'Guest',
  'role.technician': 'Technician',
  'status.full': 'Full member',
  'status.probationary': 'Probationary',
  'room.you': 'You: {name} ({role})',
  'room.connected': 'Online now ({count})',
  'room.nobody': 'Nobody is online yet.',
  'room.at-point': 'at {point}',
  'room.open': 'Open the meeting',
  'room.shortcuts': 'Parts of the meeting',
  'room.fullscreen': 'Full screen',
  'room.section-speakers': 'Speakers',
  'room.section-agenda': 'Program',
  'room.section-minutes': 'Minutes',
  'room.section-votes': 'Votes',
  'room.section-documents': 'Documents',
  'room.waiting': 'The meeting has not been opened yet. Keep this page open; the chair will open it.',
  'room.close': 'Close the meeting',
  'room.close-confirm': 'Close the meeting? The roll cannot be changed after that.',
  'room.close-yes': 'Close',
  'room.close-no': 'Not yet, go back',
  'room.no-invite': 'You need an invite link to enter the meeting. Open the link from your cell’s message or e-mail.',
  'room.loading': 'Loading the meeting…',
  'roll.title': 'Roll call',
  'roll.total': 'Members in total',
  'roll.full': 'Full members',
  'roll.probationary': 'Probationary',
  'roll.present': 'Present',
  'roll.present-online': 'Present online',
  'roll.present-in-person': 'Present in the room',
  'roll.attached-here': 'Temporarily attached',
  'roll.exempt-members': 'Exempt',
  'roll.flag-exempt': 'Exempt from meetings',
  'roll.flag-attached-here': 'Temporarily attached here',
  'roll.flag-attached-elsewhere': 'Attached elsewhere',
  'roll.flag-suspended': 'Suspended',
  'roll.reason-accepted': 'Reason accepted',
  'roll.reason-not-accepted': 'reason not accepted',
  'roll.exempt': 'Exempt',
  'roll.absent-with-reason': 'Absent with reason',
  'roll.absent-without-reason': 'Absent without reason',
  'roll.unmarked': 'Not marked yet',
  'roll.online': 'Online',
  'roll.offline': 'Offline',
  'roll.reason': 'Reason {name} is absent',
  'roll.reason-placeholder': 'e.g. ill, on a work trip',
  'roll.save-reason': 'Save reason',
  'roll.reason-required': 'Please write the reason for the absence (at most 200 characters).',
  'roll.cancel': 'Cancel',
  'roll.not-open': 'The chair takes the roll once the meeting is open.',
  'roll.marks-for': 'Roll call for {name}',
  'error.other': 'Something went wrong: {message}',
};

/** Supported languages; anything else falls back to Vietnamese. */
export type Lang = 'vi' | 'en';

const tables: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** An element's own strings, in both languages, keyed alike. */
export interface Strings<K extends string> {
  readonly vi: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

/** Looks up one of an element's own strings and fills its `{placeholders}`. */
export function localize<K extends string>(strings: Strings<K>, lang: Lang, key: K, params: Record<string, string | number> = {}): string {
  return strings[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Normalizes a BCP 47 tag ("en-GB", "vi-VN", "") to a supported language. */
export function toLang(tag: string | undefined | null): Lang {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/** Looks up a shared message and fills its `{placeholders}`. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return localize(tables, lang, key, params);
}

/** The message for a rejection code (from the core's table), or a generic one that quotes the server's message. */
export function rejectionMessage(lang: Lang, code: string, message: string): string {
  return rejectionText(code, lang) ?? translate(lang, 'error.other', { message });
}
