/**
 * The product's words, one spelling each. Many members are older and read slowly: the same thing must always be
 * called the same, in plain words rather than office language. src/ui-wording.test.ts fails on a listed variant or a
 * JARGON word in any UI string (the mini-program, the shared labels and the server's messages alike).
 */
export interface GlossaryTerm {
  /** The one spelling used everywhere. */
  term: string;
  /** What it means, for whoever writes the next screen. */
  means: string;
  /** Other spellings that mean the same and must not appear. */
  variants: readonly string[];
}

export const GLOSSARY = {
  register: { term: '报到', means: 'a member joins the community where they live (报到社区)', variants: ['报道'] },
  checkIn: { term: '签到', means: 'starting a visit, by the rotating code or by location; never compulsory', variants: ['打卡'] },
  checkOut: { term: '签退', means: 'ending a visit', variants: [] },
  checkinCode: { term: '签到码', means: 'the rotating QR (and its 6 digits) a community worker shows', variants: ['签到二维码'] },
  serviceRecord: { term: '服务记录', means: 'one visit with what the member did there', variants: ['服务纪录', '服务台账'] },
  hours: { term: '服务时长', means: 'the hours a confirmed record counts', variants: ['工时'] },
  member: { term: '党员', means: 'an in-service party member', variants: [] },
  worker: {
    term: '社区工作者',
    means: 'the person at the community who confirms registrations and records',
    variants: ['社工', '社区工作人员', '社区干部'],
  },
  organizer: { term: '组织者', means: 'district or unit staff who run the roster and answer suggestions', variants: [] },
  pending: { term: '待确认', means: 'a record waiting for a community worker', variants: ['待核实'] },
  confirmed: { term: '已确认', means: 'a record a community worker confirmed', variants: [] },
  rejected: {
    term: '未通过',
    means: 'a record or registration a community worker sent back, with the reason (the action is 退回, its result 已退回)',
    variants: ['不通过', '已驳回', '被驳回', '已拒绝'],
  },
  onBehalf: { term: '补录', means: 'a worker entering a visit for a member, e.g. from a paper sign-in sheet', variants: ['代录', '补登'] },
  suggestion: { term: '意见建议', means: 'a suggestion or complaint sent to the district', variants: [] },
  done: { term: '办完', means: 'a suggestion that has been dealt with', variants: ['办结'] },
  signUp: { term: '报名', means: 'a member taking a place in an activity or a community need', variants: [] },
  waitlist: {
    term: '候补',
    means: 'waiting for a place once an activity is full; the first in line gets a place someone gives up',
    variants: ['后补'],
  },
  need: { term: '社区需求', means: 'a small task, wish or service post a community worker publishes (需求清单)', variants: [] },
  homeVisit: { term: '走访', means: 'one household or village visited during 返乡走亲 or 访民问暖', variants: [] },
  certificate: {
    term: '报到服务证明',
    means: 'the numbered document listing a member\'s credited hours for a period; anyone can check its serial',
    variants: ['服务证明书'],
  },
} as const satisfies Record<string, GlossaryTerm>;

/**
 * Office language with a plain equivalent. Keys are what must not appear; values are what to write instead.
 * (办结 is also a glossary variant; it is listed here for the plain word it suggests.)
 */
export const JARGON: Readonly<Record<string, string>> = {
  办结: '办完',
  审核通过: '同意',
  通过审核: '同意',
  即可: '就可以',
  尚未: '还没有',
  进行此操作: '这样做',
  予以: '（删去，直接说做什么）',
  不予: '不',
  驳回: '退回',
  届时: '到时候',
  方可: '才能',
};
