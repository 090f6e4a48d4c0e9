import { jsonDepthExceeds } from './json-body-parser.js';

const exceeds = (text: string, limit = 3) => jsonDepthExceeds(Buffer.from(text, 'utf8'), limit);

describe('JSON nesting depth scan', () => {
  it('counts objects and arrays, up to the limit and beyond', () => {
    expect(exceeds('{"a":[{"b":1}]}')).toBe(false);
    expect(exceeds('{"a":[{"b":[1]}]}')).toBe(true);
    expect(exceeds('[]'.repeat(1000))).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceeds('{"a":"[[[[{{{{"}')).toBe(false);
    expect(exceeds('{"a":"\\"[[[[[[\\\\"}')).toBe(false);
    expect(exceeds('{"中文":"【】[[[[["}')).toBe(false);
  });
});
