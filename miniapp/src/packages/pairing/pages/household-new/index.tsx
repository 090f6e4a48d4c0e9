import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import FieldError from '@/components/field-error';
import SectionCard from '@/components/section-card';
import TextField from '@/components/text-field';
import PlaceChoice from '../../components/place-choice';
import SearchPicker from '../../components/search-picker';
import { searchMembersByName } from '../../shared/pickers';
import { ADDRESS_MAX, NAME_MAX, REASON_MAX, useHouseholdNew } from './use-household-new';
import '../../components/pairing.scss';
import './index.scss';

export default function HouseholdNewPage() {
  const form = useHouseholdNew();

  return (
    <View className="page household-new">
      <View className="page-header">
        <Text className="page-header__title">登记结对户</Text>
        <Text className="page-header__subtitle">登记后住户的信息只显示一部分；结对党员和社区工作者需要时可查看完整联系方式。</Text>
      </View>

      <SectionCard>
        <PlaceChoice
          kind={form.kind}
          onKind={form.setKind}
          community={form.community}
          onCommunity={form.setCommunity}
          village={form.village}
          onVillage={form.setVillage}
          communityError={form.errors.communityId}
          villageError={form.errors.village}
        />
        <TextField
          className="household-new__name"
          label="联系人姓名"
          required
          value={form.contactName}
          onChange={form.setContactName}
          maxLength={NAME_MAX}
          error={form.errors.contactName}
        />
        <TextField
          className="household-new__phone"
          label="手机号（选填）"
          type="number"
          value={form.phone}
          onChange={form.setPhone}
          maxLength={11}
          error={form.errors.phone}
        />
        <TextField
          className="household-new__address"
          label="住址"
          required
          value={form.address}
          onChange={form.setAddress}
          maxLength={ADDRESS_MAX}
          placeholder="例如：向阳小区 3 号楼 2 单元 501"
          error={form.errors.address}
        />

        <View
          className={`pairing-check household-new__consent${form.consent ? ' pairing-check--on' : ''}`}
          role="checkbox"
          aria-checked={form.consent}
          onClick={() => form.setConsent(!form.consent)}
        >
          <Text className="pairing-check__box">{form.consent ? '✓' : ''}</Text>
          <Text className="pairing-check__text">已征得住户同意登记其信息</Text>
        </View>
        <FieldError message={form.errors.consent} />

        {form.staff ? (
          <View className="household-new__on-behalf">
            <SearchPicker
              label="结对党员（为其他党员登记时选择）"
              placeholder="输入姓名查找党员"
              search={searchMembersByName}
              value={form.member}
              onChange={form.setMember}
              error={form.errors.memberId}
            />
            {form.member ? (
              <TextField
                className="household-new__reason"
                label="代为登记的原因"
                required
                value={form.reason}
                onChange={form.setReason}
                maxLength={REASON_MAX}
                placeholder="例如：党员年纪大，不方便使用手机"
                error={form.errors.onBehalfReason}
              />
            ) : (
              <Text className="pairing-hint">不选择时，住户与您本人结对。</Text>
            )}
          </View>
        ) : null}

        {form.formError ? (
          <View className="pairing-form-error" role="alert">
            <Text>{form.formError}</Text>
          </View>
        ) : null}

        <Button
          className="household-new__submit"
          type="primary"
          size="large"
          block
          loading={form.submitting}
          disabled={form.submitting}
          onClick={() => void form.submit()}
        >
          {form.submitting ? '正在登记…' : '登记'}
        </Button>
      </SectionCard>
    </View>
  );
}
