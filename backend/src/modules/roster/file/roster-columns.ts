import type { FieldError } from '@pioneer/shared-types';
import { DomainException } from '../../../common/errors/domain.exception.js';
import type { SheetRow } from './roster-file.js';

export const ROSTER_FIELDS = ['memberId', 'name', 'phone', 'unit', 'branch', 'status'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** The header each field gets in an export; the first alias of each list below. */
export const EXPORT_HEADERS: Record<RosterField, string> = {
  memberId: '党员编号',
  name: '姓名',
  phone: '手机号',
  unit: '单位',
  branch: '支部',
  status: '状态',
};

// Headers as existing party-member systems and hand-made sheets write them, compared after normalizeHeader.
const ALIASES: Record<RosterField, string[]> = {
  memberId: ['党员编号', '成员编号', '人员编号', '系统编号', '编号', 'member id', 'memberid', 'member_id', 'id'],
  name: ['姓名', '党员姓名', '成员姓名', '真实姓名', '名字', 'name'],
  phone: ['手机号', '手机号码', '手机', '联系电话', '电话', '电话号码', '联系方式', '移动电话', 'phone', 'mobile', 'tel'],
  unit: ['单位', '所在单位', '工作单位', '单位名称', '所属单位', '单位党组织', '单位代码', 'unit', 'unit name', 'unitname'],
  branch: ['支部', '所在支部', '党支部', '所在党支部', '所属支部', '支部名称', 'branch'],
  status: ['状态', '党员状态', '人员状态', 'status'],
};

const BY_ALIAS = new Map<string, RosterField>();
for (const field of ROSTER_FIELDS) for (const alias of ALIASES[field]) BY_ALIAS.set(normalizeHeader(alias), field);

/** Case, spaces, required-field stars and notes in brackets ("手机号（必填）") do not change what a header means. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[*＊:：\s\u3000]/g, '')
    .toLowerCase();
}

export function fieldForHeader(header: string): RosterField | null {
  const key = normalizeHeader(header);
  return BY_ALIAS.get(key) ?? BY_ALIAS.get(key.replace(/[_-]/g, '')) ?? null;
}

export interface ColumnMap {
  /** The header row's number; data rows follow it. */
  headerRow: number;
  index: Partial<Record<RosterField, number>>;
  columns: Array<{ header: string; field: RosterField | null }>;
}

function mapHeader(row: SheetRow): ColumnMap {
  const index: Partial<Record<RosterField, number>> = {};
  const columns: ColumnMap['columns'] = [];
  row.cells.forEach((cell, i) => {
    const header = cell.trim();
    if (!header) return;
    const field = fieldForHeader(header);
    // A second column for a field already found (e.g. 单位 and 单位代码) is shown as not used rather than guessed at.
    if (field && index[field] === undefined) {
      index[field] = i;
      columns.push({ header, field });
    } else {
      columns.push({ header, field: null });
    }
  });
  return { headerRow: row.row, index, columns };
}

// Exports from other systems often put a title line or two above the header.
const HEADER_SEARCH_ROWS = 10;

/** Finds the header row (name plus phone or member id) among the first rows; otherwise says which columns are missing. */
export function findColumns(rows: SheetRow[]): ColumnMap {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS).map(mapHeader);
  const found = candidates.find((c) => c.index.name !== undefined && (c.index.phone !== undefined || c.index.memberId !== undefined));
  if (found) return found;
  const best = candidates.find((c) => c.index.name !== undefined || c.index.phone !== undefined) ?? candidates[0];
  const missing: FieldError[] = [];
  if (best?.index.name === undefined) missing.push({ field: 'name', message: `未找到“姓名”列（可用列名：${ALIASES.name.slice(0, 4).join('、')}）` });
  if (best?.index.phone === undefined && best?.index.memberId === undefined) {
    missing.push({ field: 'phone', message: `未找到“手机号”列（可用列名：${ALIASES.phone.slice(0, 5).join('、')}）` });
  }
  const what = missing.map((m) => (m.field === 'name' ? '姓名' : '手机号')).join('和');
  throw new DomainException('ROSTER_FILE_INVALID', `名册中未找到${what}列，请检查表头（第一行）后重新上传`, missing);
}

export function cellOf(row: SheetRow, map: ColumnMap, field: RosterField): string {
  const i = map.index[field];
  return i === undefined ? '' : (row.cells[i] ?? '').trim();
}
