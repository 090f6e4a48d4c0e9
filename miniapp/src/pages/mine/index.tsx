import type { MeResponse } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { ROLE_LABELS } from '@/constants/labels';
import { ROUTES } from '@/constants/routes';
import { openPage } from '@/services/navigation';
import { useMine } from './use-mine';
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
              {`${ROLE_LABELS[scope.role]} · ${scope.scopeName}`}
            </Tag>
          ))}
        </View>
      </View>
    </SectionCard>
  );
}

export default function MinePage() {
  const { me, signedIn, signOut } = useMine();

  return (
    <View className="page mine">
      {!signedIn ? (
        <SectionCard className="mine-signed-out">
          <Text className="mine-signed-out__text">登录后可查看你的单位、支部和身份</Text>
          <Button className="mine-login" type="primary" size="large" block onClick={() => openPage(ROUTES.login)}>
            登录
          </Button>
        </SectionCard>
      ) : me.data ? (
        <>
          {me.error ? (
            <View className="refresh-notice">
              <Text>{me.error.message}</Text>
              <Text className="refresh-notice__retry" onClick={() => void me.reload()}>
                重试
              </Text>
            </View>
          ) : null}
          <Profile me={me.data} />
        </>
      ) : me.error && !me.loading ? (
        <StateView className="mine-error" status="error" message={me.error.message} onRetry={() => void me.reload()} />
      ) : (
        <StateView className="mine-loading" status="loading" />
      )}

      <SectionCard className="mine-links">
        <View className="link-row mine-about" onClick={() => openPage(ROUTES.about)}>
          <Text>关于先锋报到</Text>
          <Text className="link-row__arrow">›</Text>
        </View>
      </SectionCard>

      {signedIn ? (
        <View className="mine-logout-wrap">
          <Button className="mine-logout" size="large" block onClick={() => void signOut()}>
            退出登录
          </Button>
        </View>
      ) : null}
    </View>
  );
}
