import type { Strings } from '../shared/i18n.js';

/** The keys of `<agenda-runner>`'s own strings. */
export type AgendaRunnerKey =
  | 'title'
  | 'step.opening'
  | 'step.content'
  | 'step.closing'
  | 'part.thematic'
  | 'planned-total'
  | 'status.pending'
  | 'status.running'
  | 'status.done'
  | 'status.skipped'
  | 'current.label'
  | 'current.none'
  | 'current.not-open'
  | 'current.all-done'
  | 'elapsed'
  | 'planned'
  | 'overtime'
  | 'actual'
  | 'actual.short'
  | 'actual.over'
  | 'skip-reason'
  | 'duration.label'
  | 'duration.minimum'
  | 'duration.progress'
  | 'duration.met'
  | 'duration.remaining'
  | 'start'
  | 'start-next'
  | 'finish'
  | 'skip'
  | 'skip.label'
  | 'skip.placeholder'
  | 'skip.submit'
  | 'cancel'
  | 'move-up'
  | 'move-down'
  | 'add'
  | 'add.legend'
  | 'add.title'
  | 'add.step'
  | 'add.minutes'
  | 'add.where-after'
  | 'add.where-step'
  | 'add.submit'
  | 'add.invalid'
  | 'announce.started'
  | 'announce.finished'
  | 'no-items';

/** `<agenda-runner>`'s strings: Vietnamese (default) and English. */
export const STRINGS: Strings<AgendaRunnerKey> = {
  vi: {
    title: 'Chương trình sinh hoạt',
    'step.opening': 'Phần mở đầu',
    'step.content': 'Phần nội dung',
    'step.closing': 'Phần kết thúc',
    'part.thematic': '{step} (sinh hoạt chuyên đề)',
    'planned-total': 'Thời gian dự kiến của chương trình: {minutes} phút',
    'status.pending': 'Chưa bắt đầu',
    'status.running': 'Đang tiến hành',
    'status.done': 'Đã xong',
    'status.skipped': 'Bỏ qua',
    'current.label': 'Đang tiến hành',
    'current.none': 'Chưa có mục nào đang tiến hành.',
    'current.not-open': 'Cuộc họp chưa khai mạc. Chương trình bắt đầu sau khi khai mạc.',
    'current.all-done': 'Đã đi hết chương trình.',
    elapsed: 'Đã diễn ra',
    planned: 'dự kiến {minutes} phút',
    overtime: 'quá {time}',
    actual: 'Thực tế {minutes} phút',
    'actual.short': 'Thực tế dưới 1 phút',
    'actual.over': '(vượt {minutes} phút)',
    'skip-reason': 'Lý do bỏ qua: {reason}',
    'duration.label': 'Thời lượng cuộc họp',
    'duration.minimum': 'Thời lượng tối thiểu: {required} phút.',
    'duration.progress': '{actual}/{required} phút',
    'duration.met': 'Đã đủ tối thiểu',
    'duration.remaining': 'Còn {minutes} phút',
    start: 'Bắt đầu',
    'start-next': 'Bắt đầu mục tiếp theo',
    finish: 'Kết thúc mục này',
    skip: 'Bỏ qua',
    'skip.label': 'Lý do bỏ qua mục “{title}”',
    'skip.placeholder': 'Ví dụ: không có nội dung tháng này',
    'skip.submit': 'Bỏ qua mục này',
    cancel: 'Hủy',
    'move-up': 'Chuyển lên',
    'move-down': 'Chuyển xuống',
    add: 'Thêm mục vào chương trình',
    'add.legend': 'Thêm mục mới',
    'add.title': 'Tên mục',
    'add.step': 'Thuộc phần',
    'add.minutes': 'Số phút dự kiến',
    'add.where-after': 'Mục mới được thêm ngay sau mục đang tiến hành: “{title}”.',
    'add.where-step': 'Mục mới được thêm vào cuối phần đã chọn.',
    'add.submit': 'Thêm mục',
    'add.invalid': 'Hãy ghi tên mục (tối đa 200 ký tự) và số phút dự kiến là số nguyên từ 0 đến 600.',
    'announce.started': 'Bắt đầu mục: {title}',
    'announce.finished': 'Đã kết thúc mục: {title}',
    'no-items': 'Chương trình chưa có mục nào.',
  },
  en: {
    title: 'Meeting program',
    'step.opening': 'Opening',
    'step.content': 'Content',
    'step.closing': 'Closing',
    'part.thematic': '{step} (thematic meeting)',
    'planned-total': 'Planned length of the program: {minutes} min',
    'status.pending': 'Not started',
    'status.running': 'In progress',
    'status.done': 'Done',
    'status.skipped': 'Skipped',
    'current.label': 'In progress',
    'current.none': 'No item is in progress.',
    'current.not-open': 'The meeting has not been opened yet. The program starts once it is open.',
    'current.all-done': 'The whole program has been covered.',
    elapsed: 'Elapsed',
    planned: '{minutes} min planned',
    overtime: '{time} over',
    actual: 'Took {minutes} min',
    'actual.short': 'Took under 1 min',
    'actual.over': '({minutes} min over)',
    'skip-reason': 'Skipped because: {reason}',
    'duration.label': 'Length of the meeting',
    'duration.minimum': 'Minimum length: {required} min.',
    'duration.progress': '{actual}/{required} min',
    'duration.met': 'Minimum reached',
    'duration.remaining': '{minutes} min to go',
    start: 'Start',
    'start-next': 'Start the next item',
    finish: 'Finish this item',
    skip: 'Skip',
    'skip.label': 'Reason to skip “{title}”',
    'skip.placeholder': 'e.g. nothing to report this month',
    'skip.submit': 'Skip this item',
    cancel: 'Cancel',
    'move-up': 'Move up',
    'move-down': 'Move down',
    add: 'Add an item to the program',
    'add.legend': 'New item',
    'add.title': 'Title',
    'add.step': 'Part of the meeting',
    'add.minutes': 'Planned minutes',
    'add.where-after': 'The new item goes right after the item in progress: “{title}”.',
    'add.where-step': 'The new item goes at the end of the chosen part.',
    'add.submit': 'Add item',
    'add.invalid': 'Please write a title (at most 200 characters) and planned minutes as a whole number from 0 to 600.',
    'announce.started': 'Item started: {title}',
    'announce.finished': 'Item finished: {title}',
    'no-items': 'The program has no items yet.',
  },
};
