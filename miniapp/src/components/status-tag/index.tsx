import { Text } from '@tarojs/components';
import './index.scss';

export type StatusTone = 'danger' | 'warning' | 'success' | 'primary' | 'muted';

/** A small coloured label (outcome, status, kind); the colour carries the meaning, so each tone is distinct. */
export default function StatusTag({ tone, className, children }: { tone: StatusTone; className?: string; children: string }) {
  return <Text className={['status-tag', `status-tag--${tone}`, className].filter(Boolean).join(' ')}>{children}</Text>;
}
