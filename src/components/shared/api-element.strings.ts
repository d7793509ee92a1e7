import type { Strings } from './i18n.js';

/** Strings every console element shares: loading, and a failed request. */
export const API_STRINGS: Strings<'loading' | 'retry' | 'sign-in' | 'no-api'> = {
  vi: {
    loading: 'Đang tải…',
    retry: 'Thử lại',
    'sign-in': 'Sau khi đăng nhập lại, bấm “Thử lại”.',
    'no-api': 'Chưa cấu hình địa chỉ máy chủ hoặc mã truy cập.',
  },
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    'sign-in': 'After signing in again, press “Try again”.',
    'no-api': 'The server address or the access token is not set.',
  },
};
