import Taro from '@tarojs/taro';
import { ROUTES } from '@/constants/routes';

const ignore = (): void => undefined;
const withQuery = (route: string, query: Record<string, string>): string =>
  `${route}?${Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')}`;

export const activityUrl = (id: string): string => withQuery(ROUTES.activityDetail, { id });
export const verifyUrl = (serial: string): string => withQuery(ROUTES.certificateVerify, { serial });

export function openActivity(id: string): void {
  Taro.navigateTo({ url: activityUrl(id) }).catch(ignore);
}
export function openScan(id: string): void {
  Taro.navigateTo({ url: withQuery(ROUTES.activityScan, { id }) }).catch(ignore);
}
/** 走访记录; with an activity, the form records the visit for it. */
export function openVisits(activityId?: string): void {
  Taro.navigateTo({ url: activityId ? withQuery(ROUTES.activityVisits, { activityId }) : ROUTES.activityVisits }).catch(ignore);
}
/** Doing a community need: the service check-in, which links the visit to the need. */
export function openNeedCheckin(needId: string): void {
  Taro.navigateTo({ url: withQuery(ROUTES.serviceCheckin, { needId }) }).catch(ignore);
}
export function openVerify(serial: string): void {
  Taro.navigateTo({ url: verifyUrl(serial) }).catch(ignore);
}
