import type { EntityManager } from 'typeorm';
import { ActivityEntity } from '../activities/entities/activity.entity.js';
import { SignupEntity } from '../activities/entities/signup.entity.js';

/**
 * The capacity guard, as SQL that decides races by itself. Every write to an activity's sign-ups starts by changing (or
 * locking) the activity's row, so on MySQL the row lock orders them — a waitlist ticket read back inside the
 * transaction is the commit order — and every write takes its locks in one order (activity first, then sign-ups),
 * which keeps deadlocks rare (the rest are retried). SQLite runs one transaction at a time.
 *
 * The invariant kept: a free place and a waitlisted person never persist together. A newcomer takes a place only when
 * nobody is waiting (`waitlist_count = 0`), and whoever frees a place hands it to the first waitlisted person in the
 * same transaction (fillFreePlaces).
 */

function isMysql(m: EntityManager): boolean {
  return m.connection.options.type === 'mysql';
}

/** `FOR UPDATE` on MySQL: a locking read sees the latest committed rows, not the transaction's first snapshot. */
function forUpdate(m: EntityManager): string {
  return isMysql(m) ? ' FOR UPDATE' : '';
}

/** Takes the activity's row lock before anything else is read (MySQL); SQLite already runs alone. */
export async function lockActivity(m: EntityManager, activityId: string): Promise<void> {
  if (isMysql(m)) await m.query('SELECT id FROM activities WHERE id = ? FOR UPDATE', [activityId]);
}

/** A place, if one is free and nobody is waiting for it. */
export async function takePlace(m: EntityManager, activityId: string): Promise<boolean> {
  const result = await m
    .createQueryBuilder()
    .update(ActivityEntity)
    .set({ confirmedCount: () => 'confirmed_count + 1' })
    .where('id = :id', { id: activityId })
    .andWhere("status = 'published'")
    .andWhere('(capacity IS NULL OR (confirmed_count < capacity AND waitlist_count = 0))')
    .execute();
  return result.affected === 1;
}

/** A waitlist ticket (1, 2, 3 … per activity, never reused), or null when the waitlist is full too. */
export async function takeTicket(m: EntityManager, activityId: string): Promise<number | null> {
  const result = await m
    .createQueryBuilder()
    .update(ActivityEntity)
    .set({ waitlistCount: () => 'waitlist_count + 1', waitlistSeq: () => 'waitlist_seq + 1' })
    .where('id = :id', { id: activityId })
    .andWhere("status = 'published'")
    .andWhere('waitlist_count < waitlist_limit')
    .execute();
  if (result.affected !== 1) return null;
  // Our own UPDATE holds the row until commit, so this is the ticket nobody else can hold.
  const rows: Array<{ waitlist_seq: number | string }> = await m.query('SELECT waitlist_seq FROM activities WHERE id = ?', [activityId]);
  return Number(rows[0].waitlist_seq);
}

/** Gives back a place or a waitlist spot; never below zero. */
export async function releaseCounter(m: EntityManager, activityId: string, held: 'place' | 'ticket'): Promise<void> {
  const column = held === 'place' ? 'confirmed_count' : 'waitlist_count';
  await m
    .createQueryBuilder()
    .update(ActivityEntity)
    .set(held === 'place' ? { confirmedCount: () => `${column} - 1` } : { waitlistCount: () => `${column} - 1` })
    .where('id = :id', { id: activityId })
    .andWhere(`${column} > 0`)
    .execute();
}

/**
 * Moves the first waitlisted people (smallest ticket first) into free places, one conditional UPDATE per place: as many
 * as there are free places, never more. Called in the transaction that freed a place (a cancellation), and usable by
 * whatever else frees places (a larger capacity). Returns the sign-ups promoted, in order.
 */
export async function fillFreePlaces(m: EntityManager, activityId: string): Promise<SignupEntity[]> {
  const promoted: SignupEntity[] = [];
  for (;;) {
    const moved = await m
      .createQueryBuilder()
      .update(ActivityEntity)
      .set({ confirmedCount: () => 'confirmed_count + 1', waitlistCount: () => 'waitlist_count - 1' })
      .where('id = :id', { id: activityId })
      .andWhere("status = 'published'")
      .andWhere('waitlist_count > 0')
      .andWhere('(capacity IS NULL OR confirmed_count < capacity)')
      .execute();
    if (moved.affected !== 1) return promoted;
    const first: Array<{ id: string }> = await m.query(
      `SELECT id FROM activity_signups WHERE activity_id = ? AND status = 'waitlisted' ORDER BY waitlist_seq ASC LIMIT 1${forUpdate(m)}`,
      [activityId],
    );
    if (first.length === 0) {
      // The counter said someone waits but no row does: put the counter right rather than invent a promotion.
      await m
        .createQueryBuilder()
        .update(ActivityEntity)
        .set({ confirmedCount: () => 'confirmed_count - 1', waitlistCount: () => '0' })
        .where('id = :id', { id: activityId })
        .execute();
      return promoted;
    }
    const repo = m.getRepository(SignupEntity);
    await repo
      .createQueryBuilder()
      .update(SignupEntity)
      .set({ status: 'confirmed', waitlistSeq: null })
      .where('id = :id', { id: first[0].id })
      .andWhere("status = 'waitlisted'")
      .execute();
    promoted.push(await repo.findOneByOrFail({ id: first[0].id }));
  }
}

/** 1-based waitlist positions of these waitlisted sign-ups, counted in SQL (one query for a whole page). */
export async function waitlistPositions(m: EntityManager, signupIds: string[]): Promise<Map<string, number>> {
  if (signupIds.length === 0) return new Map();
  const marks = signupIds.map(() => '?').join(', ');
  const rows: Array<{ id: string; position: number | string }> = await m.query(
    `SELECT s.id AS id,
            (SELECT COUNT(*) FROM activity_signups w
              WHERE w.activity_id = s.activity_id AND w.status = 'waitlisted' AND w.waitlist_seq <= s.waitlist_seq) AS position
       FROM activity_signups s
      WHERE s.status = 'waitlisted' AND s.id IN (${marks})`,
    signupIds,
  );
  return new Map(rows.map((r) => [r.id, Number(r.position)]));
}
