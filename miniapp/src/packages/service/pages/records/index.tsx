import { useState } from 'react';
import { SERVICE_FLAG_LABELS, SERVICE_TYPE_LABELS, type ServiceRecordView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import PagedListView from '@/components/paged-list-view';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import PendingItem from '../../components/pending-item';
import RecordStatus from '../../components/record-status';
import { formatDateTime, formatSpan } from '@/format/date-time';
import { recordHoursText } from '@/format/hours';
import { verificationLabel } from '@/format/verification';
import { openCheckin, openLogin, openVisit } from '../../shared/navigation';
import ResubmitForm from './resubmit-form';
import { useRecords } from './use-records';
import '../../components/service.scss';
import './index.scss';

function verificationText(record: ServiceRecordView): string {
  const start = verificationLabel(record.startVerification, 'start');
  return record.status === 'open' ? start : `${start} · ${verificationLabel(record.endVerification, 'end')}`;
}

function RecordItem({ record, onResubmitted }: { record: ServiceRecordView; onResubmitted: () => void }) {
  const [correcting, setCorrecting] = useState(false);
  const resubmittable = record.status === 'rejected' && record.resubmittedAs === null && record.endedAt !== null;
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
        <Text className={`record-item__hours record-item__hours--${record.status}`}>{recordHoursText(record)}</Text>
      </View>
      {record.hoursReason ? <Text className="record-item__hours-reason">{`时长说明：${record.hoursReason}`}</Text> : null}
      {record.resubmittedFrom ? <Text className="record-item__resubmission">修改后重新提交的记录</Text> : null}

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
      {record.status === 'rejected' && record.resubmittedAs ? (
        <Text className="record-item__resubmitted">已重新提交</Text>
      ) : null}
      {resubmittable && !correcting ? (
        <Button className="service-action record-item__resubmit" size="large" block onClick={() => setCorrecting(true)}>
          修改后重新提交
        </Button>
      ) : null}
      {resubmittable && correcting ? (
        <ResubmitForm
          record={record}
          onCancel={() => setCorrecting(false)}
          onDone={() => {
            setCorrecting(false);
            onResubmitted();
          }}
        />
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
            <RecordItem key={record.id} record={record} onResubmitted={() => void list.reload()} />
          ))}
        </SectionCard>
      </PagedListView>
    </View>
  );
}
