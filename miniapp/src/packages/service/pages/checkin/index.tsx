import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import PrivacyConsent from '@/components/privacy-consent';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import PendingItem from '../../components/pending-item';
import ProblemNotice from '../../components/problem-notice';
import { formatDateTime } from '@/format/date-time';
import { verificationLabel } from '@/format/verification';
import { openLogin, openRecords, openRegister, openVisit } from '../../shared/navigation';
import type { NextStep } from '../../shared/problems';
import { useCheckin } from './use-checkin';
import '../../components/service.scss';
import './index.scss';

const LOCATION_HINTS = {
  weapp: '使用微信提供的大致位置（误差可达数公里），只在您点击时获取一次。这条记录会交社区工作者确认。',
  browser: '使用浏览器获取一次位置，只在您点击时获取。这条记录会交社区工作者确认。',
};

export default function CheckinPage() {
  const page = useCheckin();
  const { registrations, current, place, uploads, pendingStart } = page;
  // Camera scanning exists only in the mini-program.
  const weapp = process.env.TARO_ENV === 'weapp';

  const nextAction = (next: NextStep): { label: string; onClick: () => void } | undefined => {
    switch (next) {
      case 'rescan':
        return weapp ? { label: '重新扫码', onClick: () => void page.scan() } : undefined;
      case 'register':
        return { label: '去报到社区', onClick: openRegister };
      case 'visit':
        return { label: '查看正在进行的服务', onClick: openVisit };
      case 'records':
        return { label: '查看服务记录', onClick: openRecords };
      default:
        return undefined;
    }
  };

  if (!page.signedIn) {
    return (
      <View className="page checkin">
        <SectionCard className="checkin-login">
          <Text className="service-hint">登录后才能签到服务</Text>
          <Button className="checkin-login__button" type="primary" size="large" block onClick={openLogin}>
            登录
          </Button>
        </SectionCard>
      </View>
    );
  }

  const loading = (!registrations.data && registrations.loading) || (current.data === undefined && current.loading);
  if (!place && loading) {
    return (
      <View className="page checkin">
        <StateView className="checkin-loading" status="loading" />
      </View>
    );
  }

  if (!registrations.data && !place) {
    return (
      <View className="page checkin">
        <StateView
          className="checkin-load-error"
          status="error"
          message={registrations.error?.message}
          onRetry={() => void page.refresh()}
        />
      </View>
    );
  }

  const openVisitNow = current.data ?? null;
  const waitingStart = pendingStart?.state === 'waiting' ? pendingStart : null;
  const showPaths = place !== null && !openVisitNow && !waitingStart;

  return (
    <View className="page checkin">
      <PrivacyConsent purpose="定位签到需要获取一次您的大致位置，仅用于确认您在社区附近，只在您选择定位签到时获取。" />

      <View className="page-header">
        <Text className="page-header__title">签到服务</Text>
        <Text className="page-header__subtitle">
          到报到社区服务时签到，结束时签退。扫描社区工作者手机上的签到码最方便；不方便时，社区工作者也可以为您登记。
        </Text>
      </View>

      {page.forNeed ? (
        <View className="service-notice checkin-need">
          <Text>这次签到服务会记在您报名的社区需求下。</Text>
        </View>
      ) : null}

      {place?.remembered ? (
        <View className="service-notice checkin-offline">
          <Text>网络不好，正在使用上次的报到信息。签到会先保存在手机上，有网络后自动上传。</Text>
        </View>
      ) : null}

      {page.problem ? (
        <View className="checkin-problem">
          <ProblemNotice className="checkin-error" problem={page.problem} action={nextAction(page.problem.next)} />
        </View>
      ) : null}

      {pendingStart ? (
        <SectionCard title="待上传的签到" className="checkin-pending">
          <PendingItem
            item={pendingStart}
            busy={uploads.flushing}
            onRetry={(key) => void uploads.retry(key)}
            onDiscard={(item) => void uploads.discard(item)}
          />
          {waitingStart ? (
            <Button className="service-action checkin-pending__visit" type="primary" size="large" block onClick={openVisit}>
              结束服务（签退）
            </Button>
          ) : null}
        </SectionCard>
      ) : null}

      {openVisitNow ? (
        <SectionCard title="服务进行中" className="checkin-open">
          <Text className="checkin-open__community">{openVisitNow.community.name}</Text>
          <Text className="service-hint">
            {`${formatDateTime(openVisitNow.startedAt)} 开始 · ${verificationLabel(openVisitNow.startVerification, 'start')}`}
          </Text>
          <Button className="service-action checkin-open__visit" type="primary" size="large" block onClick={openVisit}>
            结束服务（签退）
          </Button>
        </SectionCard>
      ) : null}

      {!place && !openVisitNow ? (
        <SectionCard className="checkin-register">
          <Text className="checkin-register__text">
            {page.pendingRegistration
              ? '您的报到申请正在等待社区工作者审核，通过后就可以签到服务了。'
              : '签到服务前，请先向您居住的社区报到，社区工作者同意后就可以签到。'}
          </Text>
          <Button className="service-action checkin-register__button" type="primary" size="large" block onClick={openRegister}>
            {page.pendingRegistration ? '查看报到申请' : '去报到社区'}
          </Button>
        </SectionCard>
      ) : null}

      {showPaths && place ? (
        <>
          <SectionCard className="checkin-place">
            <Text className="checkin-place__label">签到社区</Text>
            <Text className="checkin-place__name">{place.community.name}</Text>
          </SectionCard>

          {weapp ? (
            <SectionCard title="扫描签到码" className="checkin-path checkin-path--scan">
              <Text className="service-hint">扫描社区工作者手机上正在显示的签到码，签到时间当场核验。</Text>
              <Button
                className="service-action checkin-scan"
                type="primary"
                size="large"
                block
                loading={page.busy === 'scan'}
                disabled={page.busy !== null}
                onClick={() => void page.scan()}
              >
                扫码签到
              </Button>
            </SectionCard>
          ) : null}

          {page.demoShortCode ? (
            <SectionCard title="输入签到码（演示）" className="checkin-path checkin-short-code">
              <Text className="service-hint">
                {`电脑浏览器不能扫码。请输入社区工作者“签到码”页面上显示的 6 位数字，签到社区：${place.community.name}。`}
              </Text>
              <TextField
                className="checkin-short-code__input"
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
                className="service-action checkin-short-code__submit"
                type="primary"
                size="large"
                block
                loading={page.busy === 'short-code'}
                disabled={page.busy !== null}
                onClick={() => void page.submitShortCode()}
              >
                签到
              </Button>
            </SectionCard>
          ) : !weapp ? (
            <View className="service-notice checkin-no-camera">
              <Text>电脑浏览器不能扫码签到，请在微信小程序中扫描社区工作者的签到码。</Text>
            </View>
          ) : null}

          <SectionCard title="定位签到（可选）" className="checkin-path checkin-path--location">
            <Text className="service-hint">{weapp ? LOCATION_HINTS.weapp : LOCATION_HINTS.browser}</Text>
            <Button
              className="service-action checkin-location"
              size="large"
              block
              loading={page.busy === 'location'}
              disabled={page.busy !== null}
              onClick={() => void page.locate()}
            >
              定位签到
            </Button>
          </SectionCard>
        </>
      ) : null}
    </View>
  );
}
