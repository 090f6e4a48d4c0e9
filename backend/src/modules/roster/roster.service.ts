import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type FieldError, MEMBER_STATUS_LABELS, type RosterImportReport } from '@pioneer/shared-types';
import { createHash, randomUUID } from 'node:crypto';
import { Brackets, DataSource, type EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { type MemberScope, ScopeService } from '../org/scope.service.js';
import { maskPhone, normalizePhone, PiiCrypto } from '../../common/crypto/pii-crypto.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { BranchEntity } from '../org/entities/branch.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { MemberStatusChangeEntity } from '../org/entities/member-status-change.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { MemberMovesService } from '../org/member-moves.service.js';
import { insertRows } from './bulk-insert.js';
import type { RosterExportQueryDto } from './dto/roster-query.dto.js';
import { RosterImportEntity } from './entities/roster-import.entity.js';
import { cellOf, type ColumnMap, findColumns } from './file/roster-columns.js';
import { attachmentDisposition, type ExportRow, writeRosterXlsx, XLSX_TYPE } from './file/roster-export.js';
import { readRosterFile, ROSTER_MAX_ROWS } from './file/roster-file.js';
import { mapRosterReport } from './roster.mapper.js';
import { isOwnMemberId, type PlannedRow, planRows, type RawRow, type RosterLookups } from './roster-planner.js';
import type { RosterUpload } from './upload/roster-upload.js';

// Ids per IN (...): well inside SQLite's and MySQL's parameter limits.
const CHUNK = 500;

interface ParsedSheet {
  columns: ColumnMap;
  rows: RawRow[];
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

@Injectable()
export class RosterService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scopes: ScopeService,
    private readonly crypto: PiiCrypto,
    private readonly audit: AuditService,
    private readonly moves: MemberMovesService,
  ) {}

  /**
   * Dry run: the row-by-row report, nothing written. Commit: the same decisions taken again inside one transaction
   * (so they rest on what the database holds at that moment), then every valid row written in it, or none.
   */
  async import(user: AuthUser, mode: RosterImportReport['mode'], upload: RosterUpload, ip: string): Promise<RosterImportReport> {
    const sheet = await this.readSheet(upload.content);
    const scope = this.scopes.organizerMemberScope(user);
    const report = (plan: PlannedRow[], importId: string | null, applied: Set<number> | null) =>
      mapRosterReport({ importId, mode, fileName: upload.fileName, columns: sheet.columns.columns, plan, appliedTransfers: applied });

    if (mode === 'dry_run') {
      const plan = planRows(sheet.rows, await this.lookups(this.ds.manager, sheet.rows, scope));
      this.confirmedTransfers(plan, upload.confirmTransfers);
      return report(plan, null, null);
    }

    const sha256 = createHash('sha256').update(upload.content).digest('hex');
    try {
      return await this.ds.transaction(async (m) => {
        const plan = planRows(sheet.rows, await this.lookups(m, sheet.rows, scope));
        const confirmed = this.confirmedTransfers(plan, upload.confirmTransfers);
        const importId = await this.apply(m, plan, confirmed, { user, ip, fileName: upload.fileName, sha256 });
        return report(plan, importId, confirmed);
      });
    } catch (error) {
      await this.audit.record({
        actorId: user.memberId,
        action: 'roster.import',
        targetType: 'roster_import',
        ip,
        result: 'failure',
        detail: { fileName: upload.fileName, sha256, error: error instanceof DomainException ? error.code : 'DATABASE' },
      });
      if (isUniqueViolation(error)) {
        throw new DomainException('CONFLICT', '导入期间名册被其他操作修改（手机号已被占用），请重新预览后再导入');
      }
      throw error;
    }
  }

  /** The members in the organizer's reach as xlsx, member id first; the export and its full numbers are audited. */
  async export(user: AuthUser, query: RosterExportQueryDto, ip: string): Promise<StreamableFile> {
    const scope = this.scopes.organizerMemberScope(user);
    const qb = this.ds
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .select(['m.id', 'm.name', 'm.phoneCipher', 'm.unitId', 'm.branchId', 'm.status']);
    if (!scope.all) {
      if (!scope.unitIds.length && !scope.branchIds.length) throw new DomainException('FORBIDDEN');
      qb.where(
        new Brackets((w) => {
          w.where('1 = 0');
          if (scope.unitIds.length) w.orWhere('m.unitId IN (:...unitIds)', { unitIds: scope.unitIds });
          if (scope.branchIds.length) w.orWhere('m.branchId IN (:...branchIds)', { branchIds: scope.branchIds });
        }),
      );
    }
    const [members, units, branches] = [
      await qb.getMany(),
      await this.ds.getRepository(UnitEntity).find({ select: { id: true, name: true } }),
      await this.ds.getRepository(BranchEntity).find({ select: { id: true, name: true } }),
    ];
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const branchName = new Map(branches.map((b) => [b.id, b.name]));
    const full = query.phones !== 'masked';
    let fullPhones = 0;
    const rows: ExportRow[] = members.map((m) => {
      let phone = '';
      if (m.phoneCipher) {
        const plain = this.crypto.decrypt(m.phoneCipher);
        phone = full ? plain : maskPhone(plain);
        if (full) fullPhones++;
      }
      return {
        memberId: m.id,
        name: m.name,
        phone,
        unit: unitName.get(m.unitId) ?? '',
        branch: m.branchId ? (branchName.get(m.branchId) ?? '') : '',
        status: MEMBER_STATUS_LABELS[m.status],
      };
    });
    const collator = new Intl.Collator('zh-Hans-CN');
    rows.sort((a, b) => collator.compare(a.unit, b.unit) || collator.compare(a.branch, b.branch) || collator.compare(a.name, b.name));
    await this.audit.record({
      actorId: user.memberId,
      action: 'roster.export',
      targetType: 'roster',
      ip,
      result: 'success',
      detail: { rows: rows.length, fullPhones, phones: full ? 'full' : 'masked', scope: describeScope(scope) },
    });
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).replace(/-/g, '');
    return new StreamableFile(writeRosterXlsx(rows), {
      type: XLSX_TYPE,
      disposition: attachmentDisposition(`党员名册-${day}.xlsx`, `roster-${day}.xlsx`),
    });
  }

  private async readSheet(content: Buffer): Promise<ParsedSheet> {
    const sheetRows = await readRosterFile(content);
    if (!sheetRows.length) {
      throw new DomainException('ROSTER_FILE_INVALID', '名册中没有任何内容，请填写表头（姓名、手机号、单位、支部）和党员信息后再上传');
    }
    const columns = findColumns(sheetRows);
    const data = sheetRows.filter((r) => r.row > columns.headerRow);
    if (!data.length) {
      throw new DomainException('ROSTER_FILE_INVALID', '名册只有表头，没有党员信息，请填写后再上传');
    }
    if (data.length > ROSTER_MAX_ROWS) {
      throw new DomainException('ROSTER_TOO_LARGE', `名册共有 ${data.length} 行，每次最多导入 ${ROSTER_MAX_ROWS} 行，请分批导入`);
    }
    const rows = data.map((r) => ({
      row: r.row,
      memberId: cellOf(r, columns, 'memberId'),
      name: cellOf(r, columns, 'name'),
      phone: cellOf(r, columns, 'phone'),
      unit: cellOf(r, columns, 'unit'),
      branch: cellOf(r, columns, 'branch'),
      status: cellOf(r, columns, 'status'),
    }));
    return { columns, rows };
  }

  /** Units, branches, and the members the file can refer to (by id and by phone hash), in a handful of queries. */
  private async lookups(m: EntityManager, rows: RawRow[], scope: MemberScope): Promise<RosterLookups> {
    const hashes = new Map<string, string>();
    const hashPhone = (phone: string): string => {
      let h = hashes.get(phone);
      if (h === undefined) {
        h = this.crypto.hash(phone);
        hashes.set(phone, h);
      }
      return h;
    };
    const ids = [...new Set(rows.map((r) => r.memberId.toLowerCase()).filter(isOwnMemberId))];
    const phoneHashes = [
      ...new Set(rows.map((r) => (r.phone.includes('*') ? null : normalizePhone(r.phone))).filter((p) => p !== null).map(hashPhone)),
    ];
    const select = { id: true, name: true, phoneHash: true, unitId: true, branchId: true, status: true, openid: true } as const;
    const membersById = new Map<string, MemberEntity>();
    for (const part of chunks(ids)) {
      for (const member of await m.find(MemberEntity, { where: { id: In(part) }, select })) membersById.set(member.id, member);
    }
    const membersByPhoneHash = new Map<string, MemberEntity>();
    for (const part of chunks(phoneHashes)) {
      for (const member of await m.find(MemberEntity, { where: { phoneHash: In(part) }, select })) {
        const known = membersById.get(member.id) ?? member;
        membersById.set(known.id, known);
        membersByPhoneHash.set(member.phoneHash!, known);
      }
    }
    const units = await m.find(UnitEntity, { select: { id: true, name: true, code: true } });
    const branches = await m.find(BranchEntity, { select: { id: true, name: true, unitId: true } });
    return { units, branches, membersById, membersByPhoneHash, scope, hashPhone };
  }

  /** Only rows this file reports as transfers may be confirmed: a stale row number must not move someone else. */
  private confirmedTransfers(plan: PlannedRow[], requested: number[] | undefined): Set<number> {
    const transfers = new Set(plan.filter((p) => p.outcome === 'transfer').map((p) => p.row));
    const wrong: FieldError[] = (requested ?? [])
      .filter((row) => !transfers.has(row))
      .map((row) => ({ field: 'confirmTransfers', message: `第 ${row} 行不是待确认的单位变更` }));
    if (wrong.length) throw new DomainException('VALIDATION_FAILED', '要确认的行号与名册不符，请重新预览后再确认', wrong);
    return new Set(requested ?? []);
  }

  private async apply(
    m: EntityManager,
    plan: PlannedRow[],
    confirmed: Set<number>,
    ctx: { user: AuthUser; ip: string; fileName: string; sha256: string },
  ): Promise<string> {
    const now = new Date();
    const importId = randomUUID();
    const reason = `名册导入（${ctx.fileName}）`.slice(0, 200);
    const creates: Array<Partial<MemberEntity>> = [];
    const statusChanges: Array<Partial<MemberStatusChangeEntity>> = [];
    let updated = 0;
    let transferred = 0;
    for (const p of plan) {
      if (p.outcome === 'create' && p.create) {
        const c = p.create;
        creates.push({
          id: randomUUID(),
          name: c.name,
          phoneCipher: this.crypto.encrypt(c.phone),
          phoneHash: c.phoneHash,
          unitId: c.unitId,
          branchId: c.branchId,
          status: c.status,
          openid: null,
          unionid: null,
          createdAt: now,
          updatedAt: now,
        });
        continue;
      }
      const isTransfer = p.outcome === 'transfer' && confirmed.has(p.row);
      if ((p.outcome !== 'update' && !isTransfer) || !p.changes || !p.member || !p.unit) continue;
      const ch = p.changes;
      const set: QueryDeepPartialEntity<MemberEntity> = { updatedAt: now };
      if (ch.name !== undefined) set.name = ch.name;
      if (ch.phone) {
        set.phoneCipher = this.crypto.encrypt(ch.phone.plain);
        set.phoneHash = ch.phone.hash;
      }
      // A transfer's unit and branch are written by the org module's applyTransfer below, with its history row.
      if (!isTransfer && ch.branchId !== undefined) set.branchId = ch.branchId;
      if (ch.status !== undefined) set.status = ch.status;
      await m.createQueryBuilder().update(MemberEntity).set(set).where('id = :id', { id: p.member.id }).updateEntity(false).execute();
      if (ch.status !== undefined) {
        statusChanges.push({
          id: randomUUID(),
          memberId: p.member.id,
          fromStatus: p.member.status,
          toStatus: ch.status,
          reason,
          actorId: ctx.user.memberId,
          createdAt: now,
        });
      }
      if (!isTransfer) {
        updated++;
        continue;
      }
      const fromUnitId = p.member.unitId;
      const move = await this.moves.applyTransfer(m, { member: p.member, toUnit: p.unit, toBranch: p.branch, reason, actorId: ctx.user.memberId });
      await this.audit.record(
        {
          actorId: ctx.user.memberId,
          action: 'member.transfer',
          targetType: 'member',
          targetId: p.member.id,
          ip: ctx.ip,
          result: 'success',
          detail: { transferId: move.id, fromUnitId, toUnitId: p.unit.id, reason, rosterImportId: importId },
        },
        m,
      );
      transferred++;
    }
    await insertRows(m, MemberEntity, creates);
    await insertRows(m, MemberStatusChangeEntity, statusChanges);

    const count = (outcome: PlannedRow['outcome']) => plan.filter((p) => p.outcome === outcome).length;
    const record: Omit<RosterImportEntity, 'assignId'> = {
      id: importId,
      actorId: ctx.user.memberId,
      fileName: ctx.fileName,
      fileSha256: ctx.sha256,
      totalRows: plan.length,
      createdCount: creates.length,
      updatedCount: updated,
      unchangedCount: count('unchanged'),
      transferredCount: transferred,
      pendingTransferCount: count('transfer') - transferred,
      errorCount: count('error'),
      createdAt: now,
    };
    await insertRows(m, RosterImportEntity, [record]);
    await this.audit.record(
      {
        actorId: ctx.user.memberId,
        action: 'roster.import',
        targetType: 'roster_import',
        targetId: record.id,
        ip: ctx.ip,
        result: 'success',
        detail: {
          fileName: ctx.fileName,
          sha256: ctx.sha256,
          rows: plan.length,
          created: record.createdCount,
          updated: record.updatedCount,
          unchanged: record.unchangedCount,
          transferred: record.transferredCount,
          pendingTransfers: record.pendingTransferCount,
          errors: record.errorCount,
        },
      },
      m,
    );
    return record.id;
  }
}

function describeScope(scope: MemberScope): Record<string, unknown> {
  return scope.all ? { all: true } : { unitIds: scope.unitIds, branchIds: scope.branchIds };
}
