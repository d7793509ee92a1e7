/**
 * The REST API's refusals as typed errors, with what a person reads in
 * Vietnamese and English. Browser-safe: no Node API.
 */
import type { Localized } from '../core/messages.js';
import type { ApiErrorBody, SchedulingReason } from './api-types.js';

/**
 * A refusal's code: the server's stable `code` (docs/openapi.json, Error), or
 * one the client gives itself: `network` (no answer at all), `bad-response`
 * (an answer that is not the API's JSON, e.g. a proxy's error page).
 */
export type ApiFailureCode = string;

const TEXT: Readonly<Record<string, Localized>> = {
  network: {
    vi: 'Không kết nối được máy chủ. Xin kiểm tra mạng rồi thử lại.',
    en: 'The server could not be reached. Check the connection and try again.',
  },
  'bad-response': {
    vi: 'Máy chủ trả lời không đúng dạng. Xin thử lại sau ít phút.',
    en: 'The server gave an answer that could not be read. Try again in a few minutes.',
  },
  unauthorized: {
    vi: 'Phiên làm việc không hợp lệ. Xin đăng nhập lại cổng thông tin.',
    en: 'Your session is not valid. Sign in to the portal again.',
  },
  'token-expired': {
    vi: 'Phiên làm việc đã hết hạn. Xin đăng nhập lại cổng thông tin rồi mở lại trang này.',
    en: 'Your session has expired. Sign in to the portal again, then reopen this page.',
  },
  forbidden: {
    vi: 'Tài khoản của đồng chí không được xem đơn vị này (không thuộc đơn vị mình phụ trách).',
    en: 'Your account may not see this unit (it is not one of your units).',
  },
  'not-found': { vi: 'Không tìm thấy nội dung yêu cầu.', en: 'What was asked for was not found.' },
  'invalid-body': { vi: 'Thông tin nhập chưa đúng: {field}.', en: 'Something entered is not right: {field}.' },
  'invalid-query': { vi: 'Bộ lọc chưa đúng: {field}.', en: 'A filter is not right: {field}.' },
  'scheduling-refused': {
    vi: 'Không đăng ký được cuộc họp theo quy định.',
    en: 'The meeting cannot be registered under the rules.',
  },
  'meeting-exists': { vi: 'Cuộc họp này đã được đăng ký.', en: 'This meeting is registered already.' },
  'roster-empty': {
    vi: 'Chi bộ chưa có danh sách đảng viên. Xin nhập danh sách trước.',
    en: 'The cell has no roster yet. Import one first.',
  },
  'meeting-not-closed': {
    vi: 'Cuộc họp chưa bế mạc: nhận xét, đánh giá sau khi bế mạc.',
    en: 'The meeting is not closed yet: the assessment is given after it closes.',
  },
  'meeting-closed': {
    vi: 'Cuộc họp đã bế mạc nên không phân công đại biểu được nữa.',
    en: 'The meeting is closed, so delegates can no longer be assigned.',
  },
  'meeting-open': {
    vi: 'Cuộc họp đã khai mạc nên không bỏ phân công đại biểu được nữa.',
    en: 'The meeting has opened, so a delegate can no longer be withdrawn.',
  },
  'delegate-joined': {
    vi: 'Đại biểu đã vào phòng họp; việc dự họp đã được ghi lại nên không bỏ phân công được.',
    en: 'The delegate has joined the meeting; their attendance is on the record, so they cannot be withdrawn.',
  },
  'meeting-served-elsewhere': {
    vi: 'Cuộc họp đang chạy trên máy chủ khác. Xin thử lại sau giây lát.',
    en: 'The meeting runs on another server now. Try again in a moment.',
  },
  'payload-too-large': { vi: 'Nội dung gửi quá dài.', en: 'What was sent is too long.' },
  'not-ready': { vi: 'Máy chủ đang khởi động. Xin thử lại sau giây lát.', en: 'The server is starting. Try again in a moment.' },
  'server-error': {
    vi: 'Máy chủ gặp lỗi khi xử lý. Xin thử lại; nếu vẫn lỗi, xin báo bộ phận kỹ thuật.',
    en: 'The server failed to handle this. Try again; if it keeps failing, tell the technical staff.',
  },
};

const OTHER: Localized = { vi: 'Có lỗi xảy ra ({code}).', en: 'Something went wrong ({code}).' };

/** A request the API refused, or one that got no usable answer. */
export class ApiRequestError extends Error {
  constructor(
    /** HTTP status; 0 when there was no answer. */
    readonly status: number,
    readonly code: ApiFailureCode,
    message: string,
    /** The API's JSON error body, when there was one. */
    readonly body?: ApiErrorBody,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  /** The field at fault (`documents.0.postedAt`), for 400 answers. */
  get field(): string | undefined {
    return this.body?.field;
  }

  /** The scheduling checks that refused, in words naming the rule (422 `scheduling-refused`). */
  get reasons(): readonly SchedulingReason[] {
    return this.body?.reasons ?? [];
  }

  /** Whether signing in again would help: no token, a bad one, or an expired one. */
  get needsSignIn(): boolean {
    return this.status === 401;
  }

  /** What a person reads, in `lang`. */
  text(lang: 'vi' | 'en'): string {
    const entry = TEXT[this.code] ?? OTHER;
    return entry[lang].replace('{field}', this.field ?? '').replace('{code}', this.code);
  }
}
