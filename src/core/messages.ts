import type { RejectionCode } from './commands.js';

/** A user-facing text in both languages. */
export interface Localized {
  readonly vi: string;
  readonly en: string;
}

/** What to tell a person whose command was refused, by stable code. */
export const REJECTION_TEXT: Readonly<Record<RejectionCode, Localized>> = {
  'not-allowed': { vi: 'Bạn không có quyền làm việc này.', en: 'You may not do this.' },
  'wrong-phase': { vi: 'Việc này không làm được ở giai đoạn hiện tại của cuộc họp.', en: 'This cannot be done at this stage of the meeting.' },
  'unknown-member': { vi: 'Người này không có trong danh sách chi bộ.', en: 'This person is not on the cell’s roster.' },
  'unknown-participant': { vi: 'Người này không tham dự cuộc họp.', en: 'This person is not a participant of the meeting.' },
  'reason-required': { vi: 'Hãy ghi lý do (tối đa 200 ký tự).', en: 'Please write the reason (at most 200 characters).' },
  'not-exempt': { vi: 'Đảng viên này không thuộc diện miễn sinh hoạt.', en: 'This member is not exempt from meetings.' },
  'unknown-bridge-point': { vi: 'Không có điểm cầu này.', en: 'There is no such bridge point.' },
  'mode-mismatch': {
    vi: 'Hình thức họp không có cách tham dự này (trực tuyến hoàn toàn không có điểm cầu trực tiếp, và ngược lại).',
    en: 'This meeting’s form has no such attendance (a fully online meeting has no room, and the reverse).',
  },
  'already-joined': { vi: 'Bạn đã vào cuộc họp rồi.', en: 'You have joined already.' },
  'delegate-joined': {
    vi: 'Đại biểu đã vào phòng họp; việc dự họp của đồng chí đã được ghi lại nên không thể bỏ phân công.',
    en: 'The delegate has joined the meeting; their attendance is on the record, so the assignment cannot be withdrawn.',
  },
  'not-joined': { vi: 'Bạn chưa vào cuộc họp.', en: 'You have not joined.' },
  'not-present': { vi: 'Chỉ đảng viên đã được điểm danh có mặt mới làm được việc này.', en: 'Only members marked present can do this.' },
  'not-admitted': { vi: 'Xin chờ đồng chí chủ trì cho vào cuộc họp.', en: 'Please wait until the chair admits you.' },
  'no-lobby': { vi: 'Cuộc họp này không dùng phòng chờ.', en: 'This meeting has no waiting room.' },
  'unknown-agenda-item': { vi: 'Không có mục này trong chương trình.', en: 'There is no such item in the program.' },
  'agenda-item-not-pending': { vi: 'Mục này đã bắt đầu hoặc đã bỏ qua.', en: 'This item has begun already or was skipped.' },
  'no-running-item': { vi: 'Chưa có mục nào của chương trình đang diễn ra.', en: 'No item of the program is under way.' },
  'duplicate-id': { vi: 'Mục này đã có rồi.', en: 'This already exists.' },
  'invalid-value': { vi: 'Giá trị không hợp lệ.', en: 'The value is not valid.' },
  'hand-already-raised': { vi: 'Bạn đã giơ tay rồi.', en: 'Your hand is already raised.' },
  'hand-not-raised': { vi: 'Chưa giơ tay.', en: 'No hand is raised.' },
  'no-floor': { vi: 'Chưa ai được phát biểu.', en: 'Nobody has the floor.' },
  'unknown-motion': { vi: 'Không có nội dung biểu quyết này.', en: 'There is no such motion.' },
  'wrong-vote-status': { vi: 'Cuộc biểu quyết không ở trạng thái cho phép việc này.', en: 'The vote is not in a state that allows this.' },
  'vote-in-progress': { vi: 'Đang có một cuộc biểu quyết chưa kết thúc.', en: 'A vote is still open.' },
  'not-eligible': {
    vi: 'Bạn không thuộc diện biểu quyết (chỉ đảng viên chính thức biểu quyết; Điều lệ Đảng, Điều 3).',
    en: 'You do not vote (only full members vote; Party Statute, Article 3).',
  },
  'already-voted': { vi: 'Bạn đã biểu quyết rồi.', en: 'You have voted already.' },
  'vote-at-bridge-point': { vi: 'Đảng viên có mặt tại điểm cầu biểu quyết cùng điểm cầu.', en: 'Members present in a room vote with their bridge point.' },
  'threshold-too-low': {
    vi: 'Kết nạp và công nhận đảng viên chính thức cần ít nhất hai phần ba đảng viên chính thức tán thành (Hướng dẫn 06-HD/TW, 3.6b).',
    en: 'Admission and confirmation need at least two thirds of full members in favour (Guide 06-HD/TW, 3.6b).',
  },
  'secret-not-changeable': { vi: 'Phiếu kín không thể sửa sau khi bỏ.', en: 'A secret ballot cannot be changed once cast.' },
  'content-not-allowed-online': {
    vi: 'Nội dung này không được biểu quyết trong cuộc họp trực tuyến hoàn toàn (Hướng dẫn 03-HD/TW).',
    en: 'This may not be decided in a fully online meeting (Guide 03-HD/TW).',
  },
  'no-eligible-voters': { vi: 'Không có đảng viên chính thức nào được tính để biểu quyết.', en: 'No full member counts towards this vote.' },
  'paper-tally-too-large': { vi: 'Số phiếu vượt quá số đảng viên có quyền biểu quyết có mặt tại điểm cầu.', en: 'More ballots than eligible members present in that room.' },
  'paper-tally-unapproved': { vi: 'Chủ trì cần xác nhận kết quả kiểm phiếu của các điểm cầu trước.', en: 'The chair must sign off every room’s paper totals first.' },
  'minutes-locked': { vi: 'Biên bản đã được thông qua và khóa; chỉ có thể thêm phụ lục.', en: 'The minutes were adopted and are locked; only an annex can be added.' },
  'minutes-not-adopted': { vi: 'Biên bản chưa được thông qua; hãy thêm ghi chép.', en: 'The minutes are not adopted yet; add a note instead.' },
  'invalid-message': { vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' },
  'rate-limited': { vi: 'Gửi quá nhanh; xin chờ một chút rồi thử lại.', en: 'Too many requests at once; wait a moment and try again.' },
  'too-many-connections': {
    vi: 'Đồng chí đã mở cuộc họp ở quá nhiều cửa sổ hoặc thiết bị. Hãy đóng bớt rồi tải lại trang.',
    en: 'You have the meeting open in too many windows or devices. Close some, then reload this page.',
  },
  'invalid-token': { vi: 'Đường link mời không hợp lệ. Hãy xin chi bộ gửi lại đường link.', en: 'The invite link is not valid. Ask your cell to send it again.' },
  'token-expired': { vi: 'Đường link mời đã hết hạn. Hãy xin chi bộ gửi đường link mới.', en: 'The invite link has expired. Ask your cell for a new one.' },
  'invite-revoked': {
    vi: 'Đường link mời này đã bị thu hồi. Nếu cần tham dự, hãy xin chi bộ gửi đường link mới.',
    en: 'This invite link was revoked. To attend, ask your cell for a new one.',
  },
  'unknown-meeting': { vi: 'Không tìm thấy cuộc họp này trên máy chủ.', en: 'This meeting was not found on the server.' },
  'server-error': { vi: 'Máy chủ gặp lỗi; xin thử lại.', en: 'The server had a problem; please try again.' },
};

/** The text for a rejection code in a language, or undefined for a code this version does not know. */
export function rejectionText(code: string, lang: 'vi' | 'en'): string | undefined {
  return (REJECTION_TEXT as Record<string, Localized>)[code]?.[lang];
}
