import type { SignupView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import { formatDateTime, formatSpan } from '@/format/date-time';
import { formatHours } from '@/format/hours';
import { MissingActivity, SignInFirst } from '../../components/page-gates';
import Row from '../../components/row';
import { useScan } from './use-scan';
import '../../components/activity.scss';
import './index.scss';

function Attendance({ signup }: { signup: SignupView }) {
  return (
    <SectionCard title="我的签到" className="activity-scan__result">
      <Row className="activity-scan__arrived" label="到达" value={signup.checkedInAt ? formatDateTime(signup.checkedInAt) : '还没有记录'} />
      <Row className="activity-scan__left" label="离开" value={signup.checkedOutAt ? formatDateTime(signup.checkedOutAt) : '离开时请再扫一次'} />
      {signup.checkedOutAt ? (
        <Row
          className="activity-scan__hours"
          label="服务时长"
          value={
            signup.creditedHours > 0
              ? `计入 ${formatHours(signup.creditedHours)}`
              : '未计入：在场时间没有达到活动时长的规定比例。如有疑问，请联系活动发布人。'
          }
        />
      ) : null}
    </SectionCard>
  );
}

export default function ActivityScanPage() {
  const page = useScan();
  const weapp = process.env.TARO_ENV === 'weapp';

  if (!page.signedIn) {
    return <SignInFirst pageClassName="activity-scan" hint="登录后才能签到" />;
  }
  if (page.missingId) {
    return <MissingActivity pageClassName="activity-scan" stateClassName="activity-scan-missing" />;
  }
  const activity = page.activity.data;
  if (!activity) {
    return (
      <View className="page activity-scan">
        {page.activity.error && !page.activity.loading ? (
          <StateView className="activity-scan-error" status="error" message={page.activity.error.message} onRetry={() => void page.activity.reload()} />
        ) : (
          <StateView className="activity-scan-loading" status="loading" />
        )}
      </View>
    );
  }
  const departed = page.result?.checkedOutAt != null;

  return (
    <View className="page activity-scan">
      <View className="page-header">
        <Text className="page-header__title">{activity.title}</Text>
        <Text className="page-header__subtitle">{`${formatSpan(activity.startsAt, activity.endsAt)} · ${activity.place}`}</Text>
      </View>

      <SectionCard className="activity-scan__how">
        <Text className="activity-hint">
          到达时扫一次组织者手机上的签到码，离开时再扫一次。在场时间达到规定，活动时长计入您的服务时长。
        </Text>
        {page.scanProblem ? (
          <View className="activity-problem activity-scan__problem" role="alert">
            <Text>{page.scanProblem}</Text>
          </View>
        ) : null}
        {page.error ? (
          <View className="activity-problem activity-scan__error" role="alert">
            <Text>{page.error.message}</Text>
          </View>
        ) : null}
        {weapp && !departed ? (
          <Button
            className="activity-action activity-scan__scan"
            type="primary"
            size="large"
            block
            loading={page.busy}
            onClick={() => void page.scan()}
          >
            {page.result?.checkedInAt ? '扫码记录离开' : '扫码签到'}
          </Button>
        ) : null}
        {page.demoShortCode && !departed ? (
          <View className="activity-scan__short-code">
            <Text className="activity-hint">电脑浏览器不能扫码。请输入组织者“签到码”页面上显示的 6 位数字（演示）。</Text>
            <TextField
              className="activity-scan__input"
              label="签到码"
              value={page.shortCode}
              onChange={page.setShortCode}
              type="number"
              maxLength={6}
              placeholder="6 位数字"
              error={page.shortCodeError}
              onConfirm={() => void page.submitShortCode()}
            />
            <Button
              className="activity-action activity-scan__submit"
              type="primary"
              size="large"
              block
              loading={page.busy}
              onClick={() => void page.submitShortCode()}
            >
              {page.result?.checkedInAt ? '记录离开' : '签到'}
            </Button>
          </View>
        ) : null}
        {!weapp && !page.demoShortCode ? (
          <View className="activity-notice activity-scan__no-camera">
            <Text>电脑浏览器不能扫码，请在微信小程序中扫描组织者的签到码。</Text>
          </View>
        ) : null}
      </SectionCard>

      {page.result ? <Attendance signup={page.result} /> : null}
    </View>
  );
}
