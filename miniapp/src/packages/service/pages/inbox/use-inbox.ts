import { useCallback, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { MessageKind, MessageView, SubscribeTemplatesResponse } from '@pioneer/shared-types';
import { asApiError } from '@/api/api-error';
import {
  getSubscribeTemplates,
  listMessages,
  markAllMessagesRead,
  markMessageRead,
  reportSubscriptions,
} from '@/api/messages';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { usePagedList } from '@/hooks/use-paged-list';
import { isSignedIn } from '@/services/session';
import { toast } from '@/services/toast';
import { messageTarget, openMessageTarget } from '../../shared/message-link';

export const PAGE_SIZE = 20;
/** WeChat takes at most 3 template ids per request. */
const MAX_TEMPLATES_PER_REQUEST = 3;
// The decisions a member waits for come first.
const TEMPLATE_ORDER: readonly MessageKind[] = [
  'service_confirmed',
  'service_rejected',
  'registration_approved',
  'registration_rejected',
  'suggestion_replied',
  'worker_pending',
  'system',
];

/** Up to three distinct template ids, in the order above. */
export function templatesToAsk(response: SubscribeTemplatesResponse | undefined): string[] {
  const ids: string[] = [];
  for (const kind of TEMPLATE_ORDER) {
    for (const template of response?.templates ?? []) {
      if (template.kind === kind && !ids.includes(template.templateId)) ids.push(template.templateId);
    }
  }
  return ids.slice(0, MAX_TEMPLATES_PER_REQUEST);
}

export function useInbox() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const list = usePagedList<MessageView>((page) => listMessages({ page, pageSize: PAGE_SIZE }), { enabled: signedIn });
  // Asked for only where WeChat can deliver them; fetched ahead so the tap can ask WeChat at once.
  const templates = useApi(getSubscribeTemplates, { enabled: signedIn && process.env.TARO_ENV === 'weapp' });
  const templateIds = templatesToAsk(templates.data);
  const [readingAll, setReadingAll] = useState(false);
  const readingAllRef = useRef(false);

  const reload = list.reload;
  const updateItems = list.update;
  const refresh = useCallback(async (): Promise<void> => {
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    if (nowSignedIn) await reload();
  }, [reload]);

  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  const open = useCallback(
    (message: MessageView): void => {
      if (message.readAt === null) {
        const readAt = new Date().toISOString();
        // Shown as read at once; the server's answer (or the next reload) has the final word.
        updateItems((item) => (item.id === message.id ? { ...item, readAt } : item));
        markMessageRead(message.id).then(
          (saved) => updateItems((item) => (item.id === saved.id ? saved : item)),
          () => updateItems((item) => (item.id === message.id ? { ...item, readAt: null } : item)),
        );
      }
      const target = messageTarget(message);
      if (target) openMessageTarget(target);
    },
    [updateItems],
  );

  const readAll = useCallback(async (): Promise<void> => {
    if (readingAllRef.current) return;
    readingAllRef.current = true;
    setReadingAll(true);
    try {
      await markAllMessagesRead();
      const readAt = new Date().toISOString();
      updateItems((item) => (item.readAt === null ? { ...item, readAt } : item));
      toast('已全部标为已读', 'none');
    } catch (caught) {
      toast(asApiError(caught).message, 'none');
    } finally {
      readingAllRef.current = false;
      setReadingAll(false);
    }
  }, [updateItems]);

  /** Must run straight from the tap: WeChat refuses requestSubscribeMessage otherwise. */
  const subscribe = useCallback((): void => {
    if (templateIds.length === 0) return;
    // entityIds is Alipay's field; Taro's types require one of the two and WeChat ignores it.
    Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] })
      .then(async (answer) => {
        const choices: Record<string, unknown> = { ...answer };
        const accepted = templateIds.filter((id) => choices[id] === 'accept');
        await reportSubscriptions({ templateIds, accepted });
        toast(accepted.length > 0 ? '已开启微信提醒' : '未开启微信提醒', 'none');
      })
      .catch(() => {
        toast('未能开启微信提醒，消息仍会显示在这里', 'none');
      });
  }, [templateIds]);

  const hasUnread = list.items.some((item) => item.readAt === null);

  return {
    signedIn,
    list,
    open,
    readAll,
    readingAll,
    hasUnread,
    canSubscribe: process.env.TARO_ENV === 'weapp' && templateIds.length > 0,
    subscribe,
    refresh,
  };
}
