import type { CommunityView, RegistrationView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import LoadMore from '@/components/load-more';
import RefreshNotice from '@/components/refresh-notice';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import { formatDateTime } from '@/format/date-time';
import { REGISTRATION_STATUS_LABELS } from '../../shared/labels';
import { openCheckin, openLogin } from '../../shared/navigation';
import { REASON_MAX, useRegister } from './use-register';
import '../../components/service.scss';
import './index.scss';

function StatusBadge({ registration }: { registration: RegistrationView }) {
  return (
    <Text className={`register-badge register-badge--${registration.status}`}>
      {REGISTRATION_STATUS_LABELS[registration.status]}
    </Text>
  );
}

function CommunityLine({ registration }: { registration: RegistrationView }) {
  return (
    <View className="register-status__community">
      <Text className="register-status__name">{registration.community.name}</Text>
      <Text className="register-status__street">{registration.community.streetName}</Text>
    </View>
  );
}

function CommunityItem({ community, onChoose, disabled }: { community: CommunityView; onChoose: () => void; disabled: boolean }) {
  return (
    <View
      className={`register-community${disabled ? ' register-community--disabled' : ''}`}
      onClick={() => {
        if (!disabled) onChoose();
      }}
    >
      <View className="register-community__head">
        <Text className="register-community__name">{community.name}</Text>
        <Text className="register-community__street">{community.streetName}</Text>
      </View>
      <Text className="register-community__address">{community.address}</Text>
      <Text className="register-community__choose">申请报到 ›</Text>
    </View>
  );
}

export default function RegisterPage() {
  const page = useRegister();
  const { registrations, active, communities } = page;

  if (!page.signedIn) {
    return (
      <View className="page register">
        <SectionCard className="register-login">
          <Text className="service-hint">登录后可以选择居住的社区报到</Text>
          <Button className="register-login__button" type="primary" size="large" block onClick={openLogin}>
            登录
          </Button>
        </SectionCard>
      </View>
    );
  }

  if (!registrations.data) {
    return (
      <View className="page register">
        {registrations.error && !registrations.loading ? (
          <StateView
            className="register-error"
            status="error"
            message={registrations.error.message}
            onRetry={() => void registrations.reload()}
          />
        ) : (
          <StateView className="register-loading" status="loading" />
        )}
      </View>
    );
  }

  return (
    <View className="page register">
      <View className="page-header">
        <Text className="page-header__title">到社区报到</Text>
        <Text className="page-header__subtitle">
          在职党员向居住的社区报到，由社区工作者审核。报到通过后，就可以在这个社区签到服务。
        </Text>
      </View>

      <RefreshNotice error={registrations.error} onRetry={registrations.reload} />

      {page.problem ? (
        <View className="service-problem register-problem" role="alert">
          <Text className="service-problem__message">{page.problem}</Text>
        </View>
      ) : null}

      {active ? (
        <SectionCard title="我的报到社区" className={`register-status register-status--${active.status}`}>
          <View className="register-status__head">
            <CommunityLine registration={active} />
            <StatusBadge registration={active} />
          </View>
          {active.status === 'pending' ? (
            <>
              <Text className="service-hint">
                {`${formatDateTime(active.createdAt)} 提交。社区工作者同意后，您会在“消息”中收到通知。`}
              </Text>
              <View className="service-actions">
                <Button
                  className="service-action register-withdraw"
                  size="large"
                  block
                  disabled={page.busy}
                  onClick={() => void page.withdraw()}
                >
                  撤回申请
                </Button>
              </View>
            </>
          ) : (
            <>
              <Text className="service-hint">
                {active.onBehalf
                  ? `由社区工作者代为登记${active.decidedAt ? `（${formatDateTime(active.decidedAt)}）` : ''}。`
                  : `${active.decidedAt ? formatDateTime(active.decidedAt) : ''} 社区工作者已同意。`}
              </Text>
              <View className="service-actions">
                <Button className="service-action register-checkin" type="primary" size="large" block onClick={openCheckin}>
                  签到服务
                </Button>
                {page.endOpen ? null : (
                  <Button className="service-action register-end" size="large" block onClick={page.openEnd}>
                    搬家了，结束报到
                  </Button>
                )}
              </View>
              {page.endOpen ? (
                <View className="register-end-form">
                  <TextField
                    className="register-end-form__reason"
                    label="结束原因"
                    value={page.endReason}
                    onChange={page.setEndReason}
                    maxLength={REASON_MAX}
                    error={page.endError}
                    hint="例如：搬家了、长期在外地工作"
                    required
                  />
                  <Text className="service-hint">结束后已有的服务记录都会保留，之后可以选择新的社区报到。</Text>
                  <View className="service-actions">
                    <Button
                      className="service-action register-end-form__submit"
                      type="primary"
                      size="large"
                      block
                      loading={page.busy}
                      disabled={page.busy}
                      onClick={() => void page.submitEnd()}
                    >
                      确认结束报到
                    </Button>
                    <Button className="service-action register-end-form__cancel" size="large" block onClick={page.closeEnd}>
                      取消
                    </Button>
                  </View>
                </View>
              ) : null}
            </>
          )}
        </SectionCard>
      ) : (
        <>
          {page.lastRejected ? (
            <SectionCard className="register-status register-status--rejected">
              <View className="register-status__head">
                <CommunityLine registration={page.lastRejected} />
                <StatusBadge registration={page.lastRejected} />
              </View>
              <Text className="register-status__reason">{`原因：${page.lastRejected.reason ?? '未说明'}`}</Text>
              <Text className="service-hint">您可以重新选择社区申请报到；如有疑问，可以联系该社区的工作人员。</Text>
            </SectionCard>
          ) : (
            <SectionCard className="register-none">
              <Text className="register-none__text">您还没有报到的社区。请选择您居住的社区，提交后由社区工作者审核。</Text>
            </SectionCard>
          )}

          <SectionCard title="选择社区" className="register-choose">
            <TextField
              className="register-search"
              label="搜索社区"
              value={page.search}
              onChange={page.setSearch}
              placeholder="输入社区名称中的字"
              maxLength={50}
              onConfirm={page.runSearch}
            />
            <Button className="register-search__submit" size="large" block onClick={page.runSearch}>
              搜索
            </Button>
            {communities.items.length > 0 ? (
              communities.items.map((community) => (
                <CommunityItem
                  key={community.id}
                  community={community}
                  disabled={page.busy}
                  onChoose={() => void page.choose(community)}
                />
              ))
            ) : communities.error && !communities.loading ? (
              <StateView status="error" message={communities.error.message} onRetry={() => void communities.reload()} />
            ) : communities.loading ? (
              <StateView status="loading" rows={2} />
            ) : (
              <StateView
                className="register-communities-empty"
                status="empty"
                message={page.searched ? `没有找到名称含“${page.searched}”的社区` : '暂无社区'}
              />
            )}
          </SectionCard>
          <LoadMore
            hasMore={communities.hasMore}
            loading={communities.loadingMore}
            error={communities.loadMoreError}
            count={communities.items.length}
            onLoadMore={() => void communities.loadMore()}
          />
        </>
      )}

      {page.history.length > 0 ? (
        <SectionCard title="以往的报到" className="register-history">
          {page.history.map((item) => (
            <View key={item.id} className="register-history-item">
              <View className="register-status__head">
                <CommunityLine registration={item} />
                <StatusBadge registration={item} />
              </View>
              <Text className="register-history-item__time">
                {`${formatDateTime(item.createdAt)} 申请${item.endedAt ? `，${formatDateTime(item.endedAt)} 结束` : ''}`}
              </Text>
              {item.reason ? <Text className="register-history-item__reason">{`原因：${item.reason}`}</Text> : null}
            </View>
          ))}
        </SectionCard>
      ) : null}
    </View>
  );
}
