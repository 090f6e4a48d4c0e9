import { Text, View } from '@tarojs/components';
import Chips from '@/components/choice-chips';
import TextField from '@/components/text-field';
import SearchPicker, { type PickerOption } from './search-picker';
import { searchCommunities } from '../shared/pickers';

export type PlaceKind = 'community' | 'village';

const KINDS = [
  { value: 'community', label: '社区' },
  { value: 'village', label: '村' },
] as const;

export interface PlaceChoiceProps {
  kind: PlaceKind;
  onKind: (kind: PlaceKind) => void;
  community: PickerOption | null;
  onCommunity: (community: PickerOption | null) => void;
  village: string;
  onVillage: (village: string) => void;
  communityError?: string;
  villageError?: string;
}

/** A community chosen from the list, or a village written by name: exactly one of them. */
export default function PlaceChoice(props: PlaceChoiceProps) {
  return (
    <View className="place-choice">
      <Text className="search-picker__label">所在地</Text>
      <Chips options={KINDS} value={props.kind} onChange={props.onKind} role="radiogroup" className="place-choice__kind" />
      {props.kind === 'community' ? (
        <SearchPicker
          label="社区"
          required
          placeholder="输入社区名称查找"
          search={searchCommunities}
          value={props.community}
          onChange={props.onCommunity}
          error={props.communityError}
        />
      ) : (
        <TextField
          label="村"
          required
          value={props.village}
          onChange={props.onVillage}
          maxLength={50}
          placeholder="例如：红星村"
          error={props.villageError}
        />
      )}
    </View>
  );
}
