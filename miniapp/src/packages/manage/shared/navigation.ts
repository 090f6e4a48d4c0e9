import Taro from '@tarojs/taro';
import { ROUTES } from '@/constants/routes';

/** The person page takes the member id in its query. */
export function openPerson(memberId: string): void {
  Taro.navigateTo({ url: `${ROUTES.managePerson}?id=${encodeURIComponent(memberId)}` }).catch(() => undefined);
}
