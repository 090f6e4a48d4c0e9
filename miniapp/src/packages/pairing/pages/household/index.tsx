import type { HouseholdDetail, PairingView, VisitView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import PagedListView from '@/components/paged-list-view';
import ReasonDialog from '@/components/reason-dialog';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import { formatDayKey } from '../../shared/dates';
import { placeName } from '../../shared/place';
import { NOTE_MAX, PLACE_MAX, useHousehold } from './use-household';
import '../../components/pairing.scss';
import './index.scss';

type Page = ReturnType<typeof useHousehold>;

function Row({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <View className={`household-row${className ? ` ${className}` : ''}`}>
      <Text className="household-row__label">{label}</Text>
      <Text className="household-row__value">{value}</Text>
    </View>
  );
}

function Details({ household, page }: { household: HouseholdDetail; page: Page }) {
  const shown = page.contact ?? household;
  return (
    <SectionCard title="住户信息" className="household-details">
      <Row label="所在地" value={placeName(household)} />
      <Row className="household-details__name" label="联系人" value={shown.contactName} />
      <Row className="household-details__phone" label="手机" value={shown.phone ?? '未登记'} />
      <Row className="household-details__address" label="住址" value={shown.address} />
      {page.contact ? (
        <Text className="pairing-hint household-details__audited">查看记录已留存</Text>
      ) : household.mayReadContact ? (
        <Button
          className="household-details__reveal"
          size="large"
          block
          loading={page.contactPending}
          disabled={page.contactPending}
          onClick={() => void page.readContact()}
        >
          查看完整联系方式
        </Button>
      ) : null}
      {page.contactError ? (
        <View className="pairing-form-error" role="alert">
          <Text>{page.contactError}</Text>
        </View>
      ) : null}
    </SectionCard>
  );
}

function PairingRow({ pairing, onEnd }: { pairing: PairingView; onEnd: (id: string) => void }) {
  const active = pairing.status === 'active';
  return (
    <View className="household-pairing">
      <View className="household-pairing__text">
        <Text className="household-pairing__name">{pairing.member.name}</Text>
        <Text className="household-pairing__span">
          {active
            ? `${formatDayKey(pairing.startedOn)}起结对`
            : `${formatDayKey(pairing.startedOn)}至${formatDayKey(pairing.endedOn ?? '')}${pairing.endReason ? `，${pairing.endReason}` : ''}`}
        </Text>
      </View>
      {active ? (
        <View className="household-pairing__end" role="button" onClick={() => onEnd(pairing.id)}>
          <Text>结束结对</Text>
        </View>
      ) : (
        <Text className="household-pairing__ended">已结束</Text>
      )}
    </View>
  );
}

function VisitRow({ visit }: { visit: VisitView }) {
  return (
    <View className="household-visit">
      <Text className="household-visit__head">{`${formatDayKey(visit.visitedOn)} · ${visit.member.name}`}</Text>
      <Text className="household-visit__line">{visit.place}</Text>
      {visit.note ? <Text className="household-visit__line">{visit.note}</Text> : null}
    </View>
  );
}

function VisitForm({ page }: { page: Page }) {
  const { visit } = page;
  return (
    <SectionCard title="记录走访" className="household-visit-form">
      <TextField label="走访日期" required value={visit.visitedOn} onChange={visit.setVisitedOn} maxLength={10} error={visit.errors.visitedOn} />
      <TextField label="走访地点" required value={visit.place} onChange={visit.setPlace} maxLength={PLACE_MAX} error={visit.errors.place} />
      <TextField
        label="情况记录（选填）"
        multiline
        value={visit.note}
        onChange={visit.setNote}
        maxLength={NOTE_MAX}
        placeholder="住户近况、需要帮助的事"
        error={visit.errors.note}
      />
      {visit.formError ? (
        <View className="pairing-form-error" role="alert">
          <Text>{visit.formError}</Text>
        </View>
      ) : null}
      <Button
        className="household-visit-form__submit"
        type="primary"
        size="large"
        block
        loading={visit.submitting}
        disabled={visit.submitting}
        onClick={() => void visit.submit()}
      >
        {visit.submitting ? '正在记录…' : '记录走访'}
      </Button>
      {visit.recorded ? (
        <View className="pairing-link household-visit-form__problem" role="button" onClick={() => page.openProblem(visit.recorded!.id)}>
          <Text>走访中遇到群众反映的问题？登记群众问题 ›</Text>
        </View>
      ) : null}
    </SectionCard>
  );
}

export default function HouseholdPage() {
  const page = useHousehold();
  const { detail, visits } = page;

  if (page.id === '') {
    return (
      <View className="page household">
        <StateView className="household__missing" status="error" message="没有找到这户住户，请从结对户列表进入" />
      </View>
    );
  }

  const household = detail.data;
  return (
    <View className="page household">
      {!household ? (
        detail.error && !detail.loading ? (
          <StateView className="household__error" status="error" message={detail.error.message} onRetry={() => void detail.reload()} />
        ) : (
          <StateView className="household__loading" status="loading" />
        )
      ) : (
        <>
          <Details household={household} page={page} />

          <SectionCard title="结对党员" className="household-pairings">
            {household.pairings.length === 0 ? <Text className="pairing-hint">暂无结对党员</Text> : null}
            {household.pairings.map((pairing) => (
              <PairingRow key={pairing.id} pairing={pairing} onEnd={page.startEnd} />
            ))}
          </SectionCard>

          {household.mayVisit ? <VisitForm page={page} /> : null}

          <PagedListView
            list={visits}
            classNames={{ error: 'household__visits-error', loading: 'household__visits-loading', more: 'household__visits-more' }}
            empty={<StateView className="household__visits-empty" status="empty" message="还没有走访记录" rows={1} />}
          >
            <SectionCard title="走访记录" extra={`共 ${visits.total} 次`} className="household-visits">
              {visits.items.map((visit) => (
                <VisitRow key={visit.id} visit={visit} />
              ))}
            </SectionCard>
          </PagedListView>
        </>
      )}

      <ReasonDialog
        open={page.ending !== null}
        title="结束结对"
        note="结束后走访记录仍会保留。"
        placeholder="例如：住户已搬离"
        confirmText="结束结对"
        requiredMessage="请写明结束结对的原因"
        pending={page.endPending}
        error={page.endError}
        onEdit={page.clearEndError}
        onCancel={page.cancelEnd}
        onConfirm={(reason) => void page.confirmEnd(reason)}
      />
    </View>
  );
}
