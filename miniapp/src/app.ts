import type { PropsWithChildren } from 'react';
import './services/icon-tag';
import './app.scss';

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
