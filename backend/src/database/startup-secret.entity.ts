import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Values every instance on one database must share, written insert-if-absent at start: the data key's check
 * (every mode), and the secrets demo mode generates (demo mode only: production brings its own).
 */
@Entity('startup_secrets')
export class StartupSecretEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  value: string;
}
