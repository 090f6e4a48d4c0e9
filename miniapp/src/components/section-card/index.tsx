import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

export interface SectionCardProps {
  title?: ReactNode;
  /** Right side of the header, e.g. a count or a link. */
  extra?: ReactNode;
  className?: string;
  children?: ReactNode;
}

export default function SectionCard({ title, extra, className, children }: SectionCardProps) {
  return (
    <View className={['section-card', className].filter(Boolean).join(' ')}>
      {title || extra ? (
        <View className="section-card__header">
          {typeof title === 'string' ? <Text className="section-card__title">{title}</Text> : title}
          {extra ? <View className="section-card__extra">{extra}</View> : null}
        </View>
      ) : null}
      <View className="section-card__body">{children}</View>
    </View>
  );
}
