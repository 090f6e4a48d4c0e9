import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import { formatHours } from '@/format/hours';
import { goBackOrHome } from '@/services/navigation';
import Row from '../../components/row';
import { dayKey, formatDayKey } from '../../shared/dates';
import { useVerify } from './use-verify';
import '../../components/activity.scss';
import './index.scss';

export default function VerifyPage() {
  const page = useVerify();
  const { result } = page;
  const data = page.serial !== null ? result.data : undefined;

  return (
    <View className="page verify">
      <View className="page-header">
        <Text className="page-header__title">核验报到服务证明</Text>
        <Text className="page-header__subtitle">输入证明上的编号，查看这份证明写明的内容。姓名只显示部分。</Text>
      </View>

      <SectionCard className="verify-form">
        <TextField
          className="verify-form__serial"
          label="证明编号"
          value={page.input}
          onChange={page.setInput}
          maxLength={40}
          placeholder="如 XF-2026-7K3M9P2QRT"
          error={page.inputError}
          onConfirm={page.check}
        />
        <Button className="activity-action verify-form__submit" type="primary" size="large" block loading={result.loading && page.serial !== null} onClick={page.check}>
          核验
        </Button>
      </SectionCard>

      {page.serial === null ? null : data && !result.loading ? (
        <SectionCard title="证明有效" className="verify-result">
          <Row className="verify-result__serial" label="编号" value={data.serial} />
          <Row className="verify-result__name" label="姓名" value={data.memberName} />
          <Row className="verify-result__unit" label="单位" value={data.unitName ?? '未登记'} />
          <Row className="verify-result__period" label="期间" value={`${formatDayKey(data.from)} 至 ${formatDayKey(data.to)}`} />
          <Row className="verify-result__counts" label="内容" value={`报到服务 ${data.serviceCount} 次，参加活动 ${data.activityCount} 次`} />
          <Row className="verify-result__total" label="服务时长" value={`合计 ${formatHours(data.totalHours)}`} />
          <Row className="verify-result__issuer" label="出具单位" value={data.issuer} />
          <Row className="verify-result__date" label="出具日期" value={formatDayKey(dayKey(new Date(data.issuedAt)))} />
        </SectionCard>
      ) : page.notFound && !result.loading ? (
        <SectionCard className="verify-missing">
          <StateView status="empty" message="未找到该编号的证明" />
          <Text className="activity-hint">请核对编号是否输入正确。</Text>
        </SectionCard>
      ) : result.error && !result.loading ? (
        <StateView className="verify-error" status="error" message={result.error.message} onRetry={() => void result.reload()} />
      ) : (
        <StateView className="verify-loading" status="loading" />
      )}

      <View className="verify-back">
        <Button className="activity-action" size="large" block onClick={goBackOrHome}>
          返回
        </Button>
      </View>
    </View>
  );
}
