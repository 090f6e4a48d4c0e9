import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 报到服务证明 as issued: what it states is frozen in `content` (JSON of the CertificateView without the serial),
 * so verifying a serial later shows exactly what was certified, whatever the ledger says since.
 */
@Entity('certificates')
@Index('uq_certificates_serial', ['serial'], { unique: true })
@Index('idx_certificates_member', ['memberId', 'createdAt'])
export class CertificateEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 24 })
  serial: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'date_from', type: 'varchar', length: 10 })
  dateFrom: string;

  @Column({ name: 'date_to', type: 'varchar', length: 10 })
  dateTo: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'issued_by', type: 'varchar', length: 36 })
  issuedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
