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
import { dateOptions, timeOptions } from '../../shared/time-options';
import { DESCRIPTION_MAX, REASON_MAX, useOnBehalf, type RegisteredMember } from './use-on-behalf';
import './index.scss';

type Form = ReturnType<typeof useOnBehalf>;

const TYPE_OPTIONS: SelectOption<ServiceType>[] = SERVICE_TYPES.map((type) => ({ value: type, label: SERVICE_TYPE_LABELS[type] }));
const TIME_OPTIONS = timeOptions();
// Past this many members a filter box helps more than scrolling.
const FILTER_FROM = 8;
const FORM_FIELDS = ['memberIds', 'startedAt', 'endedAt', 'serviceType', 'description', 'reason'];

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
      {members.length > FILTER_FROM ? (
        <Input
          className="on-behalf-members__filter"
          value={filter}
          placeholder="输入姓名或单位筛选"
          onInput={(event) => setFilter(event.detail.value)}
        />
      ) : null}
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
      {shown.length === 0 && members.length > 0 ? <Text className="on-behalf-hint">没有符合的党员</Text> : null}
      {form.errors.memberIds ? <Text className="on-behalf-error">{form.errors.memberIds}</Text> : null}
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

  const fieldErrorShown = FORM_FIELDS.some((field) => errors[field] !== undefined);
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
        {form.submitError && !fieldErrorShown ? (
          <View className="on-behalf-error on-behalf-submit-error" role="alert">
            {form.submitError.message}
          </View>
        ) : null}
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
        <Text className="on-behalf-hint">补录的记录由您确认，时长按开始和结束时间计算（按 0.5 小时计）。</Text>
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
