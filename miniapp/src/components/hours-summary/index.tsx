import type { MyHoursResponse } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import type { ApiError } from '@/api/api-error';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { formatHours } from '@/format/hours';
import './index.scss';

export interface HoursSummaryProps {
  data: MyHoursResponse | undefined;
  error: ApiError | undefined;
  loading: boolean;
  onRetry: () => void;
  className?: string;
}

function Period({ title, confirmed, pending, className }: { title: string; confirmed: number; pending: number; className: string }) {
  return (
    <View className={`hours-summary__period ${className}`}>
      <Text className="hours-summary__title">{title}</Text>
      <View className="hours-summary__confirmed">
        <Text className="hours-summary__label">已确认</Text>
        <Text className="hours-summary__figure">{formatHours(confirmed)}</Text>
      </View>
      <Text className="hours-summary__pending">{`待确认 ${formatHours(pending)}`}</Text>
    </View>
  );
}

/** An answer of another shape (a proxy's page, an older server) is not shown as figures. */
function isHours(data: MyHoursResponse | undefined): data is MyHoursResponse {
  return (
    data !== undefined &&
    typeof data.monthKey === 'string' &&
    typeof data.yearKey === 'string' &&
    typeof data.month?.confirmed === 'number' &&
    typeof data.year?.confirmed === 'number'
  );
}

/** The member's own service hours, this month and this year: confirmed, and still waiting for a worker. */
export default function HoursSummary({ data: raw, error, loading, onRetry, className }: HoursSummaryProps) {
  const classes = ['hours-summary', className].filter(Boolean).join(' ');
  const data = isHours(raw) ? raw : undefined;
  const failed = !data && !loading && (error !== undefined || raw !== undefined);
  return (
    <SectionCard title="我的服务时长" className={classes}>
      {data ? (
        <View className="hours-summary__row">
          <Period
            className="hours-summary__month"
            title={`${Number(data.monthKey.slice(5, 7))}月`}
            confirmed={data.month.confirmed}
            pending={data.month.pending}
          />
          <Period className="hours-summary__year" title={`${data.yearKey}年`} confirmed={data.year.confirmed} pending={data.year.pending} />
        </View>
      ) : failed ? (
        <StateView className="hours-summary__error" status="error" message={error?.message ?? '暂时无法读取服务时长'} onRetry={onRetry} rows={1} />
      ) : (
        <StateView className="hours-summary__loading" status="loading" message="正在读取服务时长…" rows={1} />
      )}
      {data ? <Text className="hours-summary__note">待确认的时长经社区工作者确认后计入。</Text> : null}
    </SectionCard>
  );
}
