import { useState } from 'react';
import type { CommunityInput, CommunityView, StreetView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ApiError } from '@/api/api-error';
import SectionCard from '@/components/section-card';
import SelectField from '@/components/select-field';
import TextField from '@/components/text-field';
import type { FieldErrors } from '@/api/field-errors';
import { useFormErrors } from '@/hooks/use-form-errors';

export const DEFAULT_GEOFENCE_RADIUS_M = 300;
const FIELDS = ['name', 'streetId', 'address', 'lat', 'lng', 'geofenceRadiusM'] as const;

export const GCJ02_HINT =
  '经纬度请用 GCJ-02（国测局）坐标：在微信或腾讯地图里选点得到的就是这种坐标。不要填写 GPS 原始坐标（WGS-84）或百度地图坐标，否则会偏移几百米。';

export interface CommunityFormProps {
  community: CommunityView | null;
  streetId: string;
  streets: StreetView[];
  saving: boolean;
  error: ApiError | undefined;
  onSubmit: (input: CommunityInput) => void;
  onCancel: () => void;
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

export default function CommunityForm({ community, streetId, streets, saving, error, onSubmit, onCancel }: CommunityFormProps) {
  const [name, setName] = useState(community?.name ?? '');
  const [street, setStreet] = useState(community?.streetId ?? streetId);
  const [address, setAddress] = useState(community?.address ?? '');
  const [lat, setLat] = useState(community ? String(community.lat) : '');
  const [lng, setLng] = useState(community ? String(community.lng) : '');
  const [radius, setRadius] = useState(String(community?.geofenceRadiusM ?? DEFAULT_GEOFENCE_RADIUS_M));
  const { errors, message: banner, clear, setLocal } = useFormErrors(error, FIELDS);
  /** Wraps a setter so editing the field takes its error away. */
  const edit =
    (field: string, set: (value: string) => void) =>
    (value: string): void => {
      set(value);
      clear(field);
    };

  const submit = (): void => {
    const found: FieldErrors = {};
    const latitude = parseNumber(lat);
    const longitude = parseNumber(lng);
    const radiusM = parseNumber(radius);
    if (!name.trim()) found.name = '请填写社区名称';
    if (!street) found.streetId = '请选择所属街道';
    if (!address.trim()) found.address = '请填写地址';
    if (latitude === null || latitude < -90 || latitude > 90) found.lat = '纬度应为 -90 到 90 之间的数字，如 41.7965';
    if (longitude === null || longitude < -180 || longitude > 180) found.lng = '经度应为 -180 到 180 之间的数字，如 123.4312';
    if (radiusM === null || !Number.isInteger(radiusM) || radiusM <= 0) found.geofenceRadiusM = '签到范围应为整数米数，如 300';
    setLocal(found);
    if (Object.keys(found).length > 0 || latitude === null || longitude === null || radiusM === null) return;
    onSubmit({ name: name.trim(), streetId: street, address: address.trim(), lat: latitude, lng: longitude, geofenceRadiusM: radiusM });
  };

  return (
    <SectionCard className="community-form" title={community ? `修改：${community.name}` : '新增社区'}>
      {banner ? (
        <View className="manage-banner community-form__error" role="alert">
          <Text>{banner}</Text>
        </View>
      ) : null}
      <TextField label="社区名称" required value={name} maxLength={100} onChange={edit('name', setName)} error={errors.name} />
      <SelectField
        label="所属街道"
        required
        value={street}
        options={streets.map((item) => ({ value: item.id, label: item.name }))}
        onChange={edit('streetId', setStreet)}
        error={errors.streetId}
      />
      <TextField label="地址" required value={address} maxLength={200} onChange={edit('address', setAddress)} error={errors.address} />
      <Text className="manage-meta community-form__hint">{GCJ02_HINT}</Text>
      <View className="community-form__coords">
        <View className="community-form__coord">
          <TextField label="纬度（GCJ-02）" required type="digit" value={lat} placeholder="如 41.7965" onChange={edit('lat', setLat)} error={errors.lat} />
        </View>
        <View className="community-form__coord">
          <TextField label="经度（GCJ-02）" required type="digit" value={lng} placeholder="如 123.4312" onChange={edit('lng', setLng)} error={errors.lng} />
        </View>
      </View>
      <TextField
        label="签到范围（米）"
        type="number"
        value={radius}
        hint={`定位签到时，离社区中心多远以内算到场；默认 ${DEFAULT_GEOFENCE_RADIUS_M} 米`}
        onChange={edit('geofenceRadiusM', setRadius)}
        error={errors.geofenceRadiusM}
      />
      <View className="manage-actions">
        <Button className="manage-actions__item community-form__submit" type="primary" loading={saving} disabled={saving} onClick={submit}>
          保存
        </Button>
        <Button className="manage-actions__item community-form__cancel" disabled={saving} onClick={onCancel}>
          取消
        </Button>
      </View>
    </SectionCard>
  );
}
