import { SERVICE_FLAG_LABELS, SERVICE_RECORD_STATUS_LABELS, SERVICE_TYPE_LABELS, type ServiceRecordView } from '@pioneer/shared-types';
import { Input, Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import FieldError from '@/components/field-error';
import LoadMore from '@/components/load-more';
import ReasonDialog from '@/components/reason-dialog';
import SelectField from '@/components/select-field';
import RefreshNotice from '@/components/refresh-notice';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import CommunityTabs from '../../components/community-tabs';
import WorkerGate from '../../components/worker-gate';
import type { WorkerContext } from '../../shared/communities';
import { formatDateTime, formatSpan } from '@/format/date-time';
import { formatHours } from '@/format/hours';
import { verificationLabel } from '@/format/verification';
import CorrectionDialog from './correction-dialog';
import {
  canCorrect,
  canUndo,
  dayOptions,
  FLAG_OPTIONS,
  type FlagFilter,
  isDecidable,
  needsHours,
  QUEUE_STATUSES,
  useQueue,
} from './use-queue';
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
  const error = queue.hourErrors[`hours.${record.id}`];
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
      {error ? (
        <FieldError className="queue-item__hours-error" message={error} />
      ) : (
        <Text className="queue-item__hours-hint">{`${record.offlineClaim ? '离线补传，请核实时间后核定' : '签退未扫码，请核定'}；${suggested}`}</Text>
      )}
    </View>
  );
}

function QueueItem({ record, queue, viewerId, showCommunity }: { record: ServiceRecordView; queue: Queue; viewerId: string; showCommunity: boolean }) {
  const decidable = isDecidable(record, viewerId);
  const own = record.member.id === viewerId;
  const checked = queue.selected.includes(record.id);
  const result = queue.results[record.id];
  const undoable = canUndo(record, queue.now);
  const correctable = canCorrect(record, viewerId, queue.now);
  const undoFailure = queue.undoFailure?.id === record.id ? queue.undoFailure.message : null;
  const classes = ['queue-item', checked ? 'queue-item--selected' : '', own ? 'queue-item--own' : ''].filter(Boolean).join(' ');
  return (
    <View className={classes}>
      {decidable && queue.selecting ? (
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
          {record.resubmittedFrom ? (
            <Tag className="queue-item__resubmitted" type="primary" plain>
              重新提交
            </Tag>
          ) : null}
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
        {record.hoursReason ? (
          <Text className="queue-item__line queue-item__hours-reason">{`多报时长的说明：${record.hoursReason}`}</Text>
        ) : null}
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
        {result ? (
          <View className={`queue-item__result queue-item__result--${result.ok ? 'ok' : 'skipped'}`} role="status">
            <Text>{result.text}</Text>
          </View>
        ) : null}
        {undoFailure ? <FieldError className="queue-item__undo-error" message={undoFailure} /> : null}
        {decidable && !queue.selecting ? (
          <View className="queue-item__actions">
            <Button
              className="queue-item__reject"
              size="large"
              disabled={queue.deciding}
              onClick={() => queue.openReject([record.id])}
            >
              退回
            </Button>
            <Button
              className="queue-item__confirm"
              type="primary"
              size="large"
              disabled={queue.deciding}
              onClick={() => void queue.confirm([record.id])}
            >
              确认
            </Button>
          </View>
        ) : null}
        {undoable ? (
          <View className="queue-item__actions">
            <Button
              className="queue-item__undo"
              size="large"
              loading={queue.undoingId === record.id}
              disabled={queue.undoingId !== null}
              onClick={() => void queue.undo(record)}
            >
              撤销
            </Button>
          </View>
        ) : correctable ? (
          <View className="queue-item__actions">
            <Button className="queue-item__correct" size="large" onClick={() => queue.openCorrect(record)}>
              更正
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  );
}

function Queue({ context }: { context: WorkerContext }) {
  const queue = useQueue(context.me.id);
  const { filters, list, items } = queue;
  const pendingView = filters.status === 'pending';
  const days = dayOptions();
  const filtered = filters.flag !== '' || filters.day !== '';
  const loaded = !list.loading || items.length > 0;

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
      </View>
      <View className="queue-filter-fields">
        <SelectField
          className="queue-day"
          label="服务日期"
          value={filters.day}
          options={days}
          onChange={(day) => queue.change({ day })}
        />
        <SelectField<FlagFilter>
          className="queue-flag"
          label="标记"
          value={filters.flag}
          options={FLAG_OPTIONS}
          onChange={(flag) => queue.change({ flag })}
        />
      </View>

      <RefreshNotice error={items.length > 0 ? list.error : undefined} onRetry={list.reload} />

      {items.length === 0 ? (
        list.error && !list.loading ? (
          <StateView className="queue-error" status="error" message={list.error.message} onRetry={() => void list.reload()} />
        ) : !loaded ? (
          <StateView className="queue-loading" status="loading" />
        ) : (
          <StateView
            className="queue-empty"
            status="empty"
            message={pendingView && !filtered ? '没有待确认的记录' : '没有符合条件的记录'}
          />
        )
      ) : (
        <SectionCard
          className="queue-list"
          title={`${SERVICE_RECORD_STATUS_LABELS[filters.status]}（${list.total} 条）`}
          extra={
            queue.decidableCount > 0 ? (
              <Text className="queue-select-mode" onClick={queue.toggleSelecting}>
                {queue.selecting ? '取消多选' : '多选'}
              </Text>
            ) : undefined
          }
        >
          {queue.selecting && queue.decidableCount > 0 ? (
            <View className="queue-select-all" role="checkbox" aria-checked={queue.allSelected} onClick={queue.toggleAll}>
              <Text>{queue.allSelected ? '取消全选' : '全选'}</Text>
            </View>
          ) : null}
          {items.map((record) => (
            <QueueItem
              key={record.id}
              record={record}
              queue={queue}
              viewerId={context.me.id}
              showCommunity={context.communities.length > 1}
            />
          ))}
          <LoadMore
            className="queue-more"
            hasMore={list.hasMore}
            loading={list.loadingMore}
            error={list.loadMoreError}
            count={items.length}
            onLoadMore={() => void list.loadMore()}
          />
        </SectionCard>
      )}

      {queue.formError && !queue.selecting ? (
        <View className="queue-form-error queue-form-error--inline" role="alert">
          {queue.formError}
        </View>
      ) : null}

      {queue.selecting && queue.decidableCount > 0 ? (
        <View className="queue-actions">
          {queue.formError ? (
            <View className="queue-form-error" role="alert">
              {queue.formError}
            </View>
          ) : null}
          <View className="queue-actions__row">
            <Text className="queue-actions__count">{`已选 ${queue.selected.length} 条`}</Text>
            <Button
              className="queue-reject"
              size="large"
              disabled={queue.deciding}
              onClick={() => queue.openReject(queue.selected)}
            >
              退回
            </Button>
            <Button
              className="queue-confirm"
              type="primary"
              size="large"
              loading={queue.deciding && !queue.rejecting}
              disabled={queue.deciding}
              onClick={() => void queue.confirm(queue.selected)}
            >
              确认
            </Button>
          </View>
        </View>
      ) : null}

      <ReasonDialog
        className="queue-reject-dialog"
        open={queue.rejecting !== null}
        title={`退回 ${queue.rejecting?.length ?? 0} 条记录`}
        note={(queue.rejecting?.length ?? 0) > 1 ? '同一理由会发送给每位党员本人' : '退回理由会发送给党员本人'}
        placeholder="如：当天未在社区见到本人，请补充说明"
        confirmText="确定退回"
        requiredMessage="请填写退回理由"
        pending={queue.deciding}
        error={queue.decideError?.message}
        onCancel={queue.closeReject}
        onConfirm={(reason) => void queue.reject(reason)}
      />

      <CorrectionDialog
        record={queue.correcting}
        pending={queue.correctionPending}
        errors={queue.correctionErrors}
        onCancel={queue.closeCorrect}
        onSubmit={(body) => void queue.submitCorrection(body)}
      />
    </>
  );
}

export default function WorkerQueuePage() {
  return (
    <View className="page worker-queue">
      <View className="page-header">
        <Text className="page-header__title">待确认记录</Text>
        <Text className="page-header__subtitle">逐条或多选后批量确认、退回；签退未扫码的记录需要核定时长</Text>
      </View>
      <WorkerGate notWorkerMessage="只有社区工作者可以确认服务记录">{(context) => <Queue context={context} />}</WorkerGate>
    </View>
  );
}
