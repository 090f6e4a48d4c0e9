import { detectDelimiter, parseCsv } from './csv-parser.js';

describe('parseCsv', () => {
  it('reads quoted fields holding delimiters, doubled quotes and line breaks', () => {
    const text = '姓名,备注\r\n"张,三","他说""好"""\r\n李四,"第一行\n第二行"\n王五,';
    expect(parseCsv(text, ',')).toEqual([
      ['姓名', '备注'],
      ['张,三', '他说"好"'],
      ['李四', '第一行\n第二行'],
      ['王五', ''],
    ]);
  });

  it('keeps one record per line whatever the line ending, including blank lines', () => {
    expect(parseCsv('a\rb\n\nc\r\n', ',')).toEqual([['a'], ['b'], [''], ['c']]);
  });

  it('treats a quote inside an unquoted field as text', () => {
    expect(parseCsv('5"7,x', ',')).toEqual([['5"7', 'x']]);
  });
});

describe('detectDelimiter', () => {
  it('picks the separator the header line uses', () => {
    expect(detectDelimiter('姓名,手机号,单位\n')).toBe(',');
    expect(detectDelimiter('姓名\t手机号\t单位\n')).toBe('\t');
    expect(detectDelimiter('姓名;手机号;"单位,名称"\n')).toBe(';');
  });
});
