import { useCallback, useEffect, useRef, useState } from 'react';
import { SIGNUP_STATUS_LABELS, SIGNUP_STATUSES, type ActivityDetail, type SignupStatus, type SignupView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { cancelSignup, listSignups } from '@/api/activities';
import ChoiceChips from '@/components/choice-chips';
import FieldError from '@/components/field-error';
import PagedListView from '@/components/paged-list-view';
import ReasonDialog from '@/components/reason-dialog';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import StatusTag from '@/components/status-tag';
import TextField from '@/components/text-field';
import { formatDateTime } from '@/format/date-time';
import { formatHours } from '@/format/hours';
import { usePagedList } from '@/hooks/use-paged-list';
import { useSubmit } from '@/hooks/use-submit';
import { toast } from '@/services/toast';
import ActivityHead from '../../components/activity-head';
import OrganizeFrame from '../../components/organize-frame';
import { SIGNUP_STATUS_TONES } from '../../shared/labels';
import MissingId from '../../shared/missing-id';
import { usePageQuery } from '../../shared/navigation';
import { useActivity } from '../../shared/use-activity';
import { REASON_MAX, useOnBehalf } from './use-on-behalf';
import './index.scss';

export const SIGNUPS_PAGE_SIZE = 50;

/** Who holds a place can lose it; who is waiting can leave the line. Attended and absent are history. */
const CANCELLABLE: readonly SignupStatus[] = ['confirmed', 'waitlisted'];

const STATUS_TABS = SIGNUP_STATUSES.map((value) => ({ value, label: SIGNUP_STATUS_LABELS[value] }));

function SignupRow({ signup, onCancel, canCancel }: { signup: SignupView; onCancel: (signup: SignupView) => void; canCancel: boolean }) {
  const notes = [
    signup.member.unitName,
    `报名于 ${formatDateTime(signup.signedUpAt)}`,
    signup.onBehalf ? '代为报名' : null,
    signup.checkedInAt ? `签到 ${formatDateTime(signup.checkedInAt)}` : null,
    signup.checkedOutAt ? `签退 ${formatDateTime(signup.checkedOutAt)}` : null,
    signup.creditedHours > 0 ? `计入 ${formatHours(signup.creditedHours)}` : null,
  ].filter(Boolean);
  return (
    <View className="signup-row">
      <View className="signup-row__main">
        <View className="signup-row__head">
          {signup.status === 'waitlisted' && signup.waitlistPosition !== null ? (
            <Text className="signup-row__position">{`候补第 ${signup.waitlistPosition} 位`}</Text>
          ) : null}
          <Text className="signup-row__name">{signup.member.name}</Text>
          <StatusTag tone={SIGNUP_STATUS_TONES[signup.status]}>{SIGNUP_STATUS_LABELS[signup.status]}</StatusTag>
        </View>
        <Text className="organize-meta">{notes.join(' · ')}</Text>
      </View>
      {canCancel && CANCELLABLE.includes(signup.status) ? (
        <View className="signup-row__cancel" role="button" aria-label={`取消${signup.member.name}的报名`} onClick={() => onCancel(signup)}>
          <Text>取消报名</Text>
        </View>
      ) : null}
    </View>
  );
}

function Signups({ activity }: { activity: ActivityDetail }) {
  const [status, setStatus] = useState<SignupStatus>('confirmed');
  const fetchPage = useCallback(
    (page: number) => listSignups(activity.id, { status, page, pageSize: SIGNUPS_PAGE_SIZE }),
    [activity.id, status],
  );
  const list = usePagedList(fetchPage);
  const { restart } = list;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void restart();
  }, [status, restart]);

  const [cancelling, setCancelling] = useState<SignupView | null>(null);
  const cancellation = useSubmit((key: string, signupId: string, reason: string) => cancelSignup(activity.id, signupId, reason, key));
  // Waitlisted places move when someone leaves: the whole list is read again, not patched.
  const canCancel = activity.status === 'published';

  return (
    <>
      <ChoiceChips className="organize-tabs signup-tabs" options={STATUS_TABS} value={status} onChange={setStatus} />
      <PagedListView
        list={list}
        classNames={{ error: 'signups-error', loading: 'signups-loading', more: 'signups-more' }}
        canRetry={(error) => error.status !== 403}
        empty={<StateView className="signups-empty" status="empty" message={`没有${SIGNUP_STATUS_LABELS[status]}的党员`} />}
      >
        <SectionCard className="signups-list" title={`${SIGNUP_STATUS_LABELS[status]} ${list.total} 人`}>
          {status === 'waitlisted' ? <Text className="organize-note">按报名先后排队，有人取消时第 1 位自动递补。</Text> : null}
          {list.items.map((signup) => (
            <SignupRow key={signup.id} signup={signup} canCancel={canCancel} onCancel={setCancelling} />
          ))}
        </SectionCard>
      </PagedListView>
      <ReasonDialog
        className="signup-cancel-dialog"
        open={cancelling !== null}
        title={cancelling ? `取消${cancelling.member.name}的报名` : '取消报名'}
        note="原因会告知党员本人"
        placeholder="如：本人电话告知不能参加"
        confirmText="确认取消"
        requiredMessage="请填写取消原因"
        pending={cancellation.pending}
        error={cancellation.error?.message}
        onEdit={cancellation.clearError}
        onCancel={() => setCancelling(null)}
        onConfirm={(reason) => {
          if (!cancelling) return;
          void cancellation.run(cancelling.id, reason).then((done) => {
            if (!done) return;
            setCancelling(null);
            toast('已取消报名');
            void list.reload();
          });
        }}
      />
    </>
  );
}

function OnBehalf({ activity, onDone }: { activity: ActivityDetail; onDone: () => void }) {
  const form = useOnBehalf(activity.id);
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <View className="signups-on-behalf-open">
        <Button className="on-behalf-start" size="large" block onClick={() => setOpen(true)}>
          代为报名
        </Button>
      </View>
    );
  }
  if (form.result) {
    const names = new Map(form.chosen.map((member) => [member.id, member.name]));
    return (
      <SectionCard className="on-behalf-result" title="代为报名结果">
        {form.result.results.map((line) => (
          <View key={line.memberId} className={`on-behalf-line${line.outcome === 'refused' ? ' on-behalf-line--refused' : ''}`}>
            <Text className="on-behalf-line__name">{names.get(line.memberId) ?? (line.outcome === 'refused' ? '' : line.signup.member.name)}</Text>
            <Text className="on-behalf-line__outcome">
              {line.outcome === 'refused'
                ? `未报上：${line.message}`
                : line.outcome === 'confirmed'
                  ? '已报名'
                  : `已报名候补${line.signup.waitlistPosition ? `，第 ${line.signup.waitlistPosition} 位` : ''}`}
            </Text>
          </View>
        ))}
        <View className="organize-actions">
          <Button
            className="organize-actions__item on-behalf-again"
            type="primary"
            onClick={() => {
              form.startOver();
              onDone();
            }}
          >
            继续代为报名
          </Button>
          <Button
            className="organize-actions__item on-behalf-close"
            onClick={() => {
              form.startOver();
              setOpen(false);
              onDone();
            }}
          >
            完成
          </Button>
        </View>
      </SectionCard>
    );
  }
  const chosenIds = new Set(form.chosen.map((member) => member.id));
  const found = form.found.data?.items ?? [];
  return (
    <SectionCard className="on-behalf-form" title="代为报名">
      <Text className="organize-note">为没有用小程序的党员报名，如电话或当面报名。报名原因会留存备查，并告知党员本人。</Text>
      <TextField
        className="on-behalf-search"
        label="查找党员"
        value={form.draft}
        placeholder="姓名，或完整的 11 位手机号"
        maxLength={50}
        onChange={form.setDraft}
        onConfirm={form.search}
      />
      <Button className="on-behalf-search__button" type="primary" onClick={form.search}>
        搜索
      </Button>
      {form.chosen.length > 0 ? (
        <View className="on-behalf-chosen">
          <Text className="edit-label">{`已选 ${form.chosen.length} 人`}</Text>
          {form.chosen.map((member) => (
            <View key={member.id} className="organize-check organize-check--checked" role="checkbox" aria-checked onClick={() => form.toggle(member)}>
              <Text className="organize-check__box">✓</Text>
              <Text className="organize-check__label">{member.name}</Text>
              <Text className="organize-check__note">{member.unit.name}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {form.searched ? (
        form.found.error && !form.found.loading ? (
          <StateView status="error" rows={1} message={form.found.error.message} onRetry={() => void form.found.reload()} />
        ) : form.found.loading ? (
          <StateView status="loading" rows={2} message="正在查找…" />
        ) : found.length === 0 ? (
          <StateView className="on-behalf-none" status="empty" message="没有找到符合的党员，可换个姓名或手机号" />
        ) : (
          <View className="on-behalf-found">
            {found
              .filter((member) => !chosenIds.has(member.id))
              .map((member) => (
                <View key={member.id} className="organize-check" role="checkbox" aria-checked={false} onClick={() => form.toggle(member)}>
                  <Text className="organize-check__box" />
                  <Text className="organize-check__label">{member.name}</Text>
                  <Text className="organize-check__note">{[member.unit.name, member.branch?.name].filter(Boolean).join(' · ')}</Text>
                </View>
              ))}
          </View>
        )
      ) : null}
      <TextField
        className="on-behalf-reason"
        label="代为报名原因"
        required
        maxLength={REASON_MAX}
        value={form.reason}
        placeholder="如：本人电话报名"
        error={form.reasonMissing ? '请填写代为报名原因' : undefined}
        onChange={form.setReason}
      />
      <FieldError message={form.error?.message} />
      <View className="organize-actions">
        <Button
          className="organize-actions__item on-behalf-submit"
          type="primary"
          size="large"
          loading={form.pending}
          disabled={form.pending || form.chosen.length === 0}
          onClick={() => void form.submit()}
        >
          {form.chosen.length > 0 ? `为 ${form.chosen.length} 人报名` : '请先选择党员'}
        </Button>
        <Button className="organize-actions__item on-behalf-cancel" size="large" disabled={form.pending} onClick={() => setOpen(false)}>
          收起
        </Button>
      </View>
    </SectionCard>
  );
}

function Page({ id }: { id: string }) {
  const activity = useActivity(id);
  const [listKey, setListKey] = useState(0);
  return (
    <ActivityHead activity={activity}>
      {(detail) => (
        <>
          {detail.status === 'published' ? (
            <OnBehalf
              activity={detail}
              onDone={() => {
                setListKey((key) => key + 1);
                void activity.reload();
              }}
            />
          ) : null}
          <Signups key={listKey} activity={detail} />
        </>
      )}
    </ActivityHead>
  );
}

export default function OrganizeSignupsPage() {
  const query = usePageQuery();
  return (
    <OrganizeFrame title="报名名单" className="organize-signups-page">
      {() => (!query ? <StateView status="loading" /> : query.id ? <Page id={query.id} /> : <MissingId />)}
    </OrganizeFrame>
  );
}
