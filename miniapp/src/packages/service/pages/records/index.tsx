import { SERVICE_FLAG_LABELS, SERVICE_TYPE_LABELS, type ServiceRecordView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import PagedListView from '@/components/paged-list-view';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import PendingItem from '../../components/pending-item';
import RecordStatus from '../../components/record-status';
import { formatDateTime, formatSpan } from '@/format/date-time';
import { formatHours } from '@/format/hours';
import { verificationLabel } from '@/format/verification';
import { openCheckin, openLogin, openVisit } from '../../shared/navigation';
import { useRecords } from './use-records';
import '../../components/service.scss';
import './index.scss';

function verificationText(record: ServiceRecordView): string {
  const start = verificationLabel(record.startVerification, 'start');
  return record.status === 'open' ? start : `${start} · ${verificationLabel(record.endVerification, 'end')}`;
}

function RecordItem({ record }: { record: ServiceRecordView }) {
  const waiting = record.status === 'pending' || record.status === 'open';
  return (
    <View className={`record-item record-item--${record.status}`}>
      <View className="record-item__head">
        <Text className="record-item__community">{record.community.name}</Text>
        <RecordStatus status={record.status} />
      </View>
      <Text className="record-item__time">{formatSpan(record.startedAt, record.endedAt)}</Text>
      {record.serviceType ? (
        <Text className="record-item__type">{SERVICE_TYPE_LABELS[record.serviceType]}</Text>
      ) : null}
      {record.description ? <Text className="record-item__description">{record.description}</Text> : null}

      <View className="record-item__hours-row">
        <Text className="record-item__hours">{`计入时长 ${formatHours(record.hours)}`}</Text>
        {waiting && record.proposedHours > 0 ? (
          <Text className="record-item__proposed">{`待确认：约 ${formatHours(record.proposedHours)}`}</Text>
        ) : null}
      </View>

      <Text className="record-item__verification">{verificationText(record)}</Text>
      {record.onBehalf ? (
        <Text className="record-item__behalf">{`社区工作者代为补录${record.onBehalfReason ? `：${record.onBehalfReason}` : ''}`}</Text>
      ) : null}
      {record.flags.length > 0 ? (
        <View className="record-item__flags">
          {record.flags.map((flag) => (
            <Text key={flag} className="record-item__flag">
              {SERVICE_FLAG_LABELS[flag]}
            </Text>
          ))}
        </View>
      ) : null}
      {record.status === 'rejected' ? (
        <Text className="record-item__reason">{`未通过原因：${record.decisionReason ?? '未说明'}`}</Text>
      ) : null}
      {record.status === 'confirmed' && record.decidedBy ? (
        <Text className="record-item__decided">
          {`${record.decidedBy.name} 确认${record.decidedAt ? ` · ${formatDateTime(record.decidedAt)}` : ''}`}
        </Text>
      ) : null}
      {record.status === 'open' ? (
        <Button className="service-action record-item__end" type="primary" size="large" block onClick={openVisit}>
          结束服务（签退）
        </Button>
      ) : null}
    </View>
  );
}

export default function RecordsPage() {
  const { signedIn, list, uploads } = useRecords();

  if (!signedIn) {
    return (
      <View className="page records">
        <SectionCard className="records-login">
          <Text className="service-hint">登录后可以查看您的服务记录</Text>
          <Button className="records-login__button" type="primary" size="large" block onClick={openLogin}>
            登录
          </Button>
        </SectionCard>
      </View>
    );
  }

  return (
    <View className="page records">
      <View className="page-header">
        <Text className="page-header__title">我的服务记录</Text>
        <Text className="page-header__subtitle">
          签到、签退都经核验，或由社区工作者确认后，服务时长才会计入。下拉可以刷新。
        </Text>
      </View>

      {uploads.items.length > 0 ? (
        <SectionCard title="待上传" className="records-pending">
          {uploads.items.map((item) => (
            <PendingItem
              key={item.key}
              className="record-item record-item--pending"
              item={item}
              busy={uploads.flushing}
              onRetry={(key) => void uploads.retry(key)}
              onDiscard={(pending) => void uploads.discard(pending)}
            />
          ))}
        </SectionCard>
      ) : null}

      <PagedListView
        list={list}
        classNames={{ error: 'records-error', loading: 'records-loading', more: 'records-more' }}
        empty={
          <SectionCard className="records-empty">
            <StateView status="empty" message="还没有服务记录" />
            <Button className="service-action records-empty__checkin" type="primary" size="large" block onClick={openCheckin}>
              签到服务
            </Button>
          </SectionCard>
        }
      >
        <SectionCard title="服务记录" extra={`共 ${list.total} 条`} className="records-list">
          {list.items.map((record) => (
            <RecordItem key={record.id} record={record} />
          ))}
        </SectionCard>
      </PagedListView>
    </View>
  );
}
