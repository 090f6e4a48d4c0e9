import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const epochMs = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/** A fixed-window attempt counter every instance shares (per WeChat account); rows expire with their window. */
@Entity('auth_rate_counters')
@Index('idx_auth_rate_counters_window', ['windowEndsAt'])
export class AuthRateCounterEntity {
  @PrimaryColumn({ name: 'bucket_key', type: 'varchar', length: 191 })
  key: string;

  @Column({ type: 'int' })
  hits: number;

  /** Epoch milliseconds. */
  @Column({ name: 'window_ends_at', type: 'bigint', transformer: epochMs })
  windowEndsAt: number;
}
