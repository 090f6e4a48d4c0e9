import { Text, View } from '@tarojs/components';
import { Button, Input, Switch, TextArea } from '@nutui/nutui-react-taro';
import FieldError from '@/components/field-error';
import SectionCard from '@/components/section-card';
import { CONTACT_MAX, CONTENT_MAX, useNewSuggestion } from './use-new';
import '../../components/suggestions.scss';
import './index.scss';

export default function NewSuggestionPage() {
  const form = useNewSuggestion();

  return (
    <View className="page suggestion-new">
      <View className="page-header">
        <Text className="page-header__title">提意见建议</Text>
        <Text className="page-header__subtitle">由区委机关工委的工作人员处理，处理进度和答复可在“意见建议”中查看。</Text>
      </View>

      <SectionCard>
        <View className="suggestion-new__field">
          <Text className="suggestion-new__label">内容</Text>
          <TextArea
            className={`suggestion-new__content${form.fieldErrors.content ? ' suggestion-new__content--error' : ''}`}
            value={form.content}
            onChange={form.setContent}
            maxLength={CONTENT_MAX}
            rows={6}
            autoSize
            placeholder="请写下您的意见、建议或遇到的问题"
            status={form.fieldErrors.content ? 'error' : 'default'}
          />
          <Text className="suggestion-new__count">{`${form.content.length}/${CONTENT_MAX}`}</Text>
          <FieldError message={form.fieldErrors.content} />
        </View>

        <View className="suggestion-new__field">
          <View className="suggestion-new__switch-row">
            <Text className="suggestion-new__label">匿名提交</Text>
            <Switch
              className="suggestion-new__anonymous"
              checked={form.anonymous}
              onChange={(value) => form.setAnonymous(value)}
              ariaLabel="匿名提交"
            />
          </View>
          <Text className="suggestion-new__hint">匿名后，处理人员看不到您的姓名</Text>
          <FieldError message={form.fieldErrors.anonymous} />
        </View>

        {form.anonymous ? null : (
          <View className="suggestion-new__field">
            <Text className="suggestion-new__label">联系方式（选填）</Text>
            <Input
              className="suggestion-new__contact"
              value={form.contact}
              onChange={form.setContact}
              maxLength={CONTACT_MAX}
              placeholder="手机号或其他联系方式"
            />
            <Text className="suggestion-new__hint">需要时处理人员会通过它联系您；不填也会在这里答复您。</Text>
            <FieldError message={form.fieldErrors.contact} />
          </View>
        )}

        {form.formError ? (
          <View className="suggestion-form-error suggestion-new__error" role="alert">
            <Text>{form.formError}</Text>
          </View>
        ) : null}

        <Button
          className="suggestion-new__submit"
          type="primary"
          size="large"
          block
          loading={form.submitting}
          disabled={form.submitting}
          onClick={() => void form.submit()}
        >
          {form.submitting ? '正在提交…' : '提交'}
        </Button>
      </SectionCard>
    </View>
  );
}
