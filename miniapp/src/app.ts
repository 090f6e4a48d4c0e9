import Taro, { usePageNotFound } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { ROUTES } from './constants/routes';
import './services/icon-tag';
import './services/h5-a11y';
import './app.scss';

if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
  // Taro's H5 tab bar items are `<a href="javascript:;">`; following that URL is what the page's security policy
  // (rightly) refuses, and each tap logged a violation. The items' own handlers switch tabs, so the URL is not needed.
  document.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="javascript:"]');
      if (link) event.preventDefault();
    },
    true,
  );
}

function App({ children }: PropsWithChildren) {
  // An unknown address (an old link, a mistyped URL, a page that moved) says so and leads home, instead of leaving
  // the previous page on screen.
  usePageNotFound(() => {
    void Taro.redirectTo({ url: ROUTES.notFound });
  });
  return children;
}

export default App;
