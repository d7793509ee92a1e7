import type { Strings } from '../shared/i18n.js';

/** The documents list's own strings: Vietnamese (default) and English. */
export const STRINGS: Strings<
  | 'title'
  | 'empty'
  | 'posted'
  | 'deadline'
  | 'badge.on-time'
  | 'badge.late'
  | 'view'
  | 'hide'
  | 'view.which'
  | 'open-pdf'
  | 'viewer.frame'
  | 'viewer.hint'
  | 'viewer.new-tab'
  | 'no-url'
  | 'unsafe-url'
  | 'form.title'
  | 'form.doc-title'
  | 'form.doc-title-hint'
  | 'form.url'
  | 'form.url-hint'
  | 'form.submit'
  | 'error.title'
  | 'error.url'
  | 'announce.posted'
  | 'announce.new'
> = {
  vi: {
    title: 'Tài liệu cuộc họp',
    empty: 'Chưa có tài liệu nào.',
    posted: 'đăng lúc {time} ngày {date}',
    deadline: 'Hạn đăng tài liệu: {time} ngày {date}.',
    'badge.on-time': 'Đúng hạn',
    'badge.late': 'Đăng muộn',
    view: 'Xem',
    hide: 'Đóng',
    'view.which': 'tài liệu “{title}”',
    'open-pdf': 'Mở tệp PDF trong thẻ mới',
    'viewer.frame': 'Nội dung tài liệu “{title}”',
    'viewer.hint': 'Nếu tài liệu không hiện ra bên dưới, xin bấm “Mở trong thẻ mới”.',
    'viewer.new-tab': 'Mở trong thẻ mới',
    'no-url': 'Tài liệu này không có đường dẫn để xem trên mạng.',
    'unsafe-url': 'Địa chỉ của tài liệu này không an toàn nên không mở ở đây.',
    'form.title': 'Đăng tài liệu',
    'form.doc-title': 'Tên tài liệu',
    'form.doc-title-hint': 'Ví dụ: Dự thảo nghị quyết tháng 11',
    'form.url': 'Địa chỉ tài liệu',
    'form.url-hint': 'Bắt đầu bằng https:// hoặc bằng / (trang trên cổng thông tin). Để trống nếu tài liệu chỉ gửi qua Sổ tay đảng viên điện tử.',
    'form.submit': 'Đăng tài liệu',
    'error.title': 'Hãy ghi tên tài liệu (tối đa 300 ký tự).',
    'error.url': 'Địa chỉ tài liệu phải bắt đầu bằng https:// hoặc bằng / (trang trên cổng thông tin).',
    'announce.posted': 'Đã đăng tài liệu “{title}” ({status}).',
    'announce.new': 'Có tài liệu mới: “{title}” ({status}).',
  },
  en: {
    title: 'Meeting documents',
    empty: 'No documents yet.',
    posted: 'posted on {date} at {time} (Vietnam time)',
    deadline: 'Deadline for documents: {date} at {time} (Vietnam time).',
    'badge.on-time': 'On time',
    'badge.late': 'Posted late',
    view: 'View',
    hide: 'Close',
    'view.which': 'the document “{title}”',
    'open-pdf': 'Open the PDF in a new tab',
    'viewer.frame': 'The document “{title}”',
    'viewer.hint': 'If the document does not show below, use “Open in a new tab”.',
    'viewer.new-tab': 'Open in a new tab',
    'no-url': 'This document has no web address to read it at.',
    'unsafe-url': 'This document’s address is not safe, so it is not opened here.',
    'form.title': 'Post a document',
    'form.doc-title': 'Title of the document',
    'form.doc-title-hint': 'e.g. Draft resolution for November',
    'form.url': 'Address of the document',
    'form.url-hint': 'Starting with https:// or with / (a page on the portal). Leave it empty if the document was sent only through the party-member handbook app.',
    'form.submit': 'Post the document',
    'error.title': 'Please write the title of the document (at most 300 characters).',
    'error.url': 'The address must start with https:// or with / (a page on the portal).',
    'announce.posted': 'Posted “{title}” ({status}).',
    'announce.new': 'New document: “{title}” ({status}).',
  },
};
