import { JwtService } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MemberEntity } from '../../src/modules/org/entities/member.entity.js';
import { UnitEntity } from '../../src/modules/org/entities/unit.entity.js';
import type { TestApp } from '../support/test-app.js';

/** Seeded people by name (demo-seed.ts) and a way to act as any of them, for the org e2e suites. */
export interface OrgKit {
  ds: DataSource;
  idOf(name: string): string;
  unitIdOf(name: string): string;
  /** A bearer header for a seeded (or created) person: demo login picks a person per role, tests need a given one. */
  as(nameOrId: string): Promise<{ Authorization: string }>;
}

export async function orgKit(t: TestApp): Promise<OrgKit> {
  const ds = t.app.get<DataSource>(getDataSourceToken());
  const jwt = t.app.get(JwtService);
  const people = new Map((await ds.getRepository(MemberEntity).find()).map((m) => [m.name, m.id]));
  const units = new Map((await ds.getRepository(UnitEntity).find()).map((u) => [u.name, u.id]));
  const idOf = (name: string): string => {
    const id = people.get(name);
    if (!id) throw new Error(`no seeded person ${name}`);
    return id;
  };
  return {
    ds,
    idOf,
    unitIdOf: (name) => {
      const id = units.get(name);
      if (!id) throw new Error(`no seeded unit ${name}`);
      return id;
    },
    as: async (nameOrId) => {
      const sub = people.get(nameOrId) ?? nameOrId;
      return { Authorization: `Bearer ${await jwt.signAsync({ sub, typ: 'access' })}` };
    },
  };
}

/** Options for startTestApp: these suites make a few hundred requests per app, above the default per-minute limit. */
export const ORG_TEST_ENV = { RATE_LIMIT_PER_MINUTE: '100000' };

export const HAN = /[\u4e00-\u9fff]/;

/**
 * Starting an app migrates a fresh database, which on MariaDB takes seconds and grows with every migration. Jest (circus)
 * reads testTimeout from the root config only, not from the e2e project's entry, so the hooks say how long they may take.
 */
export const APP_START_TIMEOUT_MS = 60_000;
