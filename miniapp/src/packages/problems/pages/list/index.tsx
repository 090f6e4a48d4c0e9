import { useCallback, useState } from 'react';
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PROBLEM_CATEGORY_LABELS, PROBLEM_STATUS_LABELS, PROBLEM_STATUSES, type ProblemStatus, type ProblemSummary, type ProblemView } from '@pioneer/shared-types';
import { getMe } from '@/api/me';
import { listProblems } from '@/api/problems';
import Chips from '@/components/choice-chips';
import PagedListView from '@/components/paged-list-view';
import StateView from '@/components/state-view';
import StatusTag from '@/components/status-tag';
import { useRefreshOnShow } from '@/hooks/use-api';
import { usePagedList } from '@/hooks/use-paged-list';
import { useSignedInApi } from '@/hooks/use-signed-in-api';
import { ROUTES } from '@/constants/routes';
import { dayText, openNewProblem, openProblem, placeText, statusTone } from '../../shared';
import './index.scss';

const PAGE_SIZE = 10;
const STATUS_OPTIONS = [{ value: '' as const, label: '全部' }, ...PROBLEM_STATUSES.map((value) => ({ value, label: PROBLEM_STATUS_LABELS[value] }))];

function ProblemItem({ problem }: { problem: ProblemSummary }) {
  return (
    <View className="problem-item" onClick={() => openProblem(problem.id)}>
      <View className="problem-item__head">
        <Text className="problem-item__category">{PROBLEM_CATEGORY_LABELS[problem.category]}</Text>
        <StatusTag tone={statusTone(problem.status)}>{PROBLEM_STATUS_LABELS[problem.status]}</StatusTag>
      </View>
      <Text className="problem-item__line">{`${problem.residentName} · ${placeText(problem)}`}</Text>
      <Text className="problem-item__excerpt">{problem.excerpt}</Text>
      {problem.overdue ? (
        <Text className="problem-item__overdue">{`已超期（应在 ${dayText(problem.deadline)} 前答复）`}</Text>
      ) : (
        <Text className="problem-item__line">{`答复期限：${dayText(problem.deadline)}`}</Text>
      )}
    </View>
  );
}

export default function ProblemListPage() {
  const me = useSignedInApi(getMe);
  const handles = me.data?.roles.some((scope) => scope.role === 'worker' || scope.role === 'organizer') ?? false;
  const [view, setView] = useState<ProblemView>('mine');
  const [status, setStatus] = useState<ProblemStatus | ''>('');
  const [overdue, setOverdue] = useState(false);
  // 督办 opens this list at the handling tab's overdue problems.
  useLoad((options: Record<string, string | undefined>) => {
    if (options.view === 'handling') setView('handling');
    if (options.overdue === '1') setOverdue(true);
  });
  const shownView = handles ? view : 'mine';
  const list = usePagedList(
    useCallback(
      (page: number) =>
        listProblems({ view: shownView, status: status || undefined, overdue: shownView === 'handling' && overdue ? true : undefined, page, pageSize: PAGE_SIZE }),
      [shownView, status, overdue],
    ),
    { enabled: me.signedIn },
  );
  const reload = list.reload;
  useRefreshOnShow(reload);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="page problem-list">
      <View className="page-header">
        <Text className="page-header__title">群众问题</Text>
        <Text className="page-header__subtitle">您登记的群众急难愁盼问题和办理进度。</Text>
      </View>
      <Button className="problem-list__new" type="primary" size="large" block onClick={() => openNewProblem()}>
        登记问题
      </Button>
      {handles ? (
        <Chips<ProblemView>
          className="problem-list__tabs"
          options={[
            { value: 'mine', label: '我登记的' },
            { value: 'handling', label: '我办理的' },
          ]}
          value={view}
          onChange={setView}
        />
      ) : null}
      <Chips<ProblemStatus | ''> className="problem-list__status" role="radiogroup" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
      {shownView === 'handling' ? (
        <Button className="problem-list__oversight" type="default" size="large" block onClick={() => void Taro.navigateTo({ url: ROUTES.problemOversight }).catch(() => undefined)}>
          督办：各单位在办和超期情况
        </Button>
      ) : null}
      {shownView === 'handling' ? (
        <Chips<'all' | 'overdue'>
          className="problem-list__overdue"
          role="radiogroup"
          options={[
            { value: 'all', label: '全部期限' },
            { value: 'overdue', label: '只看已超期' },
          ]}
          value={overdue ? 'overdue' : 'all'}
          onChange={(value) => setOverdue(value === 'overdue')}
        />
      ) : null}
      {me.signedIn ? (
        <PagedListView
          list={list}
          classNames={{ error: 'problem-list__error', loading: 'problem-list__loading', more: 'problem-list__more' }}
          empty={<StateView className="problem-list__empty" status="empty" message="这里还没有问题" />}
        >
          <View className="problem-list__items">
            {list.items.map((problem) => (
              <ProblemItem key={problem.id} problem={problem} />
            ))}
          </View>
        </PagedListView>
      ) : (
        <StateView className="problem-list__empty" status="empty" message="请您先登录" />
      )}
    </View>
  );
}
