import { bigramJaccard, isSimilarText } from './text-similarity.js';

describe('bigramJaccard', () => {
  it('is 1 for the same text, ignoring whitespace', () => {
    expect(bigramJaccard('路灯坏了很久', '路灯 坏了\n很久')).toBe(1);
  });

  it('is 0 for texts without a common bigram, and for empty text', () => {
    expect(bigramJaccard('路灯坏了', '医保报销')).toBe(0);
    expect(bigramJaccard('', '医保报销')).toBe(0);
    expect(bigramJaccard('  ', '  ')).toBe(0);
  });

  it('counts shared bigrams over all distinct bigrams', () => {
    // 路灯 灯坏 坏了 vs 路灯 灯不 不亮: 1 shared of 5
    expect(bigramJaccard('路灯坏了', '路灯不亮')).toBeCloseTo(1 / 5);
  });

  it('calls texts at or above 0.3 similar', () => {
    expect(isSimilarText('小区门口路灯坏了', '小区门口的路灯坏了')).toBe(true);
    expect(isSimilarText('路灯坏了', '路灯不亮')).toBe(false);
  });
});
