import { useMemo, useState } from 'react';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  ACTIVITY_STATUS_LABELS,
  NEED_KIND_LABELS,
  NEED_KINDS,
  VOLUNTEER_SUB_KIND_LABELS,
  VOLUNTEER_SUB_KINDS,
  type ActivityDetail,
  type ActivityKind,
  type NeedKind,
  type UnitView,
  type VolunteerSubKind,
} from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import FieldError from '@/components/field-error';
import HoursStepper from '@/components/hours-stepper';
import ReasonDialog from '@/components/reason-dialog';
import SectionCard from '@/components/section-card';
import SelectField, { type SelectOption } from '@/components/select-field';
import StateView from '@/components/state-view';
import StatusTag from '@/components/status-tag';
import TextField from '@/components/text-field';
import { ROUTES } from '@/constants/routes';
import { goBackOrHome } from '@/services/navigation';
import { toast } from '@/services/toast';
import OrganizeFrame from '../../components/organize-frame';
import { ACTIVITY_STATUS_TONES } from '../../shared/labels';
import { openActivityPage, usePageQuery } from '../../shared/navigation';
import { planDateOptions, planTimeOptions } from '../../shared/time';
import type { OrganizeViewer } from '../../shared/viewer';
import { DESCRIPTION_MAX, PLACE_MAX, TITLE_MAX, plannedHours, scopeKey, useEdit, type EditDraft } from './use-edit';
import './index.scss';

type Edit = ReturnType<typeof useEdit>;

const NO_THEME = 'none';
const NO_COMMUNITY = 'none';
const KIND_OPTIONS: SelectOption<ActivityKind>[] = ACTIVITY_KINDS.map((kind) => ({ value: kind, label: ACTIVITY_KIND_LABELS[kind] }));
/** A community need is a volunteer job or something else; the server refuses the other kinds for a need. */
const NEED_ACTIVITY_KINDS: readonly ActivityKind[] = ['volunteer', 'other'];
const NEED_KIND_CHOICES = KIND_OPTIONS.filter((option) => NEED_ACTIVITY_KINDS.includes(option.value));
const SUB_KIND_OPTIONS: SelectOption<VolunteerSubKind>[] = VOLUNTEER_SUB_KINDS.map((kind) => ({
  value: kind,
  label: VOLUNTEER_SUB_KIND_LABELS[kind],
}));
const NEED_KIND_OPTIONS: SelectOption<NeedKind>[] = NEED_KINDS.map((kind) => ({ value: kind, label: NEED_KIND_LABELS[kind] }));
const SCOPE_WORDS = { district: '全区', unit: '本单位', branch: '本支部', community: '本社区' } as const;

function When({
  edit,
  label,
  day,
  time,
  error,
  hint,
  locked,
  className,
}: {
  edit: Edit;
  label: string;
  day: 'startDay' | 'endDay' | 'signupDay' | 'cancelDay';
  time: 'startTime' | 'endTime' | 'signupTime' | 'cancelTime';
  error?: string;
  hint?: string;
  locked: boolean;
  className: string;
}) {
  const { draft } = edit;
  const days = useMemo(
    () => planDateOptions(new Date(), [draft.startDay, draft.endDay, draft.signupDay, draft.cancelDay]),
    [draft.startDay, draft.endDay, draft.signupDay, draft.cancelDay],
  );
  const times = useMemo(() => planTimeOptions([draft[time]]), [draft, time]);
  return (
    <View className={`edit-when ${className}`}>
      <SelectField
        className="edit-when__day"
        label={`${label}日期`}
        required
        disabled={locked}
        value={draft[day]}
        options={days}
        onChange={(value) => edit.update(day, value)}
      />
      <SelectField
        className="edit-when__time"
        label={`${label}时间`}
        required
        disabled={locked}
        value={draft[time]}
        options={times}
        error={error}
        hint={hint}
        onChange={(value) => edit.update(time, value)}
      />
    </View>
  );
}

function CheckList({
  label,
  items,
  chosen,
  onToggle,
  locked,
  className,
}: {
  label: string;
  items: Array<{ id: string; name: string; note?: string }>;
  chosen: readonly string[];
  onToggle: (id: string) => void;
  locked: boolean;
  className: string;
}) {
  const [filter, setFilter] = useState('');
  const shown = filter.trim() === '' ? items : items.filter((item) => item.name.includes(filter.trim()));
  return (
    <View className={`edit-checklist ${className}`}>
      <Text className="edit-label">{`${label}（已选 ${chosen.length} 个）`}</Text>
      {items.length > 8 ? (
        <TextField className="edit-checklist__filter" label={`查找${label}`} value={filter} placeholder="输入名称筛选" onChange={setFilter} />
      ) : null}
      <View className="edit-checklist__list">
        {shown.map((item) => {
          const checked = chosen.includes(item.id);
          return (
            <View
              key={item.id}
              className={`organize-check${checked ? ' organize-check--checked' : ''}`}
              role="checkbox"
              aria-checked={checked}
              aria-disabled={locked}
              onClick={() => (locked ? undefined : onToggle(item.id))}
            >
              <Text className="organize-check__box">{checked ? '✓' : ''}</Text>
              <Text className="organize-check__label">{item.name}</Text>
              {item.note ? <Text className="organize-check__note">{item.note}</Text> : null}
            </View>
          );
        })}
      </View>
    </View>
  );
}

/** Who may sign up: the scope (chosen once, when creating) and an optional narrower list of units or branches. */
function Scope({ edit, viewer, locked }: { edit: Edit; viewer: OrganizeViewer; locked: boolean }) {
  const { draft, errors, detail, creating } = edit;
  const ownOptions: SelectOption[] = viewer.scopes.map((scope) => ({
    value: scopeKey(scope),
    label: scope.scopeKind === 'district' ? '全区党员（需机关工委审核）' : `${scope.name}（${SCOPE_WORDS[scope.scopeKind]}党员）`,
  }));
  // A district organizer covers every unit, so may also publish one unit's activity (no district review then).
  const unitOptions: SelectOption[] = viewer.isDistrictOrganizer
    ? (edit.units.data ?? [])
        .filter((unit) => !viewer.scopes.some((s) => s.scopeKind === 'unit' && s.scopeId === unit.id))
        .map((unit) => ({ value: scopeKey({ scopeKind: 'unit', scopeId: unit.id }), label: `${unit.name}党员` }))
    : [];
  const scopeOptions = [...ownOptions, ...unitOptions];
  const chosenKind = creating ? draft.scope.split(':')[0] : detail?.scopeKind;
  const chosenId = creating ? draft.scope.split(':')[1] : undefined;
  const allUnits: UnitView[] = edit.units.data ?? [];
  // A unit's activity narrows to its own branches; a district one to units, then branches of the chosen units.
  const branchUnits = chosenKind === 'unit' ? allUnits.filter((unit) => unit.id === chosenId || (!creating && unit.id === detail?.publisher.unitId)) : allUnits.filter((unit) => draft.eligibleUnitIds.includes(unit.id));
  const branches = branchUnits.flatMap((unit) => unit.branches.map((branch) => ({ id: branch.id, name: branch.name, note: unit.name })));

  return (
    <SectionCard className="edit-scope" title="参加范围">
      {creating ? (
        <SelectField
          className="edit-scope__select"
          label="面向"
          required
          value={draft.scope}
          options={scopeOptions}
          error={errors.scopeId ?? errors.scopeKind}
          onChange={(value) => edit.update('scope', value)}
        />
      ) : detail ? (
        <Text className="organize-note edit-scope__fixed">{`面向${SCOPE_WORDS[detail.scopeKind]}党员${detail.publisher.unitName ? `（${detail.publisher.unitName}）` : ''}，发布后不能更改范围`}</Text>
      ) : null}
      {chosenKind === 'district' || chosenKind === 'unit' ? (
        <>
          <Text className="organize-note">不选即范围内的党员都可以报名；选了则只有所选单位或支部的党员可以报名。</Text>
          {edit.units.error ? (
            <FieldError message={`单位列表未能加载：${edit.units.error.message}`} />
          ) : !edit.units.data ? (
            <StateView status="loading" rows={1} message="正在读取单位…" />
          ) : (
            <>
              {chosenKind === 'district' ? (
                <CheckList
                  className="edit-units"
                  label="限定单位"
                  items={allUnits.map((unit) => ({ id: unit.id, name: unit.name }))}
                  chosen={draft.eligibleUnitIds}
                  onToggle={(id) => edit.toggle('eligibleUnitIds', id)}
                  locked={locked}
                />
              ) : null}
              {branches.length > 0 ? (
                <CheckList
                  className="edit-branches"
                  label="限定支部"
                  items={branches}
                  chosen={draft.eligibleBranchIds}
                  onToggle={(id) => edit.toggle('eligibleBranchIds', id)}
                  locked={locked}
                />
              ) : null}
            </>
          )}
          <FieldError message={errors.eligibleUnitIds ?? errors.eligibleBranchIds} />
        </>
      ) : null}
    </SectionCard>
  );
}

function StatusLine({ detail }: { detail: ActivityDetail }) {
  return (
    <SectionCard className="edit-status">
      <View className="edit-status__head">
        <StatusTag tone={ACTIVITY_STATUS_TONES[detail.status]}>{ACTIVITY_STATUS_LABELS[detail.status]}</StatusTag>
        <Text className="organize-meta edit-status__author">{`发布人：${detail.publisher.authorName}`}</Text>
      </View>
      {detail.review?.note ? (
        <Text className="organize-warning edit-status__review">{`审核意见：${detail.review.note}${detail.review.reviewerName ? `（${detail.review.reviewerName}）` : ''}`}</Text>
      ) : null}
      {detail.status === 'published' ? (
        <Text className="organize-meta edit-status__published">已发布：修改时间或地点后，系统会通知已报名和候补的党员。</Text>
      ) : null}
      {detail.cancelReason ? <Text className="organize-note edit-status__cancel-reason">{`取消原因：${detail.cancelReason}`}</Text> : null}
    </SectionCard>
  );
}

function Done({ detail }: { detail: ActivityDetail }) {
  const inReview = detail.status === 'in_review';
  return (
    <SectionCard className="edit-done" title={inReview ? '已提交审核' : '已发布'}>
      <Text className="organize-note">
        {inReview
          ? '全区活动由机关工委的另一位组织者审核，同意后发布，结果会在消息中告知您。'
          : detail.scopeKind === 'community'
            ? '需求已发布，本社区的党员可以在活动中看到并报名。'
            : '活动已发布，范围内的党员可以报名了。'}
      </Text>
      <View className="organize-actions">
        <Button className="organize-actions__item edit-done__back" type="primary" onClick={goBackOrHome}>
          返回活动管理
        </Button>
        {inReview ? null : (
          <Button className="organize-actions__item edit-done__signups" onClick={() => openActivityPage(ROUTES.organizeSignups, detail.id)}>
            报名名单
          </Button>
        )}
      </View>
    </SectionCard>
  );
}

function Form({ viewer, edit }: { viewer: OrganizeViewer; edit: Edit }) {
  const { draft, errors, detail, need, creating } = edit;
  const [cancelOpen, setCancelOpen] = useState(false);
  const locked = detail !== null && !detail.can.edit;
  const most = plannedHours(draft);
  const themeOptions: SelectOption[] = [
    { value: NO_THEME, label: '不选主题' },
    ...(edit.themes.data ?? []).map((theme) => ({ value: theme.id, label: `${Number(theme.month.slice(5))}月 · ${theme.title}` })),
  ];
  const communityOptions: SelectOption[] = need
    ? viewer.communities.map((community) => ({ value: community.id, label: community.name }))
    : [
        { value: NO_COMMUNITY, label: '不在社区举办' },
        ...(edit.communities.data ?? []).map((community) => ({ value: community.id, label: community.name, description: community.streetName })),
      ];
  // A need keeps its community; an activity's community may be among those the list could not load.
  if (detail?.community && !communityOptions.some((option) => option.value === detail.community?.id)) {
    communityOptions.push({ value: detail.community.id, label: detail.community.name });
  }
  const set = <K extends keyof EditDraft>(field: K) => (value: EditDraft[K]) => edit.update(field, value);
  const canSubmit = creating || detail?.can.submit === true;
  const submitLabel = edit.districtWide ? '提交审核' : '发布';
  const busy = edit.saving || edit.submitting;

  const saveDraft = async () => {
    if (await edit.saveDraft()) toast(creating ? '已保存草稿' : '已保存');
  };

  return (
    <>
      {detail ? <StatusLine detail={detail} /> : null}
      {locked ? <Text className="organize-warning edit-locked">{`该${need ? '需求' : '活动'}${ACTIVITY_STATUS_LABELS[detail.status]}，不能再修改。`}</Text> : null}
      <SectionCard className="edit-basic" title={need ? '需求内容' : '活动内容'}>
        {need ? (
          <>
            <SelectField
              className="edit-community"
              label="社区"
              required
              disabled={locked || !creating}
              value={draft.communityId}
              options={communityOptions}
              error={errors.communityId}
              onChange={set('communityId')}
            />
            <SelectField
              className="edit-need-kind"
              label="需求类型"
              required
              disabled={locked}
              value={draft.needKind}
              options={NEED_KIND_OPTIONS}
              error={errors.needKind}
              onChange={set('needKind')}
            />
          </>
        ) : null}
        <SelectField className="edit-kind" label="活动类型" required disabled={locked} value={draft.kind} options={need ? NEED_KIND_CHOICES : KIND_OPTIONS} error={errors.kind} onChange={set('kind')} />
        {draft.kind === 'volunteer' ? (
          <SelectField
            className="edit-sub-kind"
            label="志愿服务类别"
            required={!need}
            disabled={locked}
            value={draft.subKind}
            options={SUB_KIND_OPTIONS}
            error={errors.subKind}
            onChange={set('subKind')}
          />
        ) : null}
        <SelectField
          className="edit-theme"
          label="每月主题"
          disabled={locked}
          value={draft.themeId === '' ? NO_THEME : draft.themeId}
          options={themeOptions}
          error={errors.themeId}
          hint={edit.themes.error ? `主题未能加载：${edit.themes.error.message}` : '可不选'}
          onChange={(value) => edit.update('themeId', value === NO_THEME ? '' : value)}
        />
        <TextField className="edit-title" label="标题" required disabled={locked} maxLength={TITLE_MAX} value={draft.title} placeholder={need ? '如：帮独居老人买菜' : '如：三月学雷锋志愿服务'} error={errors.title} onChange={set('title')} />
        <TextField
          className="edit-description"
          label={need ? '需求说明' : '活动内容'}
          required
          multiline
          disabled={locked}
          maxLength={DESCRIPTION_MAX}
          value={draft.description}
          placeholder="做什么、需要带什么、集合方式等"
          error={errors.description}
          onChange={set('description')}
        />
        <TextField className="edit-place" label="地点" required disabled={locked} maxLength={PLACE_MAX} value={draft.place} placeholder="如：向阳社区党群服务中心" error={errors.place} onChange={set('place')} />
        {need ? null : (
          <SelectField
            className="edit-activity-community"
            label="举办社区"
            disabled={locked}
            value={draft.communityId === '' ? NO_COMMUNITY : draft.communityId}
            options={communityOptions}
            error={errors.communityId}
            hint="可不选"
            onChange={(value) => edit.update('communityId', value === NO_COMMUNITY ? '' : value)}
          />
        )}
      </SectionCard>

      <SectionCard className="edit-times" title="时间">
        <When edit={edit} label="开始" day="startDay" time="startTime" error={errors.startsAt} locked={locked} className="edit-start" />
        <When edit={edit} label="结束" day="endDay" time="endTime" error={errors.endsAt} locked={locked} className="edit-end" />
        <When
          edit={edit}
          label="报名截止"
          day="signupDay"
          time="signupTime"
          error={errors.signupDeadline}
          hint={draft.signupFollowsStart ? '默认为开始时间' : undefined}
          locked={locked}
          className="edit-signup-deadline"
        />
        <When
          edit={edit}
          label="取消报名截止"
          day="cancelDay"
          time="cancelTime"
          error={errors.cancelDeadline}
          hint={draft.cancelFollowsStart ? '默认为开始时间；之后党员不能自己取消报名' : undefined}
          locked={locked}
          className="edit-cancel-deadline"
        />
      </SectionCard>

      <SectionCard className="edit-places" title="名额与时长">
        <TextField
          className="edit-capacity"
          label="名额"
          type="number"
          disabled={locked}
          maxLength={5}
          value={draft.capacity}
          placeholder="不限"
          hint="留空为不限名额"
          error={errors.capacity}
          onChange={set('capacity')}
        />
        {draft.capacity.trim() !== '' ? (
          <TextField
            className="edit-waitlist"
            label="候补人数上限"
            type="number"
            disabled={locked}
            maxLength={5}
            value={draft.waitlistLimit}
            hint="名额满后还可排队候补的人数；有人取消时按顺序递补。填 0 为不设候补"
            error={errors.waitlistLimit}
            onChange={set('waitlistLimit')}
          />
        ) : null}
        <HoursStepper
          className="edit-hours"
          label="计入服务时长"
          min={0.5}
          max={Math.max(0.5, most ?? 24)}
          disabled={locked}
          value={draft.creditedHours}
          hint={most === null ? '按 0.5 小时计' : `按 0.5 小时计，最多为活动时长 ${most} 小时；到场时间够长的党员计入`}
          error={errors.creditedHours}
          onChange={set('creditedHours')}
        />
      </SectionCard>

      {need ? null : <Scope edit={edit} viewer={viewer} locked={locked} />}

      {edit.warnChange ? (
        <View className="organize-warning edit-change-warning" role="alert">
          <Text>您改了时间或地点：保存后会通知每一位已报名和候补的党员。</Text>
        </View>
      ) : null}
      {edit.message ? (
        <View className="organize-banner edit-error" role="alert">
          <Text>{edit.message}</Text>
        </View>
      ) : null}

      {locked ? null : (
        <View className="edit-buttons">
          {canSubmit ? (
            <Button className="edit-submit" type="primary" size="large" block loading={edit.submitting} disabled={busy} onClick={() => void edit.submit()}>
              {submitLabel}
            </Button>
          ) : null}
          <Button className="edit-save" size="large" block loading={edit.saving && !edit.submitting} disabled={busy} onClick={() => void saveDraft()}>
            {canSubmit ? '保存草稿' : '保存修改'}
          </Button>
          {canSubmit && edit.districtWide ? <Text className="organize-meta">全区活动提交后由机关工委审核，同意后才发布。</Text> : null}
        </View>
      )}
      {detail?.can.cancel ? (
        <View className="edit-buttons">
          <Button className="edit-cancel" size="large" block disabled={busy || edit.cancelling} onClick={() => setCancelOpen(true)}>
            {need ? '取消需求' : '取消活动'}
          </Button>
        </View>
      ) : null}
      <ReasonDialog
        className="edit-cancel-dialog"
        open={cancelOpen}
        title={need ? '取消这条需求' : '取消这个活动'}
        note="取消原因会告知每一位已报名和候补的党员"
        placeholder="如：因天气原因改期"
        confirmText="确认取消"
        requiredMessage="请填写取消原因"
        pending={edit.cancelling}
        error={edit.cancelError}
        onEdit={edit.clearCancelError}
        onCancel={() => setCancelOpen(false)}
        onConfirm={(reason) => {
          void edit.cancel(reason).then((ok) => {
            if (ok) {
              setCancelOpen(false);
              toast('已取消');
            }
          });
        }}
      />
    </>
  );
}

function Editor({ viewer, query: asked }: { viewer: OrganizeViewer; query: { id: string | null; need: boolean } }) {
  // A community worker with no organizer duty publishes needs only: 发布 from anywhere means a need for them.
  const query = asked.id === null && !asked.need && !viewer.isOrganizer && viewer.isWorker ? { ...asked, need: true } : asked;
  const edit = useEdit(viewer, query);
  if (query.need && !viewer.isWorker) {
    return <StateView className="edit-denied" status="empty" message="只有社区工作者可以发布社区需求" />;
  }
  if (!query.need && query.id === null && !viewer.isOrganizer) {
    return <StateView className="edit-denied" status="empty" message="只有组织者可以发布活动" />;
  }
  if (query.id !== null && !edit.detail) {
    return edit.loaded.error && !edit.loaded.loading ? (
      <StateView
        className="edit-load-error"
        status="error"
        message={edit.loaded.error.message}
        onRetry={edit.loaded.error.status === 404 || edit.loaded.error.status === 403 ? undefined : () => void edit.loaded.reload()}
      />
    ) : (
      <StateView className="edit-loading" status="loading" />
    );
  }
  if (edit.done) return <Done detail={edit.done} />;
  return <Form viewer={viewer} edit={edit} />;
}

/** What the page is for: a need when asked for one, or when opened by a worker who is no organizer. */
export function pageTitle(query: { id: string | null; need: boolean } | undefined, viewer: OrganizeViewer | undefined): string {
  const need = query?.need === true || (query?.id === null && viewer !== undefined && !viewer.isOrganizer && viewer.isWorker);
  if (query?.id) return need ? '编辑社区需求' : '编辑活动';
  return need ? '发布社区需求' : '发布活动';
}

export default function OrganizeEditPage() {
  const query = usePageQuery();
  return (
    <OrganizeFrame title={(viewer) => pageTitle(query, viewer)} className="organize-edit-page">
      {(viewer) => (query ? <Editor viewer={viewer} query={query} /> : <StateView status="loading" />)}
    </OrganizeFrame>
  );
}
