import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import './index.scss';

export interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  /** While a page is loading, so a double tap does not skip one. */
  disabled?: boolean;
  /** What is being counted: 共 12 人 / 共 12 个. */
  unit?: string;
  className?: string;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

/** Previous / next with the position in words; large buttons rather than a row of small page numbers. */
export default function Pager({ page, pageSize, total, onChange, disabled, unit = '条', className }: PagerProps) {
  const pages = pageCount(total, pageSize);
  return (
    <View className={['pager', className].filter(Boolean).join(' ')}>
      <Text className="pager__total">{`共 ${total} ${unit}`}</Text>
      {pages > 1 ? (
        <View className="pager__controls">
          <Button
            className="pager__prev"
            size="small"
            disabled={disabled || page <= 1}
            onClick={() => onChange(page - 1)}
          >
            上一页
          </Button>
          <Text className="pager__position">{`第 ${page} / ${pages} 页`}</Text>
          <Button
            className="pager__next"
            size="small"
            disabled={disabled || page >= pages}
            onClick={() => onChange(page + 1)}
          >
            下一页
          </Button>
        </View>
      ) : null}
    </View>
  );
}
