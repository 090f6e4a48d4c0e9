import { useCallback, useState } from 'react';
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  PROBLEM_ACTION_LABELS,
  PROBLEM_CATEGORY_LABELS,
  PROBLEM_STATUS_LABELS,
  PROBLEM_URGENCY_LABELS,
  type ProblemAction,
  type ProblemActionRequest,
  type ProblemContact,
} from '@pioneer/shared-types';
import { asApiError } from '@/api/api-error';
import { listAllCommunities, listAllUnits } from '@/api/org';
import { actOnProblem, getProblem, readProblemContact, remindProblem } from '@/api/problems';
import Chips from '@/components/choice-chips';
import FieldError from '@/components/field-error';
import SectionCard from '@/components/section-card';
import SelectField from '@/components/select-field';
import StateView from '@/components/state-view';
import StatusTag from '@/components/status-tag';
import TextField from '@/components/text-field';
import { formatDateTime } from '@/format/date-time';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { useQuery } from '@/hooks/use-query';
import { refusalMessage } from '@/services/offline-queue';
import { toast } from '@/services/toast';
import { dayText, placeText, statusTone } from '../../shared';
import './index.scss';

// Actions that need words from the person acting, and what the box asks for.
const NOTE_LABELS: Partial<Record<ProblemAction, string>> = {
  answer: '给群众的解答',
  resolve: '做了哪些事',
  close: '未解决的原因',
  follow_up: '群众的意见（选填）',
  reopen: '重新办理的原因',
};
const SCORES = ['1', '2', '3', '4', '5'] as const;

export default function ProblemDetailPage() {
  const [id, setId] = useState<string | null | undefined>(undefined);
  useLoad((options: Record<string, string | undefined>) => setId(options.id ? decodeURIComponent(options.id) : null));
  const fetcher = useCallback(() => getProblem(id as string), [id]);
  const detail = useApi(fetcher, { enabled: typeof id === 'string' });
  const reload = detail.reload;
  useRefreshOnShow(reload);
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));

  const [contact, setContact] = useState<ProblemContact | null>(null);
  const [action, setAction] = useState<ProblemAction | null>(null);
  const [note, setNote] = useState('');
  const [score, setScore] = useState<(typeof SCORES)[number] | ''>('');
  const [target, setTarget] = useState<'unit' | 'community'>('unit');
  const [targetId, setTargetId] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const units = useQuery(() => listAllUnits(), [], { enabled: action === 'dispatch' });
  const communities = useQuery(() => listAllCommunities(), [], { enabled: action === 'dispatch' });

  const open = (next: ProblemAction) => {
    setAction(next);
    setNote('');
    setScore('');
    setTargetId('');
    setError(undefined);
  };

  const confirm = async (): Promise<void> => {
    if (!id || !action || pending) return;
    const body: ProblemActionRequest = { action };
    if (NOTE_LABELS[action]) body.note = note.trim() || undefined;
    if (action !== 'follow_up' && NOTE_LABELS[action] && !body.note) return setError('请填写内容');
    if (action === 'follow_up') {
      if (!score) return setError('请选择群众的满意度');
      body.satisfaction = Number(score);
    }
    if (action === 'dispatch') {
      if (!targetId) return setError('请选择交给谁办理');
      if (target === 'unit') body.handlingUnitId = targetId;
      else body.handlingCommunityId = targetId;
    }
    setPending(true);
    try {
      await actOnProblem(id, body);
      toast('已办理', 'success');
      setAction(null);
      await reload();
    } catch (caught) {
      const failure = asApiError(caught);
      setError(refusalMessage(failure));
    } finally {
      setPending(false);
    }
  };

  const remind = async (): Promise<void> => {
    if (!id || pending) return;
    setPending(true);
    try {
      await remindProblem(id, {});
      toast('已提醒承办人员', 'success');
      await reload();
    } catch (caught) {
      toast(refusalMessage(asApiError(caught)), 'none');
    } finally {
      setPending(false);
    }
  };

  const reveal = async (): Promise<void> => {
    if (!id) return;
    try {
      setContact(await readProblemContact(id));
    } catch (caught) {
      toast(asApiError(caught).message, 'none');
    }
  };

  if (id === null) return <StateView className="problem-detail__state" status="empty" message="没有找到这个问题" />;
  const problem = detail.data;
  if (!problem) {
    return detail.error ? (
      <StateView className="problem-detail__state" status="error" message={detail.error.message} onRetry={() => void reload()} />
    ) : (
      <StateView className="problem-detail__state" status="loading" />
    );
  }

  const row = (label: string, value: string | null) =>
    value ? (
      <View className="problem-detail__row">
        <Text className="problem-detail__label">{label}</Text>
        <Text className="problem-detail__value">{value}</Text>
      </View>
    ) : null;

  return (
    <View className="page problem-detail">
      <SectionCard
        title={PROBLEM_CATEGORY_LABELS[problem.category]}
        extra={<StatusTag tone={statusTone(problem.status)}>{PROBLEM_STATUS_LABELS[problem.status]}</StatusTag>}
      >
        <Text className="problem-detail__description">{problem.description}</Text>
        {row('地点', placeText(problem))}
        {row('紧急程度', PROBLEM_URGENCY_LABELS[problem.urgency])}
        {problem.overdue ? (
          <Text className="problem-detail__overdue">{`已超期（应在 ${dayText(problem.deadline)} 前答复）`}</Text>
        ) : (
          row('答复期限', dayText(problem.deadline))
        )}
        {row('登记人', problem.recorder.name)}
        {row('办理单位', problem.handlingUnit?.name ?? problem.handlingCommunity?.name ?? null)}
        {row('解答', problem.answer)}
        {row('办理结果', problem.resolution)}
        {row('关闭原因', problem.closeReason)}
        {problem.satisfaction ? row('满意度', `${problem.satisfaction}/5`) : null}
      </SectionCard>

      <SectionCard title="群众信息">
        {row('姓名', contact?.residentName ?? problem.residentName)}
        {row('电话', contact ? contact.residentPhone : problem.residentPhone)}
        {row('住址', contact ? contact.residentAddress : problem.residentAddress)}
        {contact ? <Text className="problem-detail__hint">查看记录已留存</Text> : null}
        {problem.mayReadContact && !contact ? (
          <Button className="problem-detail__contact" type="default" size="large" block onClick={() => void reveal()}>
            查看完整联系方式
          </Button>
        ) : null}
      </SectionCard>

      {problem.allowedActions.length > 0 || problem.mayRemind ? (
        <SectionCard title="办理">
          {problem.mayRemind ? (
            <Button className="problem-detail__remind" type="default" size="large" block loading={pending} onClick={() => void remind()}>
              督办（提醒承办人员）
            </Button>
          ) : null}
          {problem.allowedActions
            .filter((item) => item !== 'link_duplicate')
            .map((item) => (
              <Button key={item} className="problem-detail__action" type="primary" fill="outline" size="large" block onClick={() => open(item)}>
                {PROBLEM_ACTION_LABELS[item]}
              </Button>
            ))}
          {action ? (
            <View className="problem-detail__form">
              <Text className="problem-detail__label">{PROBLEM_ACTION_LABELS[action]}</Text>
              {action === 'dispatch' ? (
                <>
                  <Chips<'unit' | 'community'>
                    role="radiogroup"
                    options={[
                      { value: 'unit', label: '交给单位' },
                      { value: 'community', label: '交给社区' },
                    ]}
                    value={target}
                    onChange={(value) => {
                      setTarget(value);
                      setTargetId('');
                    }}
                  />
                  <SelectField
                    label={target === 'unit' ? '单位' : '社区'}
                    value={targetId}
                    options={(target === 'unit' ? units.data ?? [] : communities.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
                    onChange={setTargetId}
                  />
                </>
              ) : null}
              {action === 'follow_up' ? (
                <Chips<(typeof SCORES)[number] | ''>
                  role="radiogroup"
                  options={SCORES.map((value) => ({ value, label: `满意度 ${value}/5` }))}
                  value={score}
                  onChange={setScore}
                />
              ) : null}
              {NOTE_LABELS[action] ? <TextField label={NOTE_LABELS[action]!} multiline value={note} onChange={setNote} maxLength={1000} /> : null}
              <FieldError message={error} />
              <Button className="problem-detail__confirm" type="primary" size="large" block loading={pending} onClick={() => void confirm()}>
                确定
              </Button>
              <Button className="problem-detail__cancel" type="default" size="large" block onClick={() => setAction(null)}>
                取消
              </Button>
            </View>
          ) : null}
        </SectionCard>
      ) : null}

      <SectionCard title="办理经过">
        {problem.timeline.map((event) => (
          <View key={event.id} className="problem-detail__event">
            <Text className="problem-detail__value">{`${formatDateTime(event.at)} ${event.actor.name} ${PROBLEM_ACTION_LABELS[event.action]}`}</Text>
            {event.note ? <Text className="problem-detail__hint">{event.note}</Text> : null}
            {event.satisfaction ? <Text className="problem-detail__hint">{`满意度 ${event.satisfaction}/5`}</Text> : null}
          </View>
        ))}
      </SectionCard>
    </View>
  );
}
