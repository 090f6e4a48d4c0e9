import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One write request's key and, once finished, its response, replayed to retries for at least 24 hours. */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  /** `<memberId>:<key>` — keys are scoped per user, so two people can never collide or read each other's replies. */
  @PrimaryColumn({ name: 'scoped_key', type: 'varchar', length: 191 })
  scopedKey: string;

  @Column({ type: 'varchar', length: 10 })
  method: string;

  @Column({ type: 'varchar', length: 191 })
  path: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  /** running: claimed, nothing committed; committed: the handler's write committed; done: its response is stored. */
  @Column({ type: 'varchar', length: 10 })
  state: 'running' | 'committed' | 'done';

  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  createdAt: number;

  @Column({ name: 'expires_at', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  expiresAt: number;
}
