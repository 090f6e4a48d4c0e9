import type { EntityManager } from 'typeorm';
import { ServiceRecordFlagEntity } from './entities/service-record-flag.entity.js';
import type { RaisedFlag } from './suspicion.service.js';

/** Adds flags to a record inside the caller's transaction; a flag it already carries is not added twice. */
export async function addFlags(
  m: EntityManager,
  recordId: string,
  flags: RaisedFlag[],
  at: Date,
  options: { fresh?: boolean } = {},
): Promise<void> {
  if (flags.length === 0) return;
  const repo = m.getRepository(ServiceRecordFlagEntity);
  // A record created in this same transaction has no flags yet, so there is nothing to read.
  const existing = options.fresh
    ? new Set<string>()
    : new Set((await repo.find({ where: { recordId }, select: { recordId: true, flag: true } })).map((f) => f.flag));
  const fresh = flags.filter((f, i) => !existing.has(f.flag) && flags.findIndex((g) => g.flag === f.flag) === i);
  if (fresh.length === 0) return;
  await m
    .createQueryBuilder()
    .insert()
    .into(ServiceRecordFlagEntity)
    .values(fresh.map((f) => ({ recordId, flag: f.flag, detail: f.detail?.slice(0, 200) ?? null, createdAt: at })))
    .updateEntity(false)
    .execute();
}
