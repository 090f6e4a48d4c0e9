import type { MessageView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import PagedListView from '@/components/paged-list-view';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { formatDateTime } from '@/format/date-time';
import { messageTarget } from '../../shared/message-link';
import { openLogin } from '../../shared/navigation';
import { useInbox } from './use-inbox';
import '../../components/service.scss';
import './index.scss';

function MessageItem({ message, onOpen }: { message: MessageView; onOpen: (message: MessageView) => void }) {
  const unread = message.readAt === null;
  const opens = messageTarget(message) !== null;
  return (
    <View className={`message-item${unread ? ' message-item--unread' : ''}`} onClick={() => onOpen(message)}>
      <View className="message-item__head">
        {unread ? <View className="message-item__dot" aria-label="未读" /> : null}
        <Text className="message-item__title">{message.title}</Text>
        {opens ? <Text className="message-item__arrow">›</Text> : null}
      </View>
      <Text className="message-item__body">{message.body}</Text>
      <Text className="message-item__time">{formatDateTime(message.createdAt)}</Text>
    </View>
  );
}

export default function InboxPage() {
  const page = useInbox();
  const { list } = page;

  if (!page.signedIn) {
    return (
      <View className="page inbox">
        <SectionCard className="inbox-login">
          <Text className="service-hint">登录后可以查看消息</Text>
          <Button className="inbox-login__button" type="primary" size="large" block onClick={openLogin}>
            登录
          </Button>
        </SectionCard>
      </View>
    );
  }

  return (
    <View className="page inbox">
      <View className="inbox-actions">
        <Button
          className="inbox-read-all"
          size="large"
          block
          loading={page.readingAll}
          disabled={!page.hasUnread || page.readingAll}
          onClick={() => void page.readAll()}
        >
          全部已读
        </Button>
        {page.canSubscribe ? (
          <Button className="inbox-subscribe" type="primary" size="large" block onClick={page.subscribe}>
            开启微信提醒
          </Button>
        ) : null}
      </View>

      <PagedListView
        list={list}
        classNames={{ error: 'inbox-error', loading: 'inbox-loading', more: 'inbox-more' }}
        empty={<StateView className="inbox-empty" status="empty" message="暂无消息。报到审核、服务记录确认等结果会在这里通知您。" />}
      >
        <SectionCard className="inbox-list">
          {list.items.map((message) => (
            <MessageItem key={message.id} message={message} onOpen={page.open} />
          ))}
        </SectionCard>
      </PagedListView>
    </View>
  );
}
