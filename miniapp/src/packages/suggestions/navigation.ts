import Taro from '@tarojs/taro';
import { ROUTES } from '@/constants/routes';

// A failed navigation (a double tap while a page is opening) leaves the person where they are.
const ignore = (): void => undefined;

export function openSuggestion(id: string): void {
  Taro.navigateTo({ url: `${ROUTES.suggestionDetail}?id=${encodeURIComponent(id)}` }).catch(ignore);
}

/** Back to "my suggestions": pop to it when it is underneath, otherwise replace this page with it. */
export function backToSuggestionList(): void {
  const pages = Taro.getCurrentPages();
  const previous = pages.length > 1 ? pages[pages.length - 2]?.route : undefined;
  if (previous && ROUTES.suggestions.endsWith(previous.replace(/^\/?/, '/'))) {
    Taro.navigateBack().catch(ignore);
  } else {
    Taro.redirectTo({ url: ROUTES.suggestions }).catch(ignore);
  }
}
