import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { getCheckinCode } from '@/api/services';
import ProgressRing from '@/components/progress-ring';
import QrCode from '@/components/qr-code';
import StateView from '@/components/state-view';
import { useBrightScreen } from '@/hooks/use-bright-screen';
import { isExpired, useRotatingCode, type RotatingCodeState } from '@/hooks/use-rotating-code';
import CommunityTabs from '../../components/community-tabs';
import WorkerGate from '../../components/worker-gate';
import type { WorkerCommunity } from '../../shared/communities';
import './index.scss';

/**
 * In H5 the navigation bar is part of the page: a fixed layer over the whole viewport would hide its title and its
 * way back, so "full screen" there fills the page below the bar. In WeChat the bar is native and stays on top anyway.
 */
const IN_PAGE = process.env.TARO_ENV === 'h5';

// Large on a phone (most of the width), bounded on a desktop screen so the whole code stays in view.
const MAX_QR_PX = 520;
const MAX_FULL_QR_PX = 640;

const OFFLINE_MESSAGE = '网络已断开，签到码可能已失效，请恢复网络';

function qrSize(full: boolean): number {
  const { windowWidth, windowHeight } = Taro.getSystemInfoSync();
  return full
    ? Math.floor(Math.min(windowWidth * 0.9, windowHeight * 0.56, MAX_FULL_QR_PX))
    : Math.floor(Math.min(windowWidth * 0.86, windowHeight * 0.62, MAX_QR_PX));
}

function Timer({ state }: { state: RotatingCodeState }) {
  const code = state.code;
  if (!code) return null;
  const expired = isExpired(state);
  return (
    <View className="worker-code-timer">
      <ProgressRing
        fraction={state.secondsLeft / Math.max(1, code.slotSeconds)}
        muted={expired}
        label={expired ? '签到码已过期' : `签到码 ${state.secondsLeft} 秒后自动更新`}
      />
      <Text className="worker-code-timer__text">{expired ? '签到码已过期，恢复网络后自动更新' : `签到码每 ${code.slotSeconds} 秒自动更新`}</Text>
    </View>
  );
}

function CodePanel({ community, full, onFull }: { community: WorkerCommunity; full: boolean; onFull: (full: boolean) => void }) {
  const { state, retry } = useRotatingCode(community.id, getCheckinCode);
  const size = useMemo(() => qrSize(full), [full]);
  const { code, error } = state;
  const troubled = state.offline || state.unstable;

  if (error) {
    return <StateView className="worker-code-error" status="error" message={error.message} onRetry={retry} />;
  }
  if (!code) {
    return (
      <View className="worker-code-loading">
        <StateView status="loading" message={troubled ? `${OFFLINE_MESSAGE}，正在重试…` : '正在生成签到码…'} />
      </View>
    );
  }
  const expired = isExpired(state);
  return (
    <View
      className={`worker-code${full ? ' worker-code--full' : ''}${full && IN_PAGE ? ' worker-code--in-page' : ''}${expired ? ' worker-code--stale' : ''}`}
    >
      <Text className="worker-code__community">{code.communityName}</Text>
      <View className="worker-code__frame">
        <QrCode
          className={`worker-code-qr${expired ? ' worker-code-qr--stale' : ''}`}
          value={code.code}
          size={size}
          label={`${code.communityName}签到码${expired ? '（已过期）' : ''}`}
        />
      </View>
      {troubled ? (
        <View className="worker-code-network" role="alert">
          <Text className="worker-code-network__text">{OFFLINE_MESSAGE}</Text>
          <View className="worker-code-network__retry" role="button" onClick={retry}>
            <Text>立即重试</Text>
          </View>
        </View>
      ) : null}
      <Timer state={state} />
      {code.shortCode ? (
        <View className="worker-short-code-box">
          <Text className="worker-short-code-box__label">演示模式：电脑浏览器无法扫码时可输入</Text>
          <Text className="worker-short-code" aria-label={`签到数字码 ${code.shortCode.split('').join(' ')}`}>
            {code.shortCode}
          </Text>
        </View>
      ) : null}
      {full ? null : (
        <Text className="worker-code__hint">请党员打开先锋报到小程序，点「扫码签到」扫描此码；服务结束签退时再扫一次。</Text>
      )}
      <Button
        className={full ? 'worker-code-exit' : 'worker-code-enter'}
        type="primary"
        fill={full ? 'outline' : 'solid'}
        size="large"
        block
        onClick={() => onFull(!full)}
      >
        {full ? '退出全屏' : '全屏出示'}
      </Button>
    </View>
  );
}

export default function WorkerCodePage() {
  const [chosen, setChosen] = useState<string | null>(null);
  // Opened to be scanned: full screen first; leaving it shows the community switch and the instructions.
  const [full, setFull] = useState(true);
  useBrightScreen();
  return (
    <View className={`page worker-code-page${full ? ' worker-code-page--full' : ''}`}>
      <WorkerGate notWorkerMessage="只有社区工作者可以出示签到码">
        {({ communities }) => {
          const community = communities.find((c) => c.id === chosen) ?? communities[0];
          return (
            <>
              {full ? null : <CommunityTabs communities={communities} value={community.id} onChange={setChosen} />}
              <CodePanel key={community.id} community={community} full={full} onFull={setFull} />
              {!full && communities.length > 1 ? (
                <Text className="worker-code__switch-note">切换社区后显示该社区的签到码</Text>
              ) : null}
            </>
          );
        }}
      </WorkerGate>
    </View>
  );
}
