import { neutralizeCell, restoreCell } from './safe-cell.js';

describe('spreadsheet cells that could start a formula', () => {
  it('get an apostrophe in front when they begin with = + - @, a tab or a carriage return', () => {
    expect(neutralizeCell('+SUM(1+1)')).toBe("'+SUM(1+1)");
    expect(neutralizeCell('@cmd')).toBe("'@cmd");
    expect(neutralizeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralizeCell('-1')).toBe("'-1");
    expect(neutralizeCell('\tx')).toBe("'\tx");
    expect(neutralizeCell('\rx')).toBe("'\rx");
    expect(neutralizeCell('张三')).toBe('张三');
    expect(neutralizeCell('')).toBe('');
    expect(neutralizeCell('13900000001')).toBe('13900000001');
  });

  it('round-trip exactly, including text that already begins with apostrophes', () => {
    for (const text of ['+SUM(1+1)', '@cmd', '=1', "'=1", "''@x", "'plain", 'plain', "'", '', 'a=b', '-']) {
      expect(restoreCell(neutralizeCell(text))).toBe(text);
    }
  });

  it('leave an apostrophe alone unless a formula character follows it', () => {
    expect(restoreCell("'plain")).toBe("'plain");
    expect(restoreCell("'+1")).toBe('+1');
    expect(restoreCell("''+1")).toBe("'+1");
  });
});
