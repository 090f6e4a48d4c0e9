import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import TextField from '@/components/text-field';
import PlaceChoice from '../../components/place-choice';
import SearchPicker from '../../components/search-picker';
import { searchUnits } from '../../shared/pickers';
import { DESCRIPTION_MAX, TITLE_MAX, useMatterNew } from './use-matter-new';
import '../../components/pairing.scss';
import './index.scss';

export default function MatterNewPage() {
  const form = useMatterNew();

  return (
    <View className="page matter-new">
      <View className="page-header">
        <Text className="page-header__title">登记实事</Text>
        <Text className="page-header__subtitle">请如实填写为群众办成的实事。</Text>
      </View>

      <SectionCard>
        <TextField
          className="matter-new__title"
          label="实事名称"
          required
          value={form.title}
          onChange={form.setTitle}
          maxLength={TITLE_MAX}
          placeholder="例如：为小区加装楼道扶手"
          error={form.errors.title}
        />
        <SearchPicker
          className="matter-new__unit"
          label="办理单位"
          required
          placeholder="输入单位名称查找"
          search={searchUnits}
          value={form.unit}
          onChange={form.setUnit}
          error={form.errors.unitId}
        />
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
          className="matter-new__date"
          label="办理日期"
          required
          value={form.doneOn}
          onChange={form.setDoneOn}
          maxLength={10}
          error={form.errors.doneOn}
        />
        <TextField
          className="matter-new__beneficiaries"
          label="惠及人数"
          required
          type="number"
          value={form.beneficiaries}
          onChange={form.setBeneficiaries}
          maxLength={7}
          error={form.errors.beneficiaries}
        />
        <TextField
          className="matter-new__description"
          label="办理情况"
          required
          multiline
          value={form.description}
          onChange={form.setDescription}
          maxLength={DESCRIPTION_MAX}
          placeholder="办了什么、帮到了谁"
          error={form.errors.description}
        />

        {form.formError ? (
          <View className="pairing-form-error" role="alert">
            <Text>{form.formError}</Text>
          </View>
        ) : null}

        <Button
          className="matter-new__submit"
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
