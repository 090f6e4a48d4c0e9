import { useMemo, useState } from 'react';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, type ServiceType } from '@pioneer/shared-types';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import SelectField, { type SelectOption } from '@/components/select-field';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import CommunityTabs from '../../components/community-tabs';
import WorkerGate from '../../components/worker-gate';
import type { WorkerContext } from '../../shared/communities';
import { formatSpan } from '@/format/date-time';
import { formatHours } from '@/format/hours';
import FieldError from '@/components/field-error';
import { dateKey, dateOptions, timeOptions } from '../../shared/time-options';
import { DESCRIPTION_MAX, REASON_MAX, memberField, useOnBehalf, type RegisteredMember } from './use-on-behalf';
import './index.scss';

type Form = ReturnType<typeof useOnBehalf>;

const TYPE_OPTIONS: SelectOption<ServiceType>[] = SERVICE_TYPES.map((type) => ({ value: type, label: SERVICE_TYPE_LABELS[type] }));
const TIME_OPTIONS = timeOptions();

/** What the chosen day already holds for this member: room left under the cap, or why they cannot be entered. */
function MemberDayLine({ form, id }: { form: Form; id: string }) {
  const serverOrLocal = form.errors[memberField(id)];
  const info = form.days.get(id);
  const today = form.draft.day === dateKey(new Date());
  let line: string;
  if (info?.known) line = `${today ? '今日' : '当天'}还可记 ${formatHours(info.remaining)}`;
  else if (form.day.error && !form.day.loading) line = '暂时无法核对当天已记时长，提交时由系统核对';
  else line = '正在核对当天已记时长…';
  return (
    <>
      <Text className="on-behalf-chip__day">{line}</Text>
      <FieldError className="on-behalf-chip__error" message={serverOrLocal ?? info?.problem} />
    </>
  );
}

function ChosenMembers({ form, members }: { form: Form; members: RegisteredMember[] }) {
  const chosen = form.draft.memberIds;
  if (chosen.length === 0) return null;
  const byId = new Map(members.map((member) => [member.id, member]));
  return (
    <View className="on-behalf-chips">
      {chosen.map((id) => {
        const member = byId.get(id);
        const name = member?.name ?? '（已不在名单中）';
        const troubled = form.errors[memberField(id)] !== undefined || form.days.get(id)?.problem !== undefined;
        return (
          <View key={id} className={`on-behalf-chip${troubled ? ' on-behalf-chip--error' : ''}`}>
            <View className="on-behalf-chip__head">
              <Text className="on-behalf-chip__name">{name}</Text>
              {member ? <Text className="on-behalf-chip__unit">{member.unitName}</Text> : null}
              <View className="on-behalf-chip__remove" role="button" aria-label={`移除${name}`} onClick={() => form.toggleMember(id)}>
                <Text aria-hidden="true">×</Text>
              </View>
            </View>
            <MemberDayLine form={form} id={id} />
          </View>
        );
      })}
    </View>
  );
}

function MemberPicker({ form, members }: { form: Form; members: RegisteredMember[] }) {
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const text = filter.trim();
    return text === '' ? members : members.filter((member) => member.name.includes(text) || member.unitName.includes(text));
  }, [filter, members]);
  const chosen = form.draft.memberIds;

  return (
    <View className={`on-behalf-members${form.errors.memberIds ? ' on-behalf-members--error' : ''}`}>
      <Text className="on-behalf-label">
        签到表上的党员<Text className="on-behalf-label__required"> *</Text>
        <Text className="on-behalf-label__count">{`（已选 ${chosen.length} 人）`}</Text>
      </Text>
      <ChosenMembers form={form} members={members} />
      <Input
        className="on-behalf-members__filter"
        value={filter}
        type="text"
        placeholder="输入姓名查找党员"
        aria-label="输入姓名查找党员"
        onInput={(event) => setFilter(event.detail.value)}
      />
      <View className="on-behalf-members__list">
        {shown.map((member) => {
          const checked = chosen.includes(member.id);
          return (
            <View
              key={member.id}
              className={`on-behalf-member${checked ? ' on-behalf-member--selected' : ''}`}
              role="checkbox"
              aria-checked={checked}
              onClick={() => form.toggleMember(member.id)}
            >
              <Text className="on-behalf-member__check">{checked ? '✓' : ''}</Text>
              <Text className="on-behalf-member__name">{member.name}</Text>
              <Text className="on-behalf-member__unit">{member.unitName}</Text>
            </View>
          );
        })}
      </View>
      {shown.length === 0 && members.length > 0 ? <Text className="on-behalf-hint">{`没有姓名或单位含“${filter.trim()}”的已报到党员`}</Text> : null}
      <FieldError message={form.errors.memberIds} />
    </View>
  );
}

function Members({ form }: { form: Form }) {
  const { members } = form;
  if (!members.data) {
    return members.error && !members.loading ? (
      <StateView status="error" message={members.error.message} onRetry={() => void members.reload()} rows={1} />
    ) : (
      <StateView status="loading" message="正在读取已报到的党员…" rows={2} />
    );
  }
  if (members.data.length === 0) {
    return (
      <StateView
        className="on-behalf-no-members"
        status="empty"
        message="该社区还没有已报到的党员。请先在「报到审核」中代为登记报到，再补录服务。"
      />
    );
  }
  return <MemberPicker form={form} members={members.data} />;
}

function Done({ form }: { form: Form }) {
  const records = form.done ?? [];
  const first = records[0];
  return (
    <SectionCard className="on-behalf-done" title="补录完成">
      <Text className="on-behalf-done__summary">{`已为 ${records.length} 位党员补录服务记录，党员会在消息中看到。`}</Text>
      {first ? <Text className="on-behalf-done__line">{formatSpan(first.startedAt, first.endedAt)}</Text> : null}
      {records.map((record) => (
        <Text key={record.id} className="on-behalf-done__record">
          {`${record.member.name}：计入 ${formatHours(record.hours)}`}
        </Text>
      ))}
      <Button className="on-behalf-again" type="primary" size="large" block onClick={form.startOver}>
        继续补录
      </Button>
    </SectionCard>
  );
}

function OnBehalfForm({ context }: { context: WorkerContext }) {
  const form = useOnBehalf(context);
  const { draft, errors, update } = form;
  const days = useMemo(() => dateOptions(new Date()), []);
  if (form.done) return <Done form={form} />;

  return (
    <>
      <CommunityTabs communities={context.communities} value={draft.communityId} onChange={(id) => update('communityId', id)} />
      <SectionCard className="on-behalf-form">
        <Members form={form} />
        <SelectField className="on-behalf-day" label="服务日期" required value={draft.day} options={days} onChange={(day) => update('day', day)} />
        <View className="on-behalf-times">
          <SelectField
            className="on-behalf-start"
            label="开始时间"
            required
            value={draft.startTime}
            options={TIME_OPTIONS}
            error={errors.startedAt}
            onChange={(time) => update('startTime', time)}
          />
          <SelectField
            className="on-behalf-end"
            label="结束时间"
            required
            value={draft.endTime}
            options={TIME_OPTIONS}
            error={errors.endedAt}
            onChange={(time) => update('endTime', time)}
          />
        </View>
        <SelectField
          className="on-behalf-type"
          label="服务类型"
          required
          value={draft.serviceType}
          options={TYPE_OPTIONS}
          error={errors.serviceType}
          onChange={(type) => update('serviceType', type)}
        />
        <TextField
          className="on-behalf-description"
          label="服务内容"
          required
          multiline
          maxLength={DESCRIPTION_MAX}
          value={draft.description}
          placeholder="如：在小区广场宣讲养老保险新政策"
          error={errors.description}
          onChange={(text) => update('description', text)}
        />
        <TextField
          className="on-behalf-reason"
          label="补录原因"
          required
          maxLength={REASON_MAX}
          value={draft.reason}
          placeholder="如：纸质签到表补录"
          hint="补录原因会留存备查，并告知党员本人"
          error={errors.reason}
          onChange={(text) => update('reason', text)}
        />
        <FieldError className="on-behalf-submit-error" message={form.submitError} />
        <Button
          className="on-behalf-submit"
          type="primary"
          size="large"
          block
          loading={form.submitting}
          disabled={form.submitting}
          onClick={() => void form.submit()}
        >
          提交补录
        </Button>
        <Text className="on-behalf-hint">补录的记录由您确认，时长按开始和结束时间计算（按 0.5 小时计），不超过每人每天的上限。</Text>
      </SectionCard>
    </>
  );
}

export default function WorkerOnBehalfPage() {
  return (
    <View className="page worker-on-behalf">
      <View className="page-header">
        <Text className="page-header__title">代为补录</Text>
        <Text className="page-header__subtitle">根据纸质签到表等，为党员补录一次社区服务，可一次多人</Text>
      </View>
      <WorkerGate notWorkerMessage="只有社区工作者可以代为补录">{(context) => <OnBehalfForm context={context} />}</WorkerGate>
    </View>
  );
}
