import type { MessageView } from '@pioneer/shared-types';
import type { MessageEntity } from './entities/message.entity.js';

export function mapMessage(m: MessageEntity): MessageView {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    body: m.body,
    link: m.link,
    readAt: m.readAt ? m.readAt.toISOString() : null,
    createdAt: m.createdAt.toISOString(),
  };
}

/** WeChat's `thing` fields take at most 20 characters; longer text is cut with an ellipsis (the inbox has it all). */
function thing(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= 20 ? chars.join('') || '-' : `${chars.slice(0, 19).join('')}…`;
}

/** Beijing time, as people read it: 2026-01-25 14:30. */
export function beijingTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The data of every subscribe message: the configured templates are expected to have these three fields
 * (a "审核结果通知"-style template: 事项 thing1, 说明 thing2, 时间 time3).
 */
export function subscribeData(m: MessageEntity): Record<string, { value: string }> {
  if (m.pushData) {
    const fields = JSON.parse(m.pushData) as Record<string, string>;
    // thingN: 20 characters; timeN / dateN are already formatted by the feature; others as given.
    return Object.fromEntries(
      Object.entries(fields).map(([key, value]) => [key, { value: key.startsWith('thing') ? thing(value) : value }]),
    );
  }
  return {
    thing1: { value: thing(m.title) },
    thing2: { value: thing(m.body) },
    time3: { value: beijingTime(m.createdAt) },
  };
}
