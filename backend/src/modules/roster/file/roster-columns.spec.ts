import { DomainException } from '../../../common/errors/domain.exception.js';
import { fieldForHeader, findColumns } from './roster-columns.js';

describe('roster columns', () => {
  it.each([
    ['姓名', 'name'],
    ['手机号（必填）', 'phone'],
    ['联系电话', 'phone'],
    ['Mobile', 'phone'],
    ['所在单位', 'unit'],
    ['工作单位', 'unit'],
    ['党支部', 'branch'],
    ['*所在支部', 'branch'],
    ['党员编号', 'memberId'],
    ['Member ID', 'memberId'],
    ['memberId', 'memberId'],
    ['状态', 'status'],
    ['籍贯', null],
  ])('recognises %s as %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('finds the header below a title line and ignores a second column for the same field', () => {
    const map = findColumns([
      { row: 1, cells: ['某某单位党员名册'] },
      { row: 2, cells: ['姓名', '手机', '单位', '单位代码'] },
    ]);
    expect(map.headerRow).toBe(2);
    expect(map.index).toEqual({ name: 0, phone: 1, unit: 2 });
    expect(map.columns.map((c) => c.field)).toEqual(['name', 'phone', 'unit', null]);
  });

  it('names the missing columns', () => {
    let error: unknown;
    try {
      findColumns([{ row: 1, cells: ['姓名', '单位'] }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainException);
    expect((error as DomainException).code).toBe('ROSTER_FILE_INVALID');
    expect((error as DomainException).message).toContain('手机号');
    expect((error as DomainException).details).toEqual([{ field: 'phone', message: expect.stringContaining('联系电话') }]);
  });
});
