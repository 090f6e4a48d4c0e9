import { ACTIVITY_KIND_LABELS, type VisitView } from '@pioneer/shared-types';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROUTES } from '@/constants/routes';
import { Button } from '@nutui/nutui-react-taro';
import PagedListView from '@/components/paged-list-view';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import { SignInFirst } from '../../components/page-gates';
import { formatDayKey } from '../../shared/dates';
import { NOTE_MAX, PLACE_MAX, useVisits } from './use-visits';
import '../../components/activity.scss';
import './index.scss';

function VisitItem({ visit }: { visit: VisitView }) {
  return (
    <View className="visit-item">
      <View className="visit-item__head">
        <Text className="visit-item__place">{visit.place}</Text>
        <Text className="visit-item__date">{formatDayKey(visit.visitedOn)}</Text>
      </View>
      {visit.activity ? (
        <Text className="visit-item__activity">{`${ACTIVITY_KIND_LABELS[visit.activity.kind]} · ${visit.activity.title}`}</Text>
      ) : null}
      {visit.note ? <Text className="visit-item__note">{visit.note}</Text> : null}
      {visit.onBehalf ? <Text className="visit-item__behalf">由组织者或社区工作者补录</Text> : null}
      <Text
        className="visit-item__problem"
        onClick={() => void Taro.navigateTo({ url: `${ROUTES.problemNew}?visitId=${encodeURIComponent(visit.id)}` }).catch(() => undefined)}
      >
        登记问题
      </Text>
    </View>
  );
}

export default function VisitsPage() {
  const page = useVisits();

  if (!page.signedIn) {
    return <SignInFirst pageClassName="visits" hint="登录后可以记录和查看您的走访" />;
  }

  return (
    <View className="page visits">
      <View className="page-header">
        <Text className="page-header__title">走访记录</Text>
        <Text className="page-header__subtitle">返乡走亲、访民问暖时，每走访一户或一个村组记一条。</Text>
      </View>

      <SectionCard title="记录一次走访" className="visits-form">
        {page.activityId ? (
          <Text className="activity-hint visits-form__activity">
            {page.activity.data ? `记在活动“${page.activity.data.title}”下` : page.activity.error ? page.activity.error.message : '正在读取活动…'}
          </Text>
        ) : null}
        <TextField
          className="visits-form__place"
          label="走访地点"
          required
          value={page.place}
          onChange={page.setPlace}
          maxLength={PLACE_MAX}
          placeholder="如：李家村三组王大爷家"
          error={page.errors.place}
        />
        <TextField
          className="visits-form__date"
          label="走访日期"
          required
          value={page.visitedOn}
          onChange={page.setVisitedOn}
          maxLength={10}
          placeholder="2026-03-05"
          hint="按“年-月-日”写，不能晚于今天"
          error={page.errors.visitedOn}
        />
        <TextField
          className="visits-form__note"
          label="情况说明（可不填）"
          multiline
          value={page.note}
          onChange={page.setNote}
          maxLength={NOTE_MAX}
          placeholder="了解到的情况、帮助解决的事"
          error={page.errors.note}
        />
        {page.message ? (
          <View className="activity-problem visits-form__message" role="alert">
            <Text>{page.message}</Text>
          </View>
        ) : null}
        <Button className="activity-action visits-form__submit" type="primary" size="large" block loading={page.saving} onClick={() => void page.save()}>
          保存走访记录
        </Button>
      </SectionCard>

      <PagedListView
        list={page.list}
        classNames={{ error: 'visits-error', loading: 'visits-loading', more: 'visits-more' }}
        empty={
          <SectionCard>
            <StateView className="visits-empty" status="empty" message="还没有走访记录" />
          </SectionCard>
        }
      >
        <SectionCard title="我的走访" extra={`共 ${page.list.total} 条`} className="visits-list">
          {page.list.items.map((visit) => (
            <VisitItem key={visit.id} visit={visit} />
          ))}
        </SectionCard>
      </PagedListView>
    </View>
  );
}
