import Taro from '@tarojs/taro';
import type { MessageKind, MessageView } from '@pioneer/shared-types';
import { ROUTES, TAB_ROUTES } from '@/constants/routes';

const KNOWN_ROUTES: readonly string[] = Object.values(ROUTES);

// Where a message leads when its link is missing or names a page this version does not have.
const KIND_ROUTES: Partial<Record<MessageKind, string>> = {
  registration_approved: ROUTES.serviceRegister,
  registration_rejected: ROUTES.serviceRegister,
  service_confirmed: ROUTES.serviceRecords,
  service_rejected: ROUTES.serviceRecords,
  worker_pending: ROUTES.workerQueue,
};

/** The page a message opens (path and query), or null when it only informs. */
export function messageTarget(message: Pick<MessageView, 'kind' | 'link'>): string | null {
  if (message.link) {
    const [path, query] = message.link.trim().split('?');
    const route = `/${path.replace(/^\/+/, '')}`;
    if (KNOWN_ROUTES.includes(route)) return query ? `${route}?${query}` : route;
  }
  return KIND_ROUTES[message.kind] ?? null;
}

const ignore = (): void => undefined;

export function openMessageTarget(target: string): void {
  const path = target.split('?')[0];
  if (TAB_ROUTES.includes(path)) Taro.switchTab({ url: path }).catch(ignore);
  else Taro.navigateTo({ url: target }).catch(ignore);
}
