import { LEDGER_SOURCE_LABELS, type HoursLedgerEntryView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import ChoiceChips from '@/components/choice-chips';
import PagedListView from '@/components/paged-list-view';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import StatusTag from '@/components/status-tag';
import { ROUTES } from '@/constants/routes';
import { formatHours } from '@/format/hours';
import { openPage } from '@/services/navigation';
import { SignInFirst } from '../../components/page-gates';
import { formatDayKey } from '../../shared/dates';
import { useHours } from './use-hours';
import '../../components/activity.scss';
import './index.scss';

/** +2 小时 / -1 小时: a correction may take hours away. */
function signedHours(hours: number): string {
  return hours < 0 ? `-${formatHours(-hours)}` : `+${formatHours(hours)}`;
}

function lineTitle(line: HoursLedgerEntryView): string {
  if (line.activity) return line.activity.title;
  return line.source === 'service' ? '报到服务' : '时长更正';
}

function LedgerLine({ line }: { line: HoursLedgerEntryView }) {
  const correction = line.source === 'correction';
  return (
    <View className={`ledger-line ledger-line--${line.source}`}>
      <View className="ledger-line__head">
        <StatusTag tone={correction ? 'warning' : line.source === 'activity' ? 'primary' : 'success'} className="ledger-line__source">
          {LEDGER_SOURCE_LABELS[line.source]}
        </StatusTag>
        <Text className={`ledger-line__hours${line.hours < 0 ? ' ledger-line__hours--minus' : ''}`}>{signedHours(line.hours)}</Text>
      </View>
      <Text className="ledger-line__title">{lineTitle(line)}</Text>
      <Text className="ledger-line__meta">{[formatDayKey(line.date), line.where].filter(Boolean).join(' · ')}</Text>
      {correction || line.reason ? (
        <Text className="ledger-line__reason">{`更正原因：${line.reason ?? '未说明'}`}</Text>
      ) : null}
    </View>
  );
}

export default function HoursPage() {
  const page = useHours();

  if (!page.signedIn) {
    return <SignInFirst pageClassName="hours" hint="登录后可以查看您的服务时长" />;
  }

  return (
    <View className="page hours">
      <View className="page-header">
        <Text className="page-header__title">我的服务时长</Text>
        <Text className="page-header__subtitle">报到服务和参加活动计入的时长，每一笔都列在这里，只有您本人能看到。</Text>
      </View>

      {page.years.length > 1 ? (
        <ChoiceChips
          className="hours-years"
          options={page.years.map((year) => ({ value: String(year), label: `${year}年` }))}
          value={String(page.shownYear)}
          onChange={(value) => page.setYear(Number(value))}
        />
      ) : null}

      <SectionCard className="hours-total">
        <Text className="hours-total__label">{`${page.shownYear}年合计`}</Text>
        <Text className="hours-total__value">{page.summary ? formatHours(page.summary.yearTotal) : '—'}</Text>
        <Button className="activity-action hours-total__certificate" size="large" block onClick={() => openPage(ROUTES.certificate)}>
          开具报到服务证明
        </Button>
      </SectionCard>

      <PagedListView
        list={page.list}
        classNames={{ error: 'hours-error', loading: 'hours-loading', more: 'hours-more' }}
        empty={
          <SectionCard>
            <StateView className="hours-empty" status="empty" message={`${page.shownYear}年还没有计入的服务时长`} />
          </SectionCard>
        }
      >
        <SectionCard title="明细" extra={`共 ${page.list.total} 笔`} className="hours-lines">
          {page.list.items.map((line) => (
            <LedgerLine key={line.id} line={line} />
          ))}
        </SectionCard>
      </PagedListView>
    </View>
  );
}
