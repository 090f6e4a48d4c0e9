import { beijingTime } from '../messages/messages.mapper.js';
import type { ActivityEntity } from './entities/activity.entity.js';

/** Where an activity's messages open in the mini-program. */
export function activityLink(activityId: string): string {
  return `packages/activity/detail/index?id=${activityId}`;
}

/**
 * Fields of the activity templates (活动开始提醒 / 候补成功通知-style): 活动名称 thing1, 活动时间 time2, 活动地点
 * thing3, 温馨提示 thing4. Every activity message to a member carries them, so one template layout serves all.
 */
export function activityPushData(activity: Pick<ActivityEntity, 'title' | 'startsAt' | 'place'>, note: string): Record<string, string> {
  return {
    thing1: activity.title,
    time2: beijingTime(activity.startsAt),
    thing3: activity.place,
    thing4: note,
  };
}
