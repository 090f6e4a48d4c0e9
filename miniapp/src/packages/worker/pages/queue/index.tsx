import { SERVICE_FLAG_LABELS, SERVICE_RECORD_STATUS_LABELS, SERVICE_TYPE_LABELS, type ServiceRecordView } from '@pioneer/shared-types';
import { Input, Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import Pager from '@/components/pager';
import RefreshNotice from '@/components/refresh-notice';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import CommunityTabs from '../../components/community-tabs';
import ReasonDialog from '../../components/reason-dialog';
import WorkerGate from '../../components/worker-gate';
import type { WorkerContext } from '../../shared/communities';
import { formatDateTime, formatSpan } from '@/format/date-time';
import { formatHours } from '@/format/hours';
import { verificationLabel } from '@/format/verification';
import { isDecidable, needsHours, QUEUE_PAGE_SIZE, QUEUE_STATUSES, useQueue, type DecisionResult } from './use-queue';
import './index.scss';

type Queue = ReturnType<typeof useQueue>;

function HoursLine({ record, queue, decidable }: { record: ServiceRecordView; queue: Queue; decidable: boolean }) {
  const suggested = record.proposedHours > 0 ? `按签到签退时间约 ${formatHours(record.proposedHours)}` : '签到签退时间不足半小时';
  if (record.status === 'confirmed') {
    return <Text className="queue-item__line queue-item__credited">{`计入 ${formatHours(record.hours)}`}</Text>;
  }
  if (!decidable || !needsHours(record)) {
    return <Text className="queue-item__line">{suggested}</Text>;
  }
  const error = queue.hourErrors[record.id];
  return (
    <View className={`queue-item__hours-row${error ? ' queue-item__hours-row--error' : ''}`}>
      <Text className="queue-item__hours-label">核定时长</Text>
      <Input
        className="queue-item__hours"
        type="digit"
        value={queue.hours[record.id] ?? ''}
        placeholder="如 1.5"
        maxlength={4}
        onInput={(event) => queue.setHoursFor(record.id, event.detail.value)}
      />
      <Text className="queue-item__hours-unit">小时</Text>
      <Text className="queue-item__hours-hint">
        {error ?? `${record.offlineClaim ? '离线补传，请核实时间后核定' : '签退未扫码，请核定'}；${suggested}`}
      </Text>
    </View>
  );
}

function QueueItem({ record, queue, viewerId, showCommunity }: { record: ServiceRecordView; queue: Queue; viewerId: string; showCommunity: boolean }) {
  const decidable = isDecidable(record, viewerId);
  const own = record.member.id === viewerId;
  const checked = queue.selected.includes(record.id);
  const classes = ['queue-item', checked ? 'queue-item--selected' : '', own ? 'queue-item--own' : ''].filter(Boolean).join(' ');
  return (
    <View className={classes}>
      {decidable ? (
        <View
          className={`queue-item__select${checked ? ' queue-item__select--checked' : ''}`}
          role="checkbox"
          aria-checked={checked}
          aria-label={`选择 ${record.member.name} 的记录`}
          onClick={() => queue.toggle(record.id)}
        >
          <Text className="queue-item__check">{checked ? '✓' : ''}</Text>
        </View>
      ) : null}
      <View className="queue-item__body">
        <View className="queue-item__head">
          <Text className="queue-item__member">{record.member.name}</Text>
          {record.offlineClaim ? (
            <Tag className="queue-item__offline" type="warning">
              离线补传
            </Tag>
          ) : null}
          <Text className={`queue-item__status queue-item__status--${record.status}`}>
            {SERVICE_RECORD_STATUS_LABELS[record.status]}
          </Text>
        </View>
        {showCommunity ? <Text className="queue-item__line queue-item__community">{record.community.name}</Text> : null}
        <Text className="queue-item__line queue-item__time">{formatSpan(record.startedAt, record.endedAt)}</Text>
        <Text className="queue-item__line queue-item__verification">
          {`${verificationLabel(record.startVerification, 'start')} · ${record.endedAt ? verificationLabel(record.endVerification, 'end') : '还没有签退'}`}
        </Text>
        {record.distanceM !== null ? (
          <Text className="queue-item__line">{`定位距社区约 ${Math.round(record.distanceM)} 米`}</Text>
        ) : null}
        {record.serviceType ? (
          <Text className="queue-item__line queue-item__description">
            <Text className="queue-item__type">{SERVICE_TYPE_LABELS[record.serviceType]}</Text>
            {record.description ? `：${record.description}` : ''}
          </Text>
        ) : null}
        <HoursLine record={record} queue={queue} decidable={decidable} />
        {record.flags.length > 0 ? (
          <View className="queue-item__flags">
            {record.flags.map((flag) => (
              <Tag key={flag} className="queue-item__flag" type="warning" plain>
                {SERVICE_FLAG_LABELS[flag]}
              </Tag>
            ))}
          </View>
        ) : null}
        {record.offlineClaimedAt ? (
          <Text className="queue-item__line">{`手机记录的时间：${formatDateTime(record.offlineClaimedAt)}（离线，需核实）`}</Text>
        ) : null}
        {record.onBehalf ? (
          <Text className="queue-item__line">{`代为补录${record.onBehalfReason ? `：${record.onBehalfReason}` : ''}`}</Text>
        ) : null}
        {record.decisionReason ? (
          <Text className="queue-item__line queue-item__reason">{`${record.status === 'rejected' ? '退回理由' : '说明'}：${record.decisionReason}`}</Text>
        ) : null}
        {record.decidedBy && record.decidedAt ? (
          <Text className="queue-item__line queue-item__decided">{`${record.decidedBy.name} 于 ${formatDateTime(record.decidedAt)} 处理`}</Text>
        ) : null}
        {own && record.status === 'pending' ? (
          <Text className="queue-item__line queue-item__own">本人的记录，需由本社区其他工作者确认</Text>
        ) : null}
      </View>
    </View>
  );
}

function ResultCard({ result, onClose }: { result: DecisionResult; onClose: () => void }) {
  const verb = result.decision === 'confirm' ? '确认' : '退回';
  return (
    <View className={`queue-result queue-result--${result.skipped.length > 0 ? 'partial' : 'done'}`} role="status">
      <View className="queue-result__head">
        <Text className="queue-result__summary">
          {`已${verb} ${result.decided} 条${result.skipped.length > 0 ? `，${result.skipped.length} 条未能${verb}` : ''}`}
        </Text>
        <Text className="queue-result__close" onClick={onClose}>
          知道了
        </Text>
      </View>
      {result.skipped.map((skip) => (
        <Text key={skip.id} className="queue-result__skipped">{`${skip.label}：${skip.message}`}</Text>
      ))}
    </View>
  );
}

function Queue({ context }: { context: WorkerContext }) {
  const queue = useQueue(context.me.id);
  const { filters, list, items } = queue;
  const page = list.data;
  const pendingView = filters.status === 'pending';

  return (
    <>
      <CommunityTabs
        communities={context.communities}
        value={filters.communityId}
        allowAll
        onChange={(communityId) => queue.change({ communityId })}
      />
      <View className="queue-filters">
        {QUEUE_STATUSES.map((option) => (
          <Text
            key={option.value}
            className={`queue-filter queue-status--${option.value}${filters.status === option.value ? ' queue-filter--active' : ''}`}
            onClick={() => queue.change({ status: option.value })}
          >
            {option.label}
          </Text>
        ))}
        <View
          className={`queue-filter queue-flagged${filters.flagged ? ' queue-filter--active' : ''}`}
          role="switch"
          aria-checked={filters.flagged}
          onClick={() => queue.change({ flagged: !filters.flagged })}
        >
          仅看标记
        </View>
      </View>

      {queue.result ? <ResultCard result={queue.result} onClose={queue.dismissResult} /> : null}

      <RefreshNotice error={page ? list.error : undefined} onRetry={list.reload} />

      {!page ? (
        list.error && !list.loading ? (
          <StateView className="queue-error" status="error" message={list.error.message} onRetry={() => void list.reload()} />
        ) : (
          <StateView className="queue-loading" status="loading" />
        )
      ) : items.length === 0 ? (
        <StateView
          className="queue-empty"
          status="empty"
          message={pendingView ? '没有待确认的记录' : '没有符合条件的记录'}
        />
      ) : (
        <SectionCard
          className="queue-list"
          title={`${SERVICE_RECORD_STATUS_LABELS[filters.status]}${filters.flagged ? '（有标记）' : ''}`}
          extra={
            queue.decidableCount > 0 ? (
              <Text className="queue-select-all" onClick={queue.toggleAll}>
                {queue.allSelected ? '取消全选' : '全选本页'}
              </Text>
            ) : undefined
          }
        >
          {items.map((record) => (
            <QueueItem
              key={record.id}
              record={record}
              queue={queue}
              viewerId={context.me.id}
              showCommunity={context.communities.length > 1}
            />
          ))}
          <Pager
            page={page.page}
            pageSize={page.pageSize || QUEUE_PAGE_SIZE}
            total={page.total}
            disabled={list.loading}
            onChange={queue.setPage}
          />
        </SectionCard>
      )}

      {queue.decidableCount > 0 ? (
        <View className="queue-actions">
          {queue.formError || (queue.decideError && !queue.rejecting) ? (
            <View className="queue-form-error" role="alert">
              {queue.formError ?? queue.decideError?.message}
            </View>
          ) : null}
          <View className="queue-actions__row">
            <Text className="queue-actions__count">{`已选 ${queue.selected.length} 条`}</Text>
            <Button
              className="queue-reject"
              size="large"
              disabled={queue.deciding}
              onClick={queue.openReject}
            >
              退回
            </Button>
            <Button
              className="queue-confirm"
              type="primary"
              size="large"
              loading={queue.deciding && !queue.rejecting}
              disabled={queue.deciding}
              onClick={() => void queue.confirm()}
            >
              批量确认
            </Button>
          </View>
        </View>
      ) : null}

      <ReasonDialog
        className="queue-reject-dialog"
        open={queue.rejecting}
        title={`退回 ${queue.selected.length} 条记录`}
        note="退回理由会发送给党员本人"
        placeholder="如：当天未在社区见到本人，请补充说明"
        confirmText="确定退回"
        requiredMessage="请填写退回理由"
        pending={queue.deciding}
        error={queue.decideError?.message}
        onCancel={queue.closeReject}
        onConfirm={(reason) => void queue.reject(reason)}
      />
    </>
  );
}

export default function WorkerQueuePage() {
  return (
    <View className="page worker-queue">
      <View className="page-header">
        <Text className="page-header__title">待确认记录</Text>
        <Text className="page-header__subtitle">勾选后可批量确认或退回；签退未扫码的记录需要核定时长</Text>
      </View>
      <WorkerGate notWorkerMessage="只有社区工作者可以确认服务记录">{(context) => <Queue context={context} />}</WorkerGate>
    </View>
  );
}
