import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { encode } from 'uqr';
import { toDarkRuns } from './runs';
import './index.scss';

export interface QrCodeProps {
  value: string;
  /** Target width in px; rounded down to a whole number of px per module so no hairlines appear between rows. */
  size?: number;
  /** Read by screen readers instead of the drawing. */
  label?: string;
  className?: string;
}

// Light modules around the code; scanners need a quiet zone and the card around it may not be white.
const QUIET_MODULES = 3;

/** Draws a QR code from views (no canvas), so it renders the same in H5, in the weapp and under Jest. */
export default function QrCode({ value, size = 200, label = '二维码', className }: QrCodeProps) {
  const { rows, modules } = useMemo(() => {
    // Level M survives a glare or a smudged screen without making the code much denser.
    const { data } = encode(value, { ecc: 'M', border: 0 });
    return { rows: toDarkRuns(data), modules: data.length };
  }, [value]);
  const cell = Math.max(1, Math.floor(size / (modules + QUIET_MODULES * 2)));
  const side = cell * modules;

  return (
    <View
      className={['qr-code', className].filter(Boolean).join(' ')}
      style={{ padding: `${cell * QUIET_MODULES}px` }}
      role="img"
      aria-label={label}
    >
      <View className="qr-code__matrix" style={{ width: `${side}px`, height: `${side}px` }}>
        {rows.map((runs, y) => (
          <View key={y} className="qr-code__row" style={{ height: `${cell}px` }}>
            {runs.map((run, i) => (
              <View
                key={i}
                className="qr-code__dark"
                style={{ marginLeft: `${run.gap * cell}px`, width: `${run.length * cell}px` }}
              />
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}
