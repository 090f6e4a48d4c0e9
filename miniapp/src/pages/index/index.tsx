import type { MeResponse, PublicCommunity, UnreadCountResponse } from '@pioneer/shared-types';
import { formatRole } from '@/format/role';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { ApiError } from '@/api/api-error';
import HoursSummary from '@/components/hours-summary';
import RefreshNotice from '@/components/refresh-notice';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { ROUTES } from '@/constants/routes';
import { openPage } from '@/services/navigation';
import OpenVisit from './open-visit';
import { badgeCount, shortcutsFor } from './shortcuts';
import { useHome } from './use-home';
import './index.scss';

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <View className="home-figure">
      <Text className="home-figure__label">{label}</Text>
      <View>
        <Text className="home-figure__value">{value}</Text>
        <Text className="home-figure__unit"> 个</Text>
      </View>
    </View>
  );
}

function CommunityItem({ community }: { community: PublicCommunity }) {
  return (
    <View className="home-community">
      <View className="home-community__head">
        <Text className="home-community__name">{community.name}</Text>
        <Text className="home-community__street">{community.streetName}</Text>
      </View>
      <Text className="home-community__address">{community.address}</Text>
    </View>
  );
}

interface GreetingProps {
  me: MeResponse | undefined;
  error: ApiError | undefined;
  loading: boolean;
  onRetry: () => void;
  /** Badges on the shortcuts that have one (a worker's pending records); absent until loaded or when it failed. */
  counts?: UnreadCountResponse;
}

/** 99+ past two digits: the tile stays readable, and the exact number is on the page it opens. */
function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}

/** Nothing at 0: a badge means something is waiting. */
function ShortcutBadge({ count }: { count: number | undefined }) {
  if (!count) return null;
  return (
    <Text className="home-shortcut__badge" aria-label={`${count} 项待处理`}>
      {badgeText(count)}
    </Text>
  );
}

function Greeting({ me, error, loading, onRetry, counts }: GreetingProps) {
  if (!me) {
    return (
      <SectionCard className="home-greeting">
        {error && !loading ? (
          <StateView status="error" message={error.message} onRetry={onRetry} rows={1} />
        ) : (
          <StateView status="loading" message="正在读取您的信息…" rows={1} />
        )}
      </SectionCard>
    );
  }
  return (
    <SectionCard className="home-greeting">
      <Text className="home-greeting__name">您好，{me.name}</Text>
      {me.roles.length > 0 ? (
        <View className="home-roles">
          {me.roles.map((scope) => (
            <Tag key={`${scope.role}-${scope.scopeId ?? 'all'}`} className="home-role" type="primary" plain>
              {formatRole(scope)}
            </Tag>
          ))}
        </View>
      ) : null}
      <View className="home-shortcuts">
        {shortcutsFor(me.roles).map((shortcut) => (
          <View
            key={shortcut.key}
            className={`home-shortcut home-shortcut--${shortcut.key}`}
            onClick={() => openPage(shortcut.route)}
          >
            <Text className="home-shortcut__label">{shortcut.label}</Text>
            <ShortcutBadge count={shortcut.badge ? badgeCount(counts, shortcut.badge) : undefined} />
          </View>
        ))}
      </View>
    </SectionCard>
  );
}

export default function HomePage() {
  const { overview, me, signedIn, counts, member, visit, hours } = useHome();
  const data = overview.data;

  return (
    <View className="page home">
      <View className="page-header">
        <Text className="page-header__title home-title">{data?.districtName ?? '先锋报到'}</Text>
        <Text className="page-header__subtitle">在职党员到社区报到 · 为群众办实事</Text>
      </View>

      {member && visit.data ? <OpenVisit record={visit.data} onEnd={() => openPage(ROUTES.serviceVisit)} /> : null}

      {signedIn ? (
        <Greeting
          me={me.data}
          error={me.error}
          loading={me.loading}
          onRetry={() => void me.reload()}
          counts={counts.data}
        />
      ) : (
        <SectionCard className="home-login">
          <Text className="home-login__text">登录后可查看您的报到信息</Text>
          <Button className="home-login__button" type="primary" size="large" block onClick={() => openPage(ROUTES.login)}>
            登录
          </Button>
        </SectionCard>
      )}

      {member ? (
        <HoursSummary
          className="home-hours"
          data={hours.data}
          error={hours.error}
          loading={hours.loading}
          onRetry={() => void hours.reload()}
        />
      ) : null}

      <RefreshNotice className="home-refresh-error" error={data ? overview.error : undefined} onRetry={overview.reload} />

      {!data ? (
        overview.error && !overview.loading ? (
          <StateView
            className="home-error"
            status="error"
            message={overview.error.message}
            onRetry={() => void overview.reload()}
          />
        ) : (
          <StateView className="home-loading" status="loading" rows={4} />
        )
      ) : (
        <>
          <SectionCard className="home-figures">
            <View className="home-figures__row">
              {/* Every unit on record; "参与单位" is a report figure (units with an approved registration in a period). */}
              <Figure label="党组织单位" value={data.unitCount} />
              <Figure label="社区" value={data.communityCount} />
              <Figure label="街道" value={data.streetCount} />
            </View>
          </SectionCard>

          <SectionCard title="社区" className="home-communities">
            {data.communities.length === 0 ? (
              <StateView className="home-empty" status="empty" message="暂无社区信息，请稍后再来看看" />
            ) : (
              data.communities.map((community) => <CommunityItem key={community.id} community={community} />)
            )}
          </SectionCard>
        </>
      )}

      <SectionCard className="home-links">
        <View className="link-row home-about" onClick={() => openPage(ROUTES.about)}>
          <Text>关于先锋报到</Text>
          <Text className="link-row__arrow">›</Text>
        </View>
      </SectionCard>
    </View>
  );
}
