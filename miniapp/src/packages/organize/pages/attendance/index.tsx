import { useMemo, useState } from 'react';
import type { ActivityDetail, AttendanceBoard, AttendanceMarkResponse, SignupView } from '@pioneer/shared-types';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { finishActivity, getActivityCode, markAttendance } from '@/api/activities';
import FieldError from '@/components/field-error';
import ProgressRing from '@/components/progress-ring';
import QrCode from '@/components/qr-code';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { formatClock } from '@/format/date-time';
import { useBrightScreen } from '@/hooks/use-bright-screen';
import { isExpired, useRotatingCode } from '@/hooks/use-rotating-code';
import { useSubmit } from '@/hooks/use-submit';
import { toast } from '@/services/toast';
import ActivityHead from '../../components/activity-head';
import OrganizeFrame from '../../components/organize-frame';
import MissingId from '../../shared/missing-id';
import { usePageQuery } from '../../shared/navigation';
import { useActivity } from '../../shared/use-activity';
import { useBoard } from './use-board';
import './index.scss';

const MAX_QR_PX = 420;
const OFFLINE_MESSAGE = '网络已断开，签到码可能已失效，请恢复网络';

function qrSize(): number {
  const { windowWidth, windowHeight } = Taro.getSystemInfoSync();
  return Math.floor(Math.min(windowWidth * 0.8, windowHeight * 0.5, MAX_QR_PX));
}

function CodePanel({ activity }: { activity: ActivityDetail }) {
  const { state, retry } = useRotatingCode(activity.id, getActivityCode);
  // Held up at the door, often outdoors: bright and awake while the code is shown (weapp only).
  useBrightScreen();
  const size = useMemo(qrSize, []);
  const { code, error } = state;
  if (error) return <StateView className="attendance-code-error" status="error" message={error.message} onRetry={retry} />;
  if (!code) return <StateView className="attendance-code-loading" status="loading" message="正在生成签到码…" />;
  const expired = isExpired(state);
  const troubled = state.offline || state.unstable;
  return (
    <SectionCard className="attendance-code" title="活动签到码">
      <View className="attendance-code__frame">
        <QrCode
          className={`attendance-code-qr${expired ? ' attendance-code-qr--stale' : ''}`}
          value={code.code}
          size={size}
          label={`${activity.title}签到码${expired ? '（已过期）' : ''}`}
        />
      </View>
      {troubled ? (
        <View className="attendance-code-network" role="alert">
          <Text>{OFFLINE_MESSAGE}</Text>
          <View className="attendance-code-network__retry" role="button" onClick={retry}>
            <Text>立即重试</Text>
          </View>
        </View>
      ) : null}
      <View className="attendance-code-timer">
        <ProgressRing
          fraction={state.secondsLeft / Math.max(1, code.slotSeconds)}
          muted={expired}
          label={expired ? '签到码已过期' : `签到码 ${state.secondsLeft} 秒后自动更新`}
        />
        <Text className="attendance-code-timer__text">
          {expired ? '签到码已过期，恢复网络后自动更新' : `签到码每 ${code.slotSeconds} 秒自动更新`}
        </Text>
      </View>
      {code.shortCode ? (
        <View className="attendance-short-code-box">
          <Text className="attendance-short-code-box__label">演示模式：电脑浏览器无法扫码时可输入</Text>
          <Text className="attendance-short-code" aria-label={`签到数字码 ${code.shortCode.split('').join(' ')}`}>
            {code.shortCode}
          </Text>
        </View>
      ) : null}
      <Text className="organize-note attendance-code__hint">请党员在活动页点「扫码签到」扫描此码；活动结束离开时再扫一次签退。</Text>
    </SectionCard>
  );
}

function Counts({ board }: { board: AttendanceBoard }) {
  const figures = [
    { label: '应到', value: board.expected },
    { label: '已到', value: board.arrived },
    { label: '已签退', value: board.departed },
    { label: '未到', value: board.notArrived.length },
  ];
  return (
    <View className="attendance-counts" aria-live="polite">
      {figures.map((figure) => (
        <View key={figure.label} className="attendance-count">
          <Text className="attendance-count__value">{String(figure.value)}</Text>
          <Text className="attendance-count__label">{figure.label}</Text>
        </View>
      ))}
    </View>
  );
}

type Mark = 'attended' | 'absent';

function who(signup: SignupView): string {
  return [signup.member.unitName, signup.checkedInAt ? `${formatClock(signup.checkedInAt)} 到` : null].filter(Boolean).join(' · ');
}

/** From a paper sheet: each person marked 已参加 or 未到场, sent together. */
function Marking({ activity, board, onMarked }: { activity: ActivityDetail; board: AttendanceBoard; onMarked: () => void }) {
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  const [result, setResult] = useState<AttendanceMarkResponse | null>(null);
  const mark = useSubmit((key: string, entries: Array<{ signupId: string; status: Mark }>) => markAttendance(activity.id, { entries }, key));
  const people = [...board.notArrived, ...board.arrivedList, ...board.absent];
  const chosen = Object.entries(marks);

  const set = (ids: readonly string[], value: Mark | null) => {
    setMarks((current) => {
      const next = { ...current };
      for (const id of ids) {
        if (value === null) delete next[id];
        else next[id] = value;
      }
      return next;
    });
    setResult(null);
  };

  const submit = async () => {
    const done = await mark.run(chosen.map(([signupId, status]) => ({ signupId, status })));
    if (!done) return;
    setResult(done);
    setMarks({});
    toast('已记录');
    onMarked();
  };

  if (people.length === 0) return null;
  return (
    <SectionCard className="attendance-marking" title="按签到表记录">
      <Text className="organize-note">没有扫码的，可按纸质签到表记为已参加或未到场；一起提交。</Text>
      <View className="organize-actions">
        <Button className="organize-actions__item attendance-all-absent" onClick={() => set(board.notArrived.map((s) => s.id), 'absent')}>
          未到的都记为未到场
        </Button>
        <Button className="organize-actions__item attendance-all-attended" onClick={() => set(board.arrivedList.map((s) => s.id), 'attended')}>
          已到的都记为已参加
        </Button>
        {chosen.length > 0 ? (
          <Button className="organize-actions__item attendance-clear" onClick={() => set(Object.keys(marks), null)}>
            清空选择
          </Button>
        ) : null}
      </View>
      {people.map((signup) => {
        const value = marks[signup.id];
        return (
          <View key={signup.id} className="attendance-person">
            <View className="attendance-person__main">
              <Text className="attendance-person__name">{signup.member.name}</Text>
              <Text className="organize-meta">{who(signup) || ' '}</Text>
            </View>
            <View className="attendance-person__choices" role="radiogroup" aria-label={`${signup.member.name}的签到情况`}>
              {(['attended', 'absent'] as const).map((choice) => (
                <View
                  key={choice}
                  className={`attendance-choice${value === choice ? ` attendance-choice--${choice}` : ''}`}
                  role="radio"
                  aria-checked={value === choice}
                  onClick={() => set([signup.id], value === choice ? null : choice)}
                >
                  <Text>{choice === 'attended' ? '已参加' : '未到场'}</Text>
                </View>
              ))}
            </View>
          </View>
        );
      })}
      <FieldError message={mark.error?.message} />
      {result ? (
        <View className="attendance-result" role="status">
          <Text>{`已记录 ${result.signups.length} 人：已参加 ${result.signups.filter((s) => s.status === 'attended').length} 人，未到场 ${result.signups.filter((s) => s.status === 'absent').length} 人`}</Text>
        </View>
      ) : null}
      <Button
        className="attendance-submit"
        type="primary"
        size="large"
        block
        loading={mark.pending}
        disabled={mark.pending || chosen.length === 0}
        onClick={() => void submit()}
      >
        {chosen.length > 0 ? `提交 ${chosen.length} 人的签到情况` : '请先选择'}
      </Button>
    </SectionCard>
  );
}

function NotArrived({ board }: { board: AttendanceBoard }) {
  return (
    <SectionCard className="attendance-not-arrived" title={`未到 ${board.notArrived.length} 人`}>
      {board.notArrived.length === 0 ? (
        <Text className="organize-note">已报名的党员都到了。</Text>
      ) : (
        board.notArrived.map((signup) => (
          <View key={signup.id} className="attendance-missing">
            <Text className="attendance-missing__name">{signup.member.name}</Text>
            <Text className="organize-meta">{signup.member.unitName ?? ''}</Text>
          </View>
        ))
      )}
    </SectionCard>
  );
}

function Attendance({ activity, reloadActivity }: { activity: ActivityDetail; reloadActivity: () => Promise<void> }) {
  const live = activity.status === 'published';
  const open = (live || activity.status === 'finished') && activity.can.manageAttendance;
  const board = useBoard(activity.id, live, open);
  const finish = useSubmit((key: string) => finishActivity(activity.id, key));
  const ended = new Date(activity.endsAt).getTime() <= Date.now();

  if (activity.status === 'draft' || activity.status === 'in_review' || activity.status === 'cancelled') {
    return <StateView className="attendance-not-open" status="empty" message="活动发布后才能签到" />;
  }
  if (!activity.can.manageAttendance) {
    return <StateView className="attendance-denied" status="empty" message="您不能管理该活动的签到" />;
  }
  return (
    <>
      {live && !ended ? <CodePanel activity={activity} /> : null}
      {board.data ? (
        <>
          <Counts board={board.data} />
          {board.error ? (
            <View className="refresh-notice">
              <Text>{`签到情况未能更新：${board.error.message}`}</Text>
            </View>
          ) : null}
          <NotArrived board={board.data} />
          <Marking activity={activity} board={board.data} onMarked={() => void board.reload()} />
        </>
      ) : board.error && !board.loading ? (
        <StateView className="attendance-board-error" status="error" message={board.error.message} onRetry={() => void board.reload()} />
      ) : (
        <StateView className="attendance-board-loading" status="loading" />
      )}
      {live && ended ? (
        <SectionCard className="attendance-finish" title="结束活动">
          <Text className="organize-note">活动时间已过。结束后不再接受扫码，到场时间够长的党员计入服务时长。</Text>
          <FieldError message={finish.error?.message} />
          <Button
            className="attendance-finish__button"
            type="primary"
            size="large"
            block
            loading={finish.pending}
            disabled={finish.pending}
            onClick={() => {
              void finish.run().then((done) => {
                if (!done) return;
                toast('活动已结束');
                void reloadActivity();
              });
            }}
          >
            结束活动
          </Button>
        </SectionCard>
      ) : null}
    </>
  );
}

function Page({ id }: { id: string }) {
  const activity = useActivity(id);
  return <ActivityHead activity={activity}>{(detail) => <Attendance activity={detail} reloadActivity={activity.reload} />}</ActivityHead>;
}

export default function OrganizeAttendancePage() {
  const query = usePageQuery();
  return (
    <OrganizeFrame title="活动签到" className="organize-attendance-page">
      {() => (!query ? <StateView status="loading" /> : query.id ? <Page id={query.id} /> : <MissingId />)}
    </OrganizeFrame>
  );
}
