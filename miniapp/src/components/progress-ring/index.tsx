import { View } from '@tarojs/components';
import './index.scss';

export interface ProgressRingProps {
  /** 1 = the whole ring (a fresh code), 0 = empty (about to be replaced). */
  fraction: number;
  /** What the ring says, for screen readers. */
  label: string;
  /** Outer diameter in px. */
  size?: number;
  /** Drawn grey: the code it times is no longer current. */
  muted?: boolean;
}

const STROKE = 6;
// Quiet greys instead of the brand red: a code being replaced is routine, not an alarm.
const TRACK = '#e6e6e6';
const ARC = '#555555';
const ARC_MUTED = '#b0b0b0';

/**
 * The time left on the current code as a ring that empties: calmer than digits counting down. H5 draws it in SVG;
 * the weapp has no SVG elements, so there a conic gradient masked by a disc draws the same ring.
 */
export default function ProgressRing({ fraction, label, size = 56, muted = false }: ProgressRingProps) {
  const share = Math.min(1, Math.max(0, fraction));
  const colour = muted ? ARC_MUTED : ARC;
  const box = { width: `${size}px`, height: `${size}px` };

  if (process.env.TARO_ENV === 'h5') {
    const radius = (size - STROKE) / 2;
    const circumference = 2 * Math.PI * radius;
    return (
      <View className="progress-ring" style={box} role="img" aria-label={label}>
        <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false">
          <circle cx={size / 2} cy={size / 2} r={radius} fill="none" stroke={TRACK} strokeWidth={STROKE} />
          {/* Nothing left: no arc at all, or its round cap would still draw a dot. */}
          {share > 0 ? (
            <circle
              className="progress-ring__arc"
              cx={size / 2}
              cy={size / 2}
              r={radius}
              fill="none"
              stroke={colour}
              strokeWidth={STROKE}
              strokeLinecap="round"
              strokeDasharray={`${circumference} ${circumference}`}
              strokeDashoffset={circumference * (1 - share)}
              transform={`rotate(-90 ${size / 2} ${size / 2})`}
            />
          ) : null}
        </svg>
      </View>
    );
  }

  const degrees = Math.round(share * 360);
  return (
    <View
      className="progress-ring progress-ring--conic"
      style={{ ...box, background: `conic-gradient(${colour} 0deg ${degrees}deg, ${TRACK} ${degrees}deg 360deg)` }}
      role="img"
      aria-label={label}
    >
      <View className="progress-ring__hole" />
    </View>
  );
}
