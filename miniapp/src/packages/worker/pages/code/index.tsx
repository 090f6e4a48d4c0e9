import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import QrCode from '@/components/qr-code';
import StateView from '@/components/state-view';
import CommunityTabs from '../../components/community-tabs';
import WorkerGate from '../../components/worker-gate';
import type { WorkerCommunity } from '../../shared/communities';
import { useCheckinCode } from './use-checkin-code';
import './index.scss';

// Large on a phone (most of the width), bounded on a desktop screen so the whole code stays in view.
const MAX_QR_PX = 520;

function qrSize(): number {
  const { windowWidth, windowHeight } = Taro.getSystemInfoSync();
  return Math.floor(Math.min(windowWidth * 0.86, windowHeight * 0.62, MAX_QR_PX));
}

function CodePanel({ community }: { community: WorkerCommunity }) {
  const { state, retry } = useCheckinCode(community.id);
  const size = useMemo(qrSize, []);
  const { code, unstable, error } = state;

  if (error) {
    return <StateView className="worker-code-error" status="error" message={error.message} onRetry={retry} />;
  }
  if (!code) {
    return (
      <View className="worker-code-loading">
        <StateView status="loading" message={unstable ? '网络不稳定，正在重试…' : '正在生成签到码…'} />
      </View>
    );
  }
  return (
    <View className={`worker-code${unstable ? ' worker-code--stale' : ''}`}>
      <Text className="worker-code__community">{code.communityName}</Text>
      <View className="worker-code__frame">
        <QrCode
          className={`worker-code-qr${unstable ? ' worker-code-qr--stale' : ''}`}
          value={code.code}
          size={size}
          label={`${code.communityName}签到码`}
        />
      </View>
      {unstable ? (
        <View className="worker-code-network" role="alert">
          <Text>网络不稳定，正在重试…</Text>
          <Text className="worker-code-network__retry" onClick={retry}>
            立即重试
          </Text>
        </View>
      ) : (
        <View className="worker-code-countdown" role="timer">{`${state.secondsLeft} 秒后自动更新`}</View>
      )}
      {code.shortCode ? (
        <View className="worker-short-code-box">
          <Text className="worker-short-code-box__label">演示模式：电脑浏览器无法扫码时可输入</Text>
          <Text className="worker-short-code" aria-label={`签到数字码 ${code.shortCode.split('').join(' ')}`}>
            {code.shortCode}
          </Text>
        </View>
      ) : null}
      <Text className="worker-code__hint">请党员打开先锋报到小程序，点「扫码签到」扫描此码；服务结束签退时再扫一次。</Text>
    </View>
  );
}

export default function WorkerCodePage() {
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <View className="page worker-code-page">
      <WorkerGate notWorkerMessage="只有社区工作者可以出示签到码">
        {({ communities }) => {
          const community = communities.find((c) => c.id === chosen) ?? communities[0];
          return (
            <>
              <CommunityTabs communities={communities} value={community.id} onChange={setChosen} />
              <CodePanel key={community.id} community={community} />
              {communities.length > 1 ? (
                <Text className="worker-code__switch-note">切换社区后显示该社区的签到码</Text>
              ) : null}
            </>
          );
        }}
      </WorkerGate>
    </View>
  );
}
