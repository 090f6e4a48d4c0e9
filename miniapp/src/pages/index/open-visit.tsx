import { useEffect, useState } from 'react';
import type { ServiceRecordView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import { formatClock, formatElapsed } from '@/format/date-time';

const TICK_MS = 60_000;

/** A visit still open comes first on the home page: where, since when, how long so far, and the way to end it. */
export default function OpenVisit({ record, onEnd }: { record: ServiceRecordView; onEnd: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(tick);
  }, []);
  return (
    <SectionCard title="进行中的服务" className="home-visit">
      <Text className="home-visit__community">{record.community.name}</Text>
      <Text className="home-visit__since">{`${formatClock(record.startedAt)} 签到，已服务 ${formatElapsed(record.startedAt, now)}`}</Text>
      <View className="home-visit__actions">
        <Button className="home-visit__end" type="primary" size="large" block onClick={onEnd}>
          签退
        </Button>
      </View>
    </SectionCard>
  );
}
