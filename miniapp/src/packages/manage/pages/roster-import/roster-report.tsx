import { useMemo, useState } from 'react';
import type { RosterImportReport, RosterRowOutcome, RosterRowReport } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import Pager from '@/components/pager';
import SectionCard from '@/components/section-card';
import StatusTag from '@/components/status-tag';
import { OUTCOME_TONES, ROSTER_FIELD_LABELS, ROSTER_OUTCOME_LABELS, ROSTER_OUTCOMES } from '../../shared/labels';

const ROWS_PER_PAGE = 50;

type Filter = 'all' | RosterRowOutcome;

const OUTCOME_ORDER = new Map<RosterRowOutcome, number>(ROSTER_OUTCOMES.map((outcome, index) => [outcome, index]));

/** Errors first, then transfers to decide on, then the rest; by row number within each. */
export function sortRows(rows: readonly RosterRowReport[]): RosterRowReport[] {
  return [...rows].sort(
    (a, b) => (OUTCOME_ORDER.get(a.outcome) ?? 9) - (OUTCOME_ORDER.get(b.outcome) ?? 9) || a.row - b.row,
  );
}

function fieldLabel(field: string): string {
  return ROSTER_FIELD_LABELS[field] ?? field;
}

function OutcomeTag({ outcome }: { outcome: RosterRowOutcome }) {
  return (
    <StatusTag className={`roster-tag roster-tag--${outcome}`} tone={OUTCOME_TONES[outcome]}>
      {ROSTER_OUTCOME_LABELS[outcome]}
    </StatusTag>
  );
}

export function RosterSummary({ report }: { report: RosterImportReport }) {
  const committed = report.mode === 'commit';
  const unused = report.columns.filter((column) => column.field === null);
  return (
    <SectionCard
      className={`roster-summary roster-summary--${report.mode}`}
      title={committed ? '导入结果' : '预检结果'}
      extra={`共 ${report.totalRows} 行`}
    >
      <Text className="roster-summary__file">{`文件：${report.fileName}`}</Text>
      <View className="roster-counts">
        {ROSTER_OUTCOMES.map((outcome) => (
          <View key={outcome} className={`roster-count roster-count--${outcome}`}>
            <Text className="roster-count__value">{report.counts[outcome]}</Text>
            <Text className="roster-count__label">{ROSTER_OUTCOME_LABELS[outcome]}</Text>
          </View>
        ))}
      </View>
      <Text className="roster-summary__columns">
        {`识别的列：${report.columns
          .filter((column) => column.field !== null)
          .map((column) => `${column.header}→${fieldLabel(column.field ?? '')}`)
          .join('、')}`}
      </Text>
      {unused.length > 0 ? (
        <Text className="roster-summary__unused">{`未使用的列：${unused.map((column) => column.header).join('、')}`}</Text>
      ) : null}
      <Text className="roster-summary__note">
        {committed
          ? '有错误的行和未确认的转单位没有导入；修改文件后可再次导入，已导入的行会显示为“无变化”。'
          : '预检不会修改任何数据。有错误的行不会导入，可在表格中修改后重新选择文件预检。'}
      </Text>
    </SectionCard>
  );
}

interface TransferConfirmProps {
  rows: RosterRowReport[];
  confirmed: ReadonlySet<number>;
  onToggle: (row: number) => void;
  onAll: (all: boolean) => void;
}

/** A transfer moves someone out of another unit: never applied unless the organizer ticks the row. */
export function TransferConfirm({ rows, confirmed, onToggle, onAll }: TransferConfirmProps) {
  const allTicked = rows.every((row) => confirmed.has(row.row));
  return (
    <SectionCard
      className="roster-transfers"
      title="确认转单位"
      extra={
        <Text className="manage-link roster-transfers__all" onClick={() => onAll(!allTicked)}>
          {allTicked ? '全部取消' : '全部勾选'}
        </Text>
      }
    >
      <Text className="manage-meta">以下党员目前在其他单位。勾选确认后，导入时会把他们转到文件中的单位；未勾选的保持不变。</Text>
      {rows.map((row) => {
        const checked = confirmed.has(row.row);
        return (
          <View
            key={row.row}
            className={`roster-transfer${checked ? ' roster-transfer--checked' : ''}`}
            role="checkbox"
            aria-checked={checked}
            onClick={() => onToggle(row.row)}
          >
            <Text className="roster-transfer__box">{checked ? '✓' : ''}</Text>
            <View className="roster-transfer__text">
              <Text className="roster-transfer__name">{`第 ${row.row} 行 · ${row.name} ${row.phone ?? ''}`}</Text>
              <Text className="manage-meta">{`${row.fromUnitName ?? '原单位'} → ${row.unitName ?? ''}${row.branchName ? ` · ${row.branchName}` : ''}`}</Text>
            </View>
          </View>
        );
      })}
    </SectionCard>
  );
}

function RowItem({ row }: { row: RosterRowReport }) {
  const place = [row.unitName, row.branchName].filter(Boolean).join(' · ');
  const notApplied = row.outcome === 'transfer' && row.transferApplied === false;
  return (
    <View className={`roster-row roster-row--${row.outcome}`}>
      <View className="roster-row__head">
        <Text className="roster-row__number">{`第 ${row.row} 行`}</Text>
        <OutcomeTag outcome={row.outcome} />
        {notApplied ? <Text className="roster-row__skipped">未确认，保持不变</Text> : null}
      </View>
      <View className="roster-row__body">
        <Text className="roster-row__name">{row.name || '（无姓名）'}</Text>
        {row.phone ? <Text className="roster-row__phone">{row.phone}</Text> : null}
        {place ? <Text className="roster-row__place">{place}</Text> : null}
      </View>
      {row.outcome === 'transfer' && row.fromUnitName ? (
        <Text className="manage-meta">{`原单位：${row.fromUnitName}`}</Text>
      ) : null}
      {row.issues.map((issue, index) => (
        <Text key={`${issue.field}-${index}`} className="roster-issue">
          {`${fieldLabel(issue.field)}：${issue.reason}`}
        </Text>
      ))}
    </View>
  );
}

export function RosterRows({ report }: { report: RosterImportReport }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const sorted = useMemo(() => sortRows(report.rows), [report.rows]);
  const shown = filter === 'all' ? sorted : sorted.filter((row) => row.outcome === filter);
  const pageRows = shown.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE);
  const filters: Filter[] = ['all', ...ROSTER_OUTCOMES.filter((outcome) => report.counts[outcome] > 0)];

  const choose = (next: Filter): void => {
    setFilter(next);
    setPage(1);
  };

  return (
    <SectionCard className="roster-rows" title="逐行结果">
      <View className="roster-filters">
        {filters.map((option) => (
          <Text
            key={option}
            className={`roster-filter roster-filter--${option}${filter === option ? ' roster-filter--active' : ''}`}
            onClick={() => choose(option)}
          >
            {option === 'all'
              ? `全部 ${report.rows.length}`
              : `${option === 'error' ? '仅看错误' : ROSTER_OUTCOME_LABELS[option]} ${report.counts[option]}`}
          </Text>
        ))}
      </View>
      {pageRows.length === 0 ? <Text className="manage-meta">没有符合的行</Text> : null}
      {pageRows.map((row) => (
        <RowItem key={row.row} row={row} />
      ))}
      {shown.length > ROWS_PER_PAGE ? (
        <Pager page={page} pageSize={ROWS_PER_PAGE} total={shown.length} unit="行" onChange={setPage} />
      ) : null}
    </SectionCard>
  );
}
