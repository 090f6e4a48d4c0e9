import { UNIT_KIND_LABELS, type UnitView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Pager from '@/components/pager';
import RefreshNotice from '@/components/refresh-notice';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import ManageFrame from '../../components/manage-frame';
import StatusTag from '@/components/status-tag';
import type { Viewer } from '../../shared/use-viewer';
import UnitForm from './unit-form';
import { UNITS_PAGE_SIZE, useUnits } from './use-units';
import './index.scss';

interface UnitItemProps {
  unit: UnitView;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

function UnitItem({ unit, canEdit, onEdit, onDelete }: UnitItemProps) {
  return (
    <View className="unit-item">
      <View className="unit-item__head">
        <Text className="unit-item__name">{unit.name}</Text>
        <StatusTag className="unit-item__kind" tone="muted">
          {UNIT_KIND_LABELS[unit.kind]}
        </StatusTag>
      </View>
      <Text className="manage-meta unit-item__code">{`代码 ${unit.code} · 党员 ${unit.memberCount} 人`}</Text>
      <Text className="manage-meta unit-item__branches">
        {unit.branches.length > 0 ? `支部：${unit.branches.map((branch) => branch.name).join('、')}` : '支部：暂无'}
      </Text>
      {unit.brandName ? (
        <View className="unit-item__brand">
          <Text className="unit-item__brand-name">{`党建品牌：${unit.brandName}`}</Text>
          {unit.brandIntro ? <Text className="manage-meta">{unit.brandIntro}</Text> : null}
        </View>
      ) : null}
      {canEdit ? (
        <View className="manage-actions">
          <Text className="manage-actions__item manage-link unit-item__edit" onClick={onEdit}>
            修改
          </Text>
          <Text className="manage-actions__item manage-link manage-link--danger unit-item__delete" onClick={onDelete}>
            删除
          </Text>
        </View>
      ) : null}
    </View>
  );
}

function Units({ viewer }: { viewer: Viewer }) {
  const { setPage, list, editing, open, submit, saving, saveError, remove } = useUnits();
  const canEdit = viewer.isAdmin;
  const page = list.data;

  if (editing) {
    return (
      <UnitForm
        key={editing.mode === 'edit' ? editing.unit.id : 'new'}
        unit={editing.mode === 'edit' ? editing.unit : null}
        saving={saving}
        error={saveError}
        onSubmit={(input) => void submit(input)}
        onCancel={() => open(null)}
      />
    );
  }

  return (
    <>
      {canEdit ? (
        <View className="manage-toolbar">
          <Button className="manage-toolbar__item unit-add" type="primary" onClick={() => open({ mode: 'create' })}>
            新增单位
          </Button>
        </View>
      ) : (
        <Text className="manage-meta units-readonly">单位信息由管理员维护；如需修改，请联系管理员。</Text>
      )}
      <SectionCard className="unit-list" title="单位" extra={page ? `共 ${page.total} 个` : undefined}>
        {!page && list.error && !list.loading ? (
          <StateView className="units-error" status="error" message={list.error.message} onRetry={() => void list.reload()} />
        ) : !page ? (
          <StateView className="units-loading" status="loading" />
        ) : (
          <>
            <RefreshNotice error={list.error} onRetry={list.reload} />
            {page.items.length === 0 ? (
              <StateView className="units-empty" status="empty" message="还没有单位" />
            ) : (
              page.items.map((unit) => (
                <UnitItem
                  key={unit.id}
                  unit={unit}
                  canEdit={canEdit}
                  onEdit={() => open({ mode: 'edit', unit })}
                  onDelete={() => void remove(unit)}
                />
              ))
            )}
            <Pager
              page={page.page}
              pageSize={page.pageSize || UNITS_PAGE_SIZE}
              total={page.total}
              unit="个"
              disabled={list.loading}
              onChange={setPage}
            />
          </>
        )}
      </SectionCard>
    </>
  );
}

export default function UnitsPage() {
  return (
    <ManageFrame
      className="units"
      title="单位"
      subtitle="单位党组织、支部和党建品牌"
      allow={(viewer) => viewer.isAdmin || viewer.isOrganizer}
      deniedMessage="单位管理仅供管理员和组织者使用。"
    >
      {(viewer) => <Units viewer={viewer} />}
    </ManageFrame>
  );
}
