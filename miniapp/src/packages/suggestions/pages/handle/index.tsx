import type { SuggestionView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import FieldError from '@/components/field-error';
import PagedListView from '@/components/paged-list-view';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import ReplyBlock from '../../components/reply-block';
import StatusTag from '../../components/status-tag';
import { formatDateTime } from '../../../../format/date-time';
import { REPLY_MAX, REPLY_STATUSES, STATUS_FILTERS, useHandleSuggestions } from './use-handle';
import '../../components/suggestions.scss';
import './index.scss';

type Handle = ReturnType<typeof useHandleSuggestions>;

function ContactLine({ suggestion, handle }: { suggestion: SuggestionView; handle: Handle }) {
  if (suggestion.anonymous) return <Text className="suggestion-handle__meta">匿名提交，不显示提交人和联系方式</Text>;
  const { contact } = handle;
  if (contact.state === 'shown') {
    return <Text className="suggestion-handle__meta suggestion-handle__contact-value">{`联系方式：${contact.contact ?? '未留'}`}</Text>;
  }
  return (
    <View className="suggestion-handle__contact-row">
      <FieldError message={contact.state === 'failed' ? contact.error.message : null} />
      <Button
        className="suggestion-handle__contact"
        size="small"
        loading={contact.state === 'loading'}
        onClick={() => void handle.showContact(suggestion.id)}
      >
        查看联系方式
      </Button>
    </View>
  );
}

function ReplyForm({ suggestion, handle }: { suggestion: SuggestionView; handle: Handle }) {
  if (suggestion.status === 'closed') {
    return <Text className="suggestion-handle__closed">已办完，不能再答复</Text>;
  }
  return (
    <View className="suggestion-handle__form">
      <Text className="suggestion-handle__label">处理状态</Text>
      <View className="suggestion-handle__statuses">
        {REPLY_STATUSES.map((option) => (
          <Button
            key={option.value}
            className={`suggestion-handle__status suggestion-handle__status--${option.value}`}
            size="small"
            type="primary"
            fill={handle.replyStatus === option.value ? 'solid' : 'outline'}
            onClick={() => handle.setReplyStatus(option.value)}
          >
            {option.label}
          </Button>
        ))}
      </View>
      <FieldError message={handle.fieldErrors.status} />
      <Text className="suggestion-handle__label">答复</Text>
      <TextArea
        className="suggestion-handle__reply-input"
        value={handle.replyText}
        onChange={handle.setReplyText}
        maxLength={REPLY_MAX}
        rows={4}
        autoSize
        placeholder={handle.replyStatus === 'in_progress' ? '可先不写，标记为处理中' : '请填写给提交人的答复'}
        status={handle.fieldErrors.reply ? 'error' : 'default'}
      />
      <FieldError message={handle.fieldErrors.reply} />
      {handle.formError ? (
        <View className="suggestion-form-error suggestion-handle__error" role="alert">
          <Text>{handle.formError}</Text>
        </View>
      ) : null}
      <Button
        className="suggestion-handle__submit"
        type="primary"
        size="large"
        block
        loading={handle.submitting}
        disabled={handle.submitting}
        onClick={() => void handle.submitReply(suggestion)}
      >
        提交
      </Button>
    </View>
  );
}

function Item({ suggestion, handle }: { suggestion: SuggestionView; handle: Handle }) {
  const open = handle.selectedId === suggestion.id;
  return (
    <View className={`suggestion-handle__item${open ? ' suggestion-handle__item--open' : ''}`}>
      <View className="suggestion-handle__summary" onClick={() => handle.select(suggestion)}>
        <View className="suggestion-handle__head">
          <StatusTag status={suggestion.status} />
          <Text className="suggestion-handle__author">{suggestion.authorName ?? '匿名'}</Text>
          <Text className="suggestion-handle__time">{formatDateTime(suggestion.createdAt)}</Text>
        </View>
        <Text className={`suggestion-handle__content${open ? ' suggestion-handle__content--full' : ''}`}>
          {suggestion.content}
        </Text>
        <ReplyBlock suggestion={suggestion} />
      </View>
      {open ? (
        <View className="suggestion-handle__panel">
          <ContactLine suggestion={suggestion} handle={handle} />
          <ReplyForm suggestion={suggestion} handle={handle} />
        </View>
      ) : null}
    </View>
  );
}

export default function HandleSuggestionsPage() {
  const handle = useHandleSuggestions();
  const { list } = handle;

  return (
    <View className="page suggestion-handle">
      <View className="page-header">
        <Text className="page-header__title">处理意见建议</Text>
        <Text className="page-header__subtitle">点开一条就可以答复；匿名提交的不显示提交人。</Text>
      </View>

      <View className="suggestion-handle__filters">
        {STATUS_FILTERS.map((option) => (
          <Text
            key={option.value}
            className={`suggestion-handle__filter${handle.filter === option.value ? ' suggestion-handle__filter--active' : ''}`}
            onClick={() => handle.setFilter(option.value)}
          >
            {option.label}
          </Text>
        ))}
      </View>

      <PagedListView
        list={list}
        classNames={{ error: 'suggestion-handle__failed', loading: 'suggestion-handle__loading', more: 'suggestion-handle__more' }}
        canRetry={(error) => error.status !== 403}
        empty={<StateView className="suggestion-handle__empty" status="empty" message="没有这类意见建议" />}
      >
        <SectionCard extra={`共 ${list.total} 条`} title="意见建议" className="suggestion-handle__list">
          {list.items.map((suggestion) => (
            <Item key={suggestion.id} suggestion={suggestion} handle={handle} />
          ))}
        </SectionCard>
      </PagedListView>
    </View>
  );
}
