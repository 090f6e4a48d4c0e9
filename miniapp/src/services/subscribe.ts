import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import type { MessageKind, SubscribeTemplatesResponse } from '@pioneer/shared-types';
import { getSubscribeTemplates, reportSubscriptions } from '@/api/messages';
import { useApi } from '@/hooks/use-api';

/** WeChat takes at most 3 template ids per request. */
const MAX_TEMPLATES_PER_REQUEST = 3;

export type SubscribeOutcome = 'accepted' | 'declined' | 'skipped';

/** The configured template ids for these kinds, in the order asked, each once, at most three. */
export function templateIdsFor(response: SubscribeTemplatesResponse | undefined, kinds: readonly MessageKind[]): string[] {
  const ids: string[] = [];
  for (const kind of kinds) {
    for (const template of response?.templates ?? []) {
      if (template.kind === kind && !ids.includes(template.templateId)) ids.push(template.templateId);
    }
  }
  return ids.slice(0, MAX_TEMPLATES_PER_REQUEST);
}

/**
 * Asks WeChat whether the person wants these reminders, then tells the server what they answered. Only in the
 * mini-program (H5 has no subscribe messages) and only for configured templates. Never rejects: whatever the person
 * answers, or if WeChat refuses to ask, the action the tap was for goes on.
 */
export async function requestSubscriptions(templateIds: readonly string[]): Promise<SubscribeOutcome> {
  if (process.env.TARO_ENV !== 'weapp' || templateIds.length === 0) return 'skipped';
  let answer: Record<string, unknown>;
  try {
    // entityIds is Alipay's field; Taro's types require one of the two and WeChat ignores it.
    answer = { ...(await Taro.requestSubscribeMessage({ tmplIds: [...templateIds], entityIds: [] })) };
  } catch {
    return 'skipped';
  }
  const accepted = templateIds.filter((id) => answer[id] === 'accept');
  // The report is a courtesy to the server's sending; a failure here must not hold up the sign-up.
  await reportSubscriptions({ templateIds: [...templateIds], accepted }).catch(() => undefined);
  return accepted.length > 0 ? 'accepted' : 'declined';
}

/**
 * The templates fetched ahead (WeChat only asks straight from a tap, so there is no time to fetch them then) and
 * `ask(kinds)` to call from the tap handler before the action itself.
 */
export function useSubscribe(enabled: boolean): { ask: (kinds: readonly MessageKind[]) => Promise<SubscribeOutcome> } {
  const templates = useApi(getSubscribeTemplates, { enabled: enabled && process.env.TARO_ENV === 'weapp' });
  const data = templates.data;
  const ask = useCallback((kinds: readonly MessageKind[]) => requestSubscriptions(templateIdsFor(data, kinds)), [data]);
  return { ask };
}
