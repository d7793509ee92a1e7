import type { Strings } from '../shared/i18n.js';

/** The speakers' queue's own strings: Vietnamese (default) and English. */
export const STRINGS: Strings<
  | 'title'
  | 'not-yet'
  | 'closed'
  | 'floor.title'
  | 'floor.speaking'
  | 'floor.none'
  | 'floor.you'
  | 'floor.muted'
  | 'floor.not-muted'
  | 'floor.end-own'
  | 'floor.end'
  | 'hand.raise'
  | 'hand.lower'
  | 'hand.position'
  | 'hand.hint'
  | 'queue.title'
  | 'queue.empty'
  | 'queue.waiting'
  | 'queue.you'
  | 'queue.actions'
  | 'queue.give'
  | 'queue.lower'
  | 'queue.mute'
  | 'delegates.title'
  | 'delegates.give'
  | 'delegates.offline'
  | 'times.title'
  | 'times.empty'
  | 'times.now'
  | 'announce.you'
  | 'announce.given'
  | 'announce.muted'
  | 'announce.ended'
  | 'announce.lowered'
> = {
  vi: {
    title: 'Phát biểu ý kiến',
    'not-yet': 'Đăng ký phát biểu được mở khi cuộc họp khai mạc.',
    closed: 'Cuộc họp đã bế mạc, không còn đăng ký phát biểu.',
    'floor.title': 'Người đang phát biểu',
    'floor.speaking': 'Đang phát biểu:',
    'floor.none': 'Chưa có ai được mời phát biểu.',
    'floor.you': 'Đồng chí được mời phát biểu.',
    'floor.muted': 'Micro của những người khác đang tắt.',
    'floor.not-muted': 'Micro của những người khác vẫn bật.',
    'floor.end-own': 'Kết thúc phát biểu',
    'floor.end': 'Kết thúc lượt phát biểu',
    'hand.raise': 'Giơ tay phát biểu',
    'hand.lower': 'Hạ tay',
    'hand.position': 'Bạn đứng thứ {position} trong danh sách chờ.',
    'hand.hint': 'Đồng chí chủ trì sẽ mời phát biểu theo thứ tự giơ tay.',
    'queue.title': 'Danh sách chờ phát biểu ({count})',
    'queue.empty': 'Chưa có ai giơ tay.',
    'queue.waiting': 'Đã chờ',
    'queue.you': '(bạn)',
    'queue.actions': 'Điều hành phát biểu của {name}',
    'queue.give': 'Mời phát biểu',
    'queue.lower': 'Hạ tay',
    'queue.mute': 'Tắt micro người khác',
    'delegates.title': 'Đại biểu cấp trên',
    'delegates.give': 'Mời đại biểu cấp trên phát biểu',
    'delegates.offline': 'Chưa vào cuộc họp',
    'times.title': 'Thời gian đã phát biểu',
    'times.empty': 'Chưa có lượt phát biểu nào.',
    'times.now': '(đang phát biểu)',
    'announce.you': 'Đồng chí được mời phát biểu.',
    'announce.given': 'Đồng chí {name} được mời phát biểu.',
    'announce.muted': 'Micro của những người khác đã tắt.',
    'announce.ended': 'Đồng chí {name} đã kết thúc phát biểu.',
    'announce.lowered': 'Đồng chí chủ trì đã hạ tay của bạn.',
  },
  en: {
    title: 'Speakers',
    'not-yet': 'Hands can be raised once the meeting is open.',
    closed: 'The meeting is closed; hands can no longer be raised.',
    'floor.title': 'Speaking now',
    'floor.speaking': 'Speaking now:',
    'floor.none': 'Nobody has the floor.',
    'floor.you': 'You have the floor.',
    'floor.muted': 'Everyone else’s microphone is off.',
    'floor.not-muted': 'Other microphones stay on.',
    'floor.end-own': 'Finish speaking',
    'floor.end': 'End this turn',
    'hand.raise': 'Raise hand to speak',
    'hand.lower': 'Lower hand',
    'hand.position': 'You are number {position} in the queue.',
    'hand.hint': 'The chair gives the floor in the order hands were raised.',
    'queue.title': 'Waiting to speak ({count})',
    'queue.empty': 'No hands raised.',
    'queue.waiting': 'Waiting',
    'queue.you': '(you)',
    'queue.actions': 'Floor for {name}',
    'queue.give': 'Give the floor',
    'queue.lower': 'Lower hand',
    'queue.mute': 'Mute everyone else',
    'delegates.title': 'Upper-level delegates',
    'delegates.give': 'Invite the upper-level delegate to speak',
    'delegates.offline': 'Not in the meeting yet',
    'times.title': 'Speaking time so far',
    'times.empty': 'Nobody has spoken yet.',
    'times.now': '(speaking)',
    'announce.you': 'You have the floor.',
    'announce.given': '{name} has the floor.',
    'announce.muted': 'Everyone else’s microphone is off.',
    'announce.ended': '{name} has finished speaking.',
    'announce.lowered': 'The chair lowered your hand.',
  },
};
