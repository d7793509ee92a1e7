import type { Strings } from '../shared/i18n.js';

/** The room's own strings about the meeting's video and sound: Vietnamese (default) and English. */
export const MEDIA_STRINGS: Strings<'unavailable' | 'unknown' | 'no-url' | 'procedure'> = {
  vi: {
    unavailable: 'Phần hình và tiếng “{name}” chưa dùng được trên trang này.',
    unknown: 'Trang này đặt phần hình và tiếng “{name}”, là tên không có. Hãy báo cho người quản trị trang.',
    'no-url': 'Trang này chưa ghi địa chỉ máy chủ hình và tiếng (“{name}” cần media-url). Hãy báo cho người quản trị trang.',
    procedure: 'Cuộc họp vẫn tiếp tục: đồng chí vẫn điểm danh, giơ tay phát biểu, biểu quyết và xem biên bản ở phần dưới.',
  },
  en: {
    unavailable: 'The “{name}” video and sound is not available on this page.',
    unknown: 'This page asks for a video and sound layer called “{name}”, which does not exist. Please tell the site’s administrator.',
    'no-url': 'This page does not give the video and sound server’s address (“{name}” needs media-url). Please tell the site’s administrator.',
    procedure: 'The meeting goes on: you can still answer the roll, raise your hand, vote and read the minutes below.',
  },
};
