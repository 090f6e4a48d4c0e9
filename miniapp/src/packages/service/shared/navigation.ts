import Taro from '@tarojs/taro';
import { ROUTES } from '@/constants/routes';
import { openPage } from '@/services/navigation';

/** After a step is done the page it came from is not worth going back to (a finished check-in form). */
export function replaceWith(route: (typeof ROUTES)[keyof typeof ROUTES]): void {
  Taro.redirectTo({ url: route }).catch(() => openPage(route));
}

export const openRegister = (): void => openPage(ROUTES.serviceRegister);
export const openCheckin = (): void => openPage(ROUTES.serviceCheckin);
export const openVisit = (): void => openPage(ROUTES.serviceVisit);
export const openRecords = (): void => openPage(ROUTES.serviceRecords);
export const openLogin = (): void => openPage(ROUTES.login);
