import { View } from '@tarojs/components';
import type { WorkerCommunity } from '../../shared/communities';
import './index.scss';

export const ALL_COMMUNITIES = '';

export interface CommunityTabsProps {
  communities: readonly WorkerCommunity[];
  /** A community id, or ALL_COMMUNITIES when `allowAll`. */
  value: string;
  onChange: (communityId: string) => void;
  /** Offer 全部社区 first (lists); a code or a form needs one community. */
  allowAll?: boolean;
  className?: string;
}

/**
 * The worker's communities as large tabs. Shown only when there is a choice: most workers serve one community and
 * should not have to read a control that does nothing.
 */
export default function CommunityTabs({ communities, value, onChange, allowAll, className }: CommunityTabsProps) {
  if (communities.length < 2) return null;
  const options = [...(allowAll ? [{ id: ALL_COMMUNITIES, name: '全部社区' }] : []), ...communities];
  return (
    <View className={['community-tabs', className].filter(Boolean).join(' ')} role="tablist">
      {options.map((community) => {
        const active = community.id === value;
        return (
          <View
            key={community.id || 'all'}
            className={`community-tabs__item${active ? ' community-tabs__item--active' : ''}`}
            role="tab"
            aria-selected={active}
            onClick={() => onChange(community.id)}
          >
            {community.name}
          </View>
        );
      })}
    </View>
  );
}
