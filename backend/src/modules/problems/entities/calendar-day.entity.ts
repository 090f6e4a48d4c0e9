import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A day whose kind the district sets by hand, over the calendar package: a holiday or make-up workday (调休) of a
 * year the package does not know yet, or a local correction. `workday` false = a day off.
 */
@Entity('calendar_days')
export class CalendarDayEntity {
  /** YYYY-MM-DD */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'boolean' })
  workday: boolean;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy: string;
}
