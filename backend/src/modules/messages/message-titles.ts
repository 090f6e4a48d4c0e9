import type { MessageKind } from '@pioneer/shared-types';

/**
 * What a message of each kind is about, in the words the inbox shows as its title. Every message has its own title;
 * this one stands in when a sender gives none, and filled the titles of older rows that were stored without one.
 */
export const MESSAGE_KIND_TITLES: Record<MessageKind, string> = {
  registration_approved: '您的报到申请已通过',
  registration_rejected: '您的报到申请未通过',
  service_confirmed: '您的服务记录已确认',
  service_rejected: '您的服务记录未通过',
  worker_pending: '有事项等您处理',
  suggestion_replied: '您的意见建议有了答复',
  activity_review: '有活动等您审核',
  activity_reviewed: '您提交的活动有了审核结果',
  activity_promoted: '您已从候补转为正式报名',
  activity_reminder: '您报名的活动即将开始',
  activity_changed: '您报名的活动有变动',
  activity_cancelled: '您报名的活动已取消',
  need_taken: '有党员认领了社区需求',
  problem_update: '群众问题办理有了进展',
  system: '系统通知',
};

/** The sender's title, or the kind's when it is blank: no inbox row goes without one. */
export function messageTitle(kind: MessageKind, title: string | null | undefined): string {
  const own = (title ?? '').replace(/\s+/g, ' ').trim();
  return [...(own || MESSAGE_KIND_TITLES[kind])].slice(0, 100).join('');
}
