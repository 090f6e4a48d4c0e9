import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  PROBLEM_CATEGORIES,
  PROBLEM_CATEGORY_LABELS,
  PROBLEM_URGENCIES,
  PROBLEM_URGENCY_LABELS,
  type ProblemCategory,
  type ProblemUrgency,
} from '@pioneer/shared-types';
import Chips from '@/components/choice-chips';
import FieldError from '@/components/field-error';
import SectionCard from '@/components/section-card';
import SelectField, { type SelectOption } from '@/components/select-field';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import type { PlaceKind } from '@/services/problem-draft';
import { dayText, placeText } from '../../shared';
import { ADDRESS_MAX, DESCRIPTION_MAX, NAME_MAX, OFFLINE_MESSAGE, PHONE_MAX, VILLAGE_MAX, useNewProblem } from './use-new';
import './index.scss';

const PLACE_OPTIONS = [
  { value: 'community' as const, label: '社区群众' },
  { value: 'village' as const, label: '返乡走亲' },
];
const CATEGORY_OPTIONS = PROBLEM_CATEGORIES.map((value) => ({ value, label: PROBLEM_CATEGORY_LABELS[value] }));
const URGENCY_OPTIONS = PROBLEM_URGENCIES.map((value) => ({ value, label: PROBLEM_URGENCY_LABELS[value] }));

export default function NewProblemPage() {
  const page = useNewProblem();
  const { form, change, fieldErrors } = page;

  if (!page.signedIn) {
    return (
      <View className="page problem-new">
        <StateView className="problem-new__state" status="empty" message="请您先登录，再登记群众问题" />
      </View>
    );
  }
  if (!page.ready) {
    return (
      <View className="page problem-new">
        {page.meError ? (
          <StateView className="problem-new__state" status="error" message={page.meError.message} />
        ) : (
          <StateView className="problem-new__state" status="loading" />
        )}
      </View>
    );
  }

  const communityOptions: SelectOption[] = [];
  if (page.myCommunity) communityOptions.push({ value: page.myCommunity.id, label: page.myCommunity.name, description: '您报到的社区' });
  for (const community of page.communities) {
    if (community.id !== page.myCommunity?.id) communityOptions.push({ value: community.id, label: community.name });
  }
  if (form.communityId && !communityOptions.some((option) => option.value === form.communityId)) {
    communityOptions.push({ value: form.communityId, label: form.communityName ?? '已选的社区' });
  }
  const locked = page.waiting;

  return (
    <View className="page problem-new">
      <View className="page-header">
        <Text className="page-header__title">登记群众问题</Text>
        <Text className="page-header__subtitle">登记后交给相关部门或社区办理，您可以在“群众问题”中查看办理进度。</Text>
      </View>

      {page.waiting ? (
        <View className="problem-new__offline" role="status">
          <Text>{OFFLINE_MESSAGE}</Text>
        </View>
      ) : null}

      <SectionCard title="群众信息">
        <TextField
          label="群众姓名"
          required
          value={form.residentName}
          onChange={(value) => change('residentName', value)}
          maxLength={NAME_MAX}
          error={fieldErrors.residentName}
          disabled={locked}
        />
        <TextField
          label="联系电话（选填）"
          type="number"
          value={form.residentPhone}
          onChange={(value) => change('residentPhone', value)}
          maxLength={PHONE_MAX}
          error={fieldErrors.residentPhone}
          disabled={locked}
        />
        <TextField
          label="住址（选填）"
          value={form.residentAddress}
          onChange={(value) => change('residentAddress', value)}
          maxLength={ADDRESS_MAX}
          error={fieldErrors.residentAddress}
          disabled={locked}
        />
        <View
          className={`problem-new__consent${form.residentConsent ? ' problem-new__consent--checked' : ''}`}
          role="checkbox"
          aria-checked={form.residentConsent}
          onClick={() => (locked ? undefined : change('residentConsent', !form.residentConsent))}
        >
          <Text className="problem-new__box">{form.residentConsent ? '✓' : ''}</Text>
          <Text className="problem-new__consent-text">已征得群众同意登记其信息</Text>
        </View>
        <Text className="problem-new__hint">群众的姓名、电话和住址只给办理的人员看，不会公开。</Text>
        <FieldError message={fieldErrors.residentConsent} />
      </SectionCard>

      <SectionCard title="问题在哪里">
        <Chips<PlaceKind>
          className="problem-new__place"
          role="radiogroup"
          options={PLACE_OPTIONS}
          value={form.placeKind}
          onChange={(value) => (locked ? undefined : change('placeKind', value))}
        />
        {form.placeKind === 'community' ? (
          <SelectField
            label="社区"
            required
            value={form.communityId ?? ''}
            options={communityOptions}
            onChange={page.chooseCommunity}
            placeholder="请选择社区"
            error={fieldErrors.communityId}
            disabled={locked}
          />
        ) : (
          <TextField
            label="走访的村庄"
            required
            value={form.village}
            onChange={(value) => change('village', value)}
            maxLength={VILLAGE_MAX}
            placeholder="例如：某某镇某某村"
            error={fieldErrors.village}
            disabled={locked}
          />
        )}
      </SectionCard>

      <SectionCard title="问题内容">
        <Text className="problem-new__label">问题类别</Text>
        <Chips<ProblemCategory | ''>
          className="problem-new__category"
          role="radiogroup"
          options={CATEGORY_OPTIONS}
          value={form.category ?? ''}
          onChange={(value) => (locked || !value ? undefined : change('category', value))}
        />
        <FieldError message={fieldErrors.category} />
        <TextField
          label="问题描述"
          required
          multiline
          value={form.description}
          onChange={(value) => change('description', value)}
          maxLength={DESCRIPTION_MAX}
          placeholder="请写清楚群众遇到了什么困难、希望怎样解决"
          error={fieldErrors.description}
          disabled={locked}
        />
        <Text className="problem-new__label">紧急程度</Text>
        <Chips<ProblemUrgency | ''>
          className="problem-new__urgency"
          role="radiogroup"
          options={URGENCY_OPTIONS}
          value={form.urgency ?? ''}
          onChange={(value) => (locked || !value ? undefined : change('urgency', value))}
        />
        {page.deadline ? <Text className="problem-new__deadline">{`需在 ${dayText(page.deadline)} 前答复群众`}</Text> : null}
        <FieldError message={fieldErrors.urgency} />
        {form.visitId ? <Text className="problem-new__hint">这个问题将记在您的这次走访中。</Text> : null}
      </SectionCard>

      {page.similar ? (
        <SectionCard title="已有相似的问题" className="problem-new__similar">
          <Text className="problem-new__hint">下面的问题还在办理中，如果是同一个问题，登记后会合并计算，不会重复交办。</Text>
          {page.similar.map((item) => (
            <View key={item.id} className="problem-new__similar-item">
              <Text className="problem-new__similar-text">{`${PROBLEM_CATEGORY_LABELS[item.category]} · ${placeText(item)}`}</Text>
              <Text className="problem-new__similar-text">{item.excerpt}</Text>
              <Button className="problem-new__same" type="primary" fill="outline" size="large" block onClick={() => page.sameProblem(item.id)}>
                是同一个问题
              </Button>
            </View>
          ))}
          <Button className="problem-new__not-same" type="default" size="large" block onClick={page.notSame}>
            不是，继续登记
          </Button>
        </SectionCard>
      ) : null}

      {page.formError ? (
        <View className="problem-new__error" role="alert">
          <Text>{page.formError}</Text>
        </View>
      ) : null}

      {page.similar ? null : (
        <Button
          className="problem-new__submit"
          type="primary"
          size="large"
          block
          loading={page.submitting}
          disabled={page.submitting || page.waiting}
          onClick={() => void page.submit()}
        >
          {page.waiting ? '等待网络恢复' : page.submitting ? '正在提交…' : '登记'}
        </Button>
      )}
    </View>
  );
}
