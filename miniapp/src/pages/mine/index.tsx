import type { ModelPostView, MeResponse } from '@pioneer/shared-types';
import { formatRole } from '@/format/role';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import HoursSummary from '@/components/hours-summary';
import RefreshNotice from '@/components/refresh-notice';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { ROUTES } from '@/constants/routes';
import { openPage } from '@/services/navigation';
import { badgeText } from '@/services/unread-badge';
import { canUseConsole, hasRole, isDistrictOrganizer, isMember, useMine } from './use-mine';
import './index.scss';

function InfoRow({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`mine-row ${className}`}>
      <Text className="mine-row__label">{label}</Text>
      <Text className="mine-row__value">{value}</Text>
    </View>
  );
}

function Profile({ me }: { me: MeResponse }) {
  return (
    <SectionCard className="mine-profile">
      <Text className="mine-name">{me.name}</Text>
      <InfoRow className="mine-phone" label="手机" value={me.maskedPhone ?? '未登记'} />
      <InfoRow className="mine-unit" label="单位" value={me.unit.name} />
      <InfoRow className="mine-branch" label="支部" value={me.branch?.name ?? '未登记'} />
      <View className="mine-row">
        <Text className="mine-row__label">身份</Text>
        <View className="mine-roles">
          {me.roles.length === 0 ? <Text className="mine-row__value">暂无</Text> : null}
          {me.roles.map((scope) => (
            <Tag key={`${scope.role}-${scope.scopeId ?? 'all'}`} className="mine-role" type="primary" plain>
              {formatRole(scope)}
            </Tag>
          ))}
        </View>
      </View>
    </SectionCard>
  );
}

function LinkRow({ className, text, onClick, badge }: { className: string; text: string; onClick: () => void; badge?: number }) {
  return (
    <View className={`link-row ${className}`} onClick={onClick}>
      <Text>{text}</Text>
      <View className="link-row__end">
        {badge ? <Text className="mine-badge">{badgeText(badge)}</Text> : null}
        <Text className="link-row__arrow">›</Text>
      </View>
    </View>
  );
}

function Posts({ posts }: { posts: ModelPostView[] }) {
  return (
    <SectionCard title="我的示范岗" className="mine-posts">
      {posts.map((post) => (
        <View key={post.id} className="mine-post">
          <Text className="mine-post__name">{post.name}</Text>
          <Text className="mine-post__detail">{[post.place, post.unit.name, post.community?.name].filter(Boolean).join(' · ')}</Text>
        </View>
      ))}
    </SectionCard>
  );
}

/** A worker publishes a need of their community with the organizers' form, opened for a need. */
function openNeedForm(): void {
  Taro.navigateTo({ url: `${ROUTES.organizeEdit}?need=1` }).catch(() => undefined);
}

export default function MinePage() {
  const { me, hours, posts, unread, signedIn, signingOut, signOut, scanConsole } = useMine();
  const member = signedIn && isMember(me.data);
  const organizer = signedIn && hasRole(me.data, 'organizer');
  const worker = signedIn && hasRole(me.data, 'worker');
  // Scanning needs the camera, which only the mini-program has; the desktop console shows the code instead.
  const showConsoleScan = process.env.TARO_ENV === 'weapp' && signedIn && canUseConsole(me.data);

  return (
    <View className="page mine">
      {!signedIn ? (
        <SectionCard className="mine-signed-out">
          <Text className="mine-signed-out__text">登录后可查看您的单位、支部和身份</Text>
          <Button className="mine-login" type="primary" size="large" block onClick={() => openPage(ROUTES.login)}>
            登录
          </Button>
        </SectionCard>
      ) : me.data ? (
        <>
          <RefreshNotice error={me.error} onRetry={me.reload} />
          <Profile me={me.data} />
          {posts.length > 0 ? <Posts posts={posts} /> : null}
        </>
      ) : me.error && !me.loading ? (
        <StateView className="mine-error" status="error" message={me.error.message} onRetry={() => void me.reload()} />
      ) : (
        <StateView className="mine-loading" status="loading" />
      )}

      {member ? (
        <HoursSummary
          className="mine-hours"
          data={hours.data}
          error={hours.error}
          loading={hours.loading}
          onRetry={() => void hours.reload()}
        />
      ) : null}

      {member ? (
        <SectionCard className="mine-service">
          <LinkRow className="mine-register" text="报到社区" onClick={() => openPage(ROUTES.serviceRegister)} />
          <LinkRow className="mine-records" text="服务记录" onClick={() => openPage(ROUTES.serviceRecords)} />
          <LinkRow className="mine-my-hours" text="服务时长明细" onClick={() => openPage(ROUTES.myHours)} />
          <LinkRow className="mine-certificate" text="报到服务证明" onClick={() => openPage(ROUTES.certificate)} />
          <LinkRow className="mine-visits" text="走访记录" onClick={() => openPage(ROUTES.activityVisits)} />
          <LinkRow className="mine-problems" text="群众问题" onClick={() => openPage(ROUTES.problems)} />
          <LinkRow className="mine-households" text="结对关爱" onClick={() => openPage(ROUTES.households)} />
          <LinkRow className="mine-matters" text="实事" onClick={() => openPage(ROUTES.matters)} />
        </SectionCard>
      ) : null}

      {organizer || worker ? (
        <SectionCard className="mine-organize">
          {organizer ? (
            <LinkRow className="mine-organize-list" text="活动管理" onClick={() => openPage(ROUTES.organizeList)} />
          ) : null}
          {organizer && isDistrictOrganizer(me.data) ? (
            <LinkRow className="mine-organize-review" text="活动审核" onClick={() => openPage(ROUTES.organizeReview)} />
          ) : null}
          {organizer ? (
            <LinkRow className="mine-organize-themes" text="一月一主题" onClick={() => openPage(ROUTES.organizeThemes)} />
          ) : null}
          {worker ? <LinkRow className="mine-need-new" text="发布社区需求" onClick={openNeedForm} /> : null}
        </SectionCard>
      ) : null}


      <SectionCard className="mine-links">
        {signedIn ? (
          <LinkRow className="mine-inbox" text="消息" badge={unread} onClick={() => openPage(ROUTES.inbox)} />
        ) : null}
        {signedIn ? (
          <LinkRow className="mine-suggestions" text="意见建议" onClick={() => openPage(ROUTES.suggestions)} />
        ) : null}
        {showConsoleScan ? (
          <LinkRow className="mine-console-scan" text="扫码登录电脑端" onClick={() => void scanConsole()} />
        ) : null}
        <LinkRow className="mine-about" text="关于先锋报到" onClick={() => openPage(ROUTES.about)} />
      </SectionCard>

      {signedIn ? (
        <View className="mine-logout-wrap">
          <Button className="mine-logout" size="large" block loading={signingOut} onClick={() => void signOut()}>
            退出登录
          </Button>
        </View>
      ) : null}
    </View>
  );
}
