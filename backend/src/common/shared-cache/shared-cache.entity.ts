import { Column, Entity, PrimaryColumn } from 'typeorm';

/** State every backend instance must share (the WeChat access token, bind tickets): kept in the database. */
@Entity('shared_cache')
export class SharedCacheEntity {
  @PrimaryColumn({ name: 'cache_key', type: 'varchar', length: 191 })
  key: string;

  @Column({ type: 'text' })
  value: string;

  /** Epoch milliseconds, as a number both drivers store exactly. */
  @Column({ name: 'expires_at', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  expiresAt: number;
}
