import { useMemo, useState } from 'react';
import type { CommunityView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ApiError } from '@/api/api-error';
import RefreshNotice from '@/components/refresh-notice';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import { asFieldError } from '@/api/field-errors';
import { useFormErrors } from '@/hooks/use-form-errors';
import ManageFrame from '../../components/manage-frame';
import type { Viewer } from '../../shared/use-viewer';
import CommunityForm from './community-form';
import { useCommunities, type StreetEditing } from './use-communities';
import './index.scss';

interface StreetNameFormProps {
  editing: Exclude<StreetEditing, null>;
  saving: boolean;
  error: ApiError | undefined;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}

const STREET_FIELDS = ['name'] as const;

function StreetNameForm({ editing, saving, error, onSubmit, onCancel }: StreetNameFormProps) {
  const [name, setName] = useState(editing.mode === 'rename' ? editing.street.name : '');
  // The one conflict is a street of that name already existing: it belongs beside the name, and goes with an edit.
  const shown = useMemo(() => asFieldError(error, 'CONFLICT', 'name'), [error]);
  const { errors, message, clear, setLocal } = useFormErrors(shown, STREET_FIELDS);
  const submit = (): void => {
    if (!name.trim()) {
      setLocal({ name: '请填写街道名称' });
      return;
    }
    onSubmit(name.trim());
  };
  return (
    <View className="street-form">
      <TextField
        label={editing.mode === 'rename' ? '街道新名称' : '新街道名称'}
        required
        value={name}
        maxLength={100}
        onChange={(value) => {
          setName(value);
          clear('name');
        }}
        onConfirm={submit}
        error={errors.name ?? message ?? undefined}
      />
      <View className="manage-actions">
        <Button className="manage-actions__item street-form__submit" type="primary" loading={saving} disabled={saving} onClick={submit}>
          保存
        </Button>
        <Button className="manage-actions__item" disabled={saving} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

interface CommunityItemProps {
  community: CommunityView;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

function CommunityItem({ community, canEdit, onEdit, onDelete }: CommunityItemProps) {
  return (
    <View className="community-item">
      <Text className="community-item__name">{community.name}</Text>
      <Text className="manage-meta">{community.address}</Text>
      <Text className="manage-meta community-item__coords">
        {`坐标 ${community.lat}, ${community.lng}（GCJ-02）· 签到范围 ${community.geofenceRadiusM} 米`}
      </Text>
      {canEdit ? (
        <View className="manage-actions">
          <Text className="manage-actions__item manage-link community-item__edit" onClick={onEdit}>
            修改
          </Text>
          <Text className="manage-actions__item manage-link manage-link--danger community-item__delete" onClick={onDelete}>
            删除
          </Text>
        </View>
      ) : null}
    </View>
  );
}

function Communities({ viewer }: { viewer: Viewer }) {
  const state = useCommunities();
  const { data, community, street } = state;
  const canEdit = viewer.isAdmin;

  if (!data.data) {
    return data.error && !data.loading ? (
      <StateView className="communities-error" status="error" message={data.error.message} onRetry={() => void data.reload()} />
    ) : (
      <StateView className="communities-loading" status="loading" />
    );
  }
  const { streets, groups } = data.data;

  if (community) {
    return (
      <CommunityForm
        key={community.mode === 'edit' ? community.community.id : `new-${community.streetId}`}
        community={community.mode === 'edit' ? community.community : null}
        streetId={community.mode === 'edit' ? community.community.streetId : community.streetId}
        streets={streets}
        saving={state.communitySaving}
        error={state.communityError}
        onSubmit={(input) => void state.submitCommunity(input)}
        onCancel={() => state.editCommunity(null)}
      />
    );
  }

  const streetForm = (forStreetId: string | null) =>
    street && (street.mode === 'rename' ? street.street.id === forStreetId : forStreetId === null) ? (
      <StreetNameForm
        editing={street}
        saving={state.streetSaving}
        error={state.streetError}
        onSubmit={(name) => void state.submitStreet(name)}
        onCancel={() => state.editStreet(null)}
      />
    ) : null;

  return (
    <>
      <RefreshNotice error={data.error} onRetry={data.reload} />
      {canEdit ? (
        <SectionCard className="street-add">
          {streetForm(null) ?? (
            <Button className="street-add__button" type="primary" onClick={() => state.editStreet({ mode: 'create' })}>
              新增街道
            </Button>
          )}
        </SectionCard>
      ) : (
        <Text className="manage-meta communities-readonly">街道和社区由管理员维护；如需修改，请联系管理员。</Text>
      )}
      {groups.length === 0 ? <StateView className="communities-empty" status="empty" message="还没有街道和社区" /> : null}
      {groups.map(({ street: item, communities }) => (
        <SectionCard key={item.id} className="street-group" title={item.name} extra={`${communities.length} 个社区`}>
          {streetForm(item.id)}
          {canEdit && !(street?.mode === 'rename' && street.street.id === item.id) ? (
            <View className="manage-actions street-group__actions">
              <Text
                className="manage-actions__item manage-link street-group__add"
                onClick={() => state.editCommunity({ mode: 'create', streetId: item.id })}
              >
                + 新增社区
              </Text>
              <Text className="manage-actions__item manage-link" onClick={() => state.editStreet({ mode: 'rename', street: item })}>
                改名
              </Text>
              <Text className="manage-actions__item manage-link manage-link--danger" onClick={() => void state.removeStreet(item)}>
                删除街道
              </Text>
            </View>
          ) : null}
          {communities.length === 0 ? <Text className="manage-meta">该街道下还没有社区</Text> : null}
          {communities.map((entry) => (
            <CommunityItem
              key={entry.id}
              community={entry}
              canEdit={canEdit}
              onEdit={() => state.editCommunity({ mode: 'edit', community: entry })}
              onDelete={() => void state.removeCommunity(entry)}
            />
          ))}
        </SectionCard>
      ))}
    </>
  );
}

export default function CommunitiesPage() {
  return (
    <ManageFrame
      className="communities"
      title="街道和社区"
      subtitle="社区的地址、坐标和签到范围"
      allow={(viewer) => viewer.isAdmin || viewer.isOrganizer}
      deniedMessage="街道和社区管理仅供管理员和组织者使用。"
    >
      {(viewer) => <Communities viewer={viewer} />}
    </ManageFrame>
  );
}
