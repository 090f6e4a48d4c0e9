import { MEMBER_STATUS_LABELS, MEMBER_STATUSES, type MemberView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Pager from '@/components/pager';
import RefreshNotice from '@/components/refresh-notice';
import SectionCard from '@/components/section-card';
import SelectField, { type SelectOption } from '@/components/select-field';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import { ROUTES } from '@/constants/routes';
import { openPage } from '@/services/navigation';
import ManageFrame from '../../components/manage-frame';
import StatusTag from '@/components/status-tag';
import { STATUS_TONES } from '../../shared/labels';
import { openPerson } from '../../shared/navigation';
import type { Viewer } from '../../shared/use-viewer';
import MemberForm from './member-form';
import { PEOPLE_PAGE_SIZE, usePeople } from './use-people';
import './index.scss';

const ALL_UNITS = 'all';

function PersonItem({ member }: { member: MemberView }) {
  const place = [member.unit.name, member.branch?.name].filter(Boolean).join(' · ');
  return (
    <View className="people-item" role="link" onClick={() => openPerson(member.id)}>
      <View className="people-item__main">
        <View className="people-item__head">
          <Text className="person-name">{member.name}</Text>
          <StatusTag className="people-item__status" tone={STATUS_TONES[member.status]}>
            {MEMBER_STATUS_LABELS[member.status]}
          </StatusTag>
        </View>
        <Text className="people-item__meta">{[member.phone ?? '未登记手机号', place].join(' · ')}</Text>
        <Text className="people-item__meta">{member.wechatBound ? '已绑定微信' : '未绑定微信'}</Text>
      </View>
      <Text className="link-row__arrow">›</Text>
    </View>
  );
}

function People({ viewer }: { viewer: Viewer }) {
  const people = usePeople();
  const { draft, setDraft, filters, filtered, list, units, search, setUnit, setStatus, setPage, clear } = people;
  const unitOptions: SelectOption[] = [
    { value: ALL_UNITS, label: '全部单位' },
    ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name, description: unit.code })),
  ];
  const page = list.data;

  return (
    <>
      <SectionCard className="people-filters">
        <TextField
          className="people-search"
          label="查找党员"
          value={draft}
          placeholder="姓名，或完整的 11 位手机号"
          maxLength={50}
          onChange={setDraft}
          onConfirm={search}
        />
        <View className="manage-actions">
          <Button className="manage-actions__item people-search__button" type="primary" onClick={search}>
            搜索
          </Button>
          {filtered || draft !== '' ? (
            <Button className="manage-actions__item people-clear" onClick={clear}>
              清空条件
            </Button>
          ) : null}
        </View>
        <SelectField
          className="people-unit-filter"
          label="单位"
          value={filters.unitId || ALL_UNITS}
          options={unitOptions}
          hint={units.error ? `单位列表未能加载：${units.error.message}` : undefined}
          onChange={(value) => setUnit(value === ALL_UNITS ? '' : value)}
        />
        <Text className="people-status-label">状态</Text>
        <View className="people-statuses">
          {(['', ...MEMBER_STATUSES] as const).map((status) => (
            <Text
              key={status || 'all'}
              className={`people-status${filters.status === status ? ' people-status--active' : ''}`}
              onClick={() => setStatus(status)}
            >
              {status === '' ? '全部' : MEMBER_STATUS_LABELS[status]}
            </Text>
          ))}
        </View>
      </SectionCard>

      {people.adding ? (
        <MemberForm
          units={units.data ?? []}
          unitsError={units.error}
          saving={people.creating}
          error={people.createError}
          onSubmit={(input) => void people.add(input)}
          onCancel={() => people.startAdding(false)}
        />
      ) : (
        <View className="manage-toolbar">
          <Button className="manage-toolbar__item people-add" type="primary" onClick={() => people.startAdding(true)}>
            新增党员
          </Button>
          {viewer.isOrganizer ? (
            <Button className="manage-toolbar__item people-import" onClick={() => openPage(ROUTES.manageRosterImport)}>
              导入 / 导出名册
            </Button>
          ) : null}
        </View>
      )}

      <SectionCard className="people-list" title="党员" extra={page ? `共 ${page.total} 人` : undefined}>
        {!page && list.error && !list.loading ? (
          <StateView className="people-error" status="error" message={list.error.message} onRetry={() => void list.reload()} />
        ) : !page ? (
          <StateView className="people-loading" status="loading" />
        ) : (
          <>
            <RefreshNotice error={list.error} onRetry={list.reload} />
            {page.items.length === 0 ? (
              <StateView
                className="people-empty"
                status="empty"
                message={filtered ? '没有符合条件的党员，换个条件试试' : '名册中还没有党员，可通过导入名册添加'}
              />
            ) : (
              page.items.map((member) => <PersonItem key={member.id} member={member} />)
            )}
            <Pager
              className="people-pager"
              page={page.page}
              pageSize={page.pageSize || PEOPLE_PAGE_SIZE}
              total={page.total}
              unit="人"
              disabled={list.loading}
              onChange={setPage}
            />
          </>
        )}
      </SectionCard>
    </>
  );
}

export default function PeoplePage() {
  return (
    <ManageFrame
      className="people"
      title="党员名册"
      subtitle="按姓名或手机号查找党员，查看信息并办理转单位、退休等事项"
      allow={(viewer) => viewer.isOrganizer || viewer.isAdmin}
      deniedMessage="党员名册仅供组织者和管理员使用。"
    >
      {(viewer) => <People viewer={viewer} />}
    </ManageFrame>
  );
}
