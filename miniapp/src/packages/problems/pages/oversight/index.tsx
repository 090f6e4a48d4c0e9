import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { getProblemOversight } from '@/api/problems';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { useRefreshOnShow } from '@/hooks/use-api';
import { useSignedInApi } from '@/hooks/use-signed-in-api';
import { ROUTES } from '@/constants/routes';
import { dayText } from '../../shared';
import './index.scss';

// 督办: what is still open per handling unit or community, overdue first. The figures are the server's, counted from
// the rows; the overdue list itself is the handling list filtered to 已超期.
export default function ProblemOversightPage() {
  const data = useSignedInApi(getProblemOversight);
  const reload = data.reload;
  useRefreshOnShow(reload);
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));

  if (!data.signedIn) return <StateView className="problem-oversight__state" status="empty" message="请您先登录" />;
  const o = data.data;
  if (!o) {
    return data.error ? (
      <StateView className="problem-oversight__state" status="error" message={data.error.message} onRetry={() => void reload()} />
    ) : (
      <StateView className="problem-oversight__state" status="loading" />
    );
  }
  return (
    <View className="page problem-oversight">
      <View className="page-header">
        <Text className="page-header__title">督办</Text>
        <Text className="page-header__subtitle">{`截至 ${dayText(o.today)}：在办 ${o.totals.open} 件，其中超期 ${o.totals.overdue} 件`}</Text>
      </View>
      {o.rows.length === 0 ? (
        <StateView className="problem-oversight__empty" status="empty" message="没有在办的问题" />
      ) : (
        <SectionCard title="按承办单位">
          {o.rows.map((row) => (
            <View key={row.handler ? `${row.handler.kind}:${row.handler.id}` : 'none'} className="problem-oversight__row">
              <Text className="problem-oversight__name">{row.handler ? row.handler.name : '还没有交办'}</Text>
              <Text className={row.overdue > 0 ? 'problem-oversight__overdue' : 'problem-oversight__count'}>
                {`在办 ${row.open} 件 · 超期 ${row.overdue} 件`}
              </Text>
            </View>
          ))}
        </SectionCard>
      )}
      <View
        className="problem-oversight__link"
        role="link"
        onClick={() => void Taro.navigateTo({ url: `${ROUTES.problems}?view=handling&overdue=1` }).catch(() => undefined)}
      >
        <Text>查看超期问题</Text>
      </View>
    </View>
  );
}
