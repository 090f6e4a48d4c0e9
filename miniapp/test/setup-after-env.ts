import { cleanup } from '@testing-library/react';
import { taroMock } from './taro-mock';

afterEach(() => {
  cleanup();
  taroMock.reset();
});
