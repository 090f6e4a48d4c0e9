import type { RegistrationView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import FieldError from '@/components/field-error';
import Pager from '@/components/pager';
import ReasonDialog from '@/components/reason-dialog';
import RefreshNotice from '@/components/refresh-notice';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import CommunityTabs from '../../components/community-tabs';
import WorkerGate from '../../components/worker-gate';
import type { WorkerContext } from '../../shared/communities';
import { formatDateTime } from '@/format/date-time';
import { REASON_MAX, REGISTRATIONS_PAGE_SIZE, usePendingRegistrations, useRegisterOnBehalf } from './use-registrations';
import './index.scss';

type Pending = ReturnType<typeof usePendingRegistrations>;

function RegistrationItem({ registration, pending, viewerId }: { registration: RegistrationView; pending: Pending; viewerId: string }) {
  const own = registration.member.id === viewerId;
  const approving = pending.approvingId === registration.id;
  return (
    <View className="registration-item">
      <View className="registration-item__head">
        <Text className="registration-item__name">{registration.member.name}</Text>
        <Text className="registration-item__time">{formatDateTime(registration.createdAt)}</Text>
      </View>
      <Text className="registration-item__line">{registration.member.unitName}</Text>
      <Text className="registration-item__line">{`申请到 ${registration.community.name}（${registration.community.streetName}）报到`}</Text>
      {own ? (
        <Text className="registration-item__line registration-item__own">本人的报到申请，需由本社区其他工作者审核</Text>
      ) : (
        <View className="registration-item__actions">
          <Button
            className="registration-reject"
            size="large"
            disabled={approving}
            onClick={() => pending.openReject(registration)}
          >
            退回
          </Button>
          <Button
            className="registration-approve"
            type="primary"
            size="large"
            loading={approving}
            disabled={pending.approvingId !== null}
            onClick={() => void pending.approve(registration)}
          >
            通过
          </Button>
        </View>
      )}
    </View>
  );
}

function PendingList({ context }: { context: WorkerContext }) {
  const pending = usePendingRegistrations();
  const { list } = pending;
  const page = list.data;

  return (
    <>
      <CommunityTabs communities={context.communities} value={pending.filters.communityId} allowAll onChange={pending.setCommunity} />
      {pending.approveError ? (
        <View className="registration-error" role="alert">
          {pending.approveError.message}
        </View>
      ) : null}
      <RefreshNotice error={page ? list.error : undefined} onRetry={list.reload} />
      <SectionCard title="待审核的报到申请" className="registration-list" extra={page ? `共 ${page.total} 条` : undefined}>
        {!page ? (
          list.error && !list.loading ? (
            <StateView status="error" message={list.error.message} onRetry={() => void list.reload()} />
          ) : (
            <StateView status="loading" rows={2} />
          )
        ) : page.items.length === 0 ? (
          <StateView className="registration-empty" status="empty" message="没有待审核的报到申请" />
        ) : (
          <>
            {page.items.map((registration) => (
              <RegistrationItem key={registration.id} registration={registration} pending={pending} viewerId={context.me.id} />
            ))}
            <Pager
              page={page.page}
              pageSize={page.pageSize || REGISTRATIONS_PAGE_SIZE}
              total={page.total}
              disabled={list.loading}
              onChange={pending.setPage}
            />
          </>
        )}
      </SectionCard>
      <ReasonDialog
        className="registration-reject-dialog"
        open={pending.rejecting !== null}
        title={`退回 ${pending.rejecting?.member.name ?? ''} 的报到申请`}
        note="原因会发送给党员本人"
        placeholder="如：住址不在本社区，请向居住地社区报到"
        confirmText="确定"
        requiredMessage="请填写退回的原因"
        maxLength={REASON_MAX}
        pending={pending.rejectPending}
        error={pending.rejectError}
        onEdit={pending.editReject}
        onCancel={pending.closeReject}
        onConfirm={(reason) => void pending.reject(reason)}
      />
      <OnBehalf context={context} onRegistered={() => void list.reload()} />
    </>
  );
}

function OnBehalf({ context, onRegistered }: { context: WorkerContext; onRegistered: () => void }) {
  const form = useRegisterOnBehalf(context, onRegistered);
  const { lookup } = form;
  return (
    <SectionCard title="代为登记报到" className="registration-on-behalf">
      <Text className="registration-on-behalf__note">党员交来纸质报到表时，按表上的姓名和手机号找到本人，由您代为登记（直接通过）。</Text>
      <TextField
        className="registration-on-behalf__name"
        label="姓名"
        required
        maxLength={50}
        value={form.name}
        error={form.errors.name}
        onChange={form.setName}
      />
      <TextField
        className="registration-on-behalf__phone"
        label="手机号"
        required
        type="number"
        maxLength={11}
        value={form.phone}
        error={form.errors.phone}
        onChange={form.setPhone}
        onConfirm={() => void form.find()}
      />
      <Button
        className="registration-on-behalf__find"
        size="large"
        block
        loading={lookup.state === 'searching'}
        disabled={lookup.state === 'searching'}
        onClick={() => void form.find()}
      >
        查找党员
      </Button>
      {lookup.state === 'failed' && form.lookupMessage ? (
        <View className="registration-error registration-on-behalf__not-found" role="alert">
          {lookup.error.status === 404 ? '没有找到姓名和手机号都相符的党员，请核对报到表' : form.lookupMessage}
        </View>
      ) : null}
      {lookup.state === 'found' ? (
        <View className="registration-on-behalf__found">
          <Text className="registration-on-behalf__member">{`${lookup.member.name} · ${lookup.member.unitName}`}</Text>
          {context.communities.length > 1 ? (
            <>
              <Text className="registration-on-behalf__label">报到社区</Text>
              <CommunityTabs communities={context.communities} value={form.communityId} onChange={form.setCommunityId} />
            </>
          ) : (
            <Text className="registration-on-behalf__label">{`报到社区：${context.communities[0]?.name ?? ''}`}</Text>
          )}
          <FieldError message={form.errors.communityId} />
          <TextField
            className="registration-on-behalf__reason"
            label="代为登记原因"
            required
            maxLength={REASON_MAX}
            value={form.reason}
            placeholder="如：根据纸质报到表录入"
            error={form.errors.reason}
            onChange={form.setReason}
          />
          {form.submitError ? (
            <View className="registration-error" role="alert">
              {form.submitError}
            </View>
          ) : null}
          <Button
            className="registration-on-behalf__submit"
            type="primary"
            size="large"
            block
            loading={form.submitting}
            disabled={form.submitting}
            onClick={() => void form.submit()}
          >
            登记报到
          </Button>
        </View>
      ) : null}
      {form.registered ? (
        <View className="registration-on-behalf__done" role="status">
          {`已为 ${form.registered.member.name} 登记到 ${form.registered.community.name}，本人会收到消息。`}
        </View>
      ) : null}
    </SectionCard>
  );
}

export default function WorkerRegistrationsPage() {
  return (
    <View className="page worker-registrations">
      <View className="page-header">
        <Text className="page-header__title">报到审核</Text>
        <Text className="page-header__subtitle">审核党员到本社区报到的申请，或根据纸质报到表代为登记</Text>
      </View>
      <WorkerGate notWorkerMessage="只有社区工作者可以审核报到">{(context) => <PendingList context={context} />}</WorkerGate>
    </View>
  );
}
