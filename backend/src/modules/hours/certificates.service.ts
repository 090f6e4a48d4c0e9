import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CertificateLine,
  type CertificateVerification,
  type CertificateView,
  type Page,
  SERVICE_TYPE_LABELS,
  type ServiceType,
} from '@pioneer/shared-types';
import { randomBytes, randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { PageQueryDto } from '../../common/http/page-query.dto.js';
import { pageWindow, toPage } from '../../common/http/paging.js';
import type { AppConfig } from '../../config/configuration.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { Clock } from '../services/clock.js';
import { shanghaiDate } from '../services/hours.js';
import type { CertificateRequestDto } from './dto/hours.dto.js';
import { CertificateEntity } from './entities/certificate.entity.js';
import { HoursLedgerEntity } from './entities/hours-ledger.entity.js';
import { HoursService, isCalendarDate, type LineContext } from './hours.service.js';
import { roundHours } from './ledger.js';
import { maskName } from './mask-name.js';

/** Crockford base32 without I, L, O, U: read aloud or typed from paper without confusing 0/O or 1/I/L. */
const SERIAL_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SERIAL_PATTERN = /^XF-\d{4}-[0-9A-HJKMNP-TV-Z]{10}$/;
const MAX_YEARS = 3;

/** The content frozen at issue: the certificate without its serial. */
type Frozen = Omit<CertificateView, 'serial'>;

/**
 * 报到服务证明: the member's ledger lines of a period, frozen as issued under a serial anyone can verify. Corrections
 * are folded into the line they correct (a service undone and never confirmed again drops out); a correction of
 * nothing in particular is listed as its own line. The issuer is the district's organization department, named from
 * DISTRICT_NAME (`中共<区>委组织部`), which runs its organ party-building work.
 */
@Injectable()
export class CertificatesService {
  private readonly issuer: string;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly hours: HoursService,
    @InjectRepository(CertificateEntity) private readonly certificates: Repository<CertificateEntity>,
    @InjectRepository(HoursLedgerEntity) private readonly ledger: Repository<HoursLedgerEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
  ) {
    this.issuer = `中共${config.getOrThrow('app', { infer: true }).districtName}委组织部`;
  }

  async issue(user: AuthUser, dto: CertificateRequestDto): Promise<CertificateView> {
    const invalid = (field: string, message: string) => new DomainException('VALIDATION_FAILED', undefined, [{ field, message }]);
    if (!isCalendarDate(dto.from)) throw invalid('from', '起始日期无效');
    if (!isCalendarDate(dto.to)) throw invalid('to', '截止日期无效');
    if (dto.to < dto.from) throw invalid('to', '截止日期不能早于起始日期');
    const limit = `${Number(dto.from.slice(0, 4)) + MAX_YEARS}${dto.from.slice(4)}`;
    if (dto.to >= limit) throw invalid('to', `一份证明最长跨 ${MAX_YEARS} 年，请缩短时间范围`);
    const now = this.clock.now();
    if (dto.from > shanghaiDate(now)) throw invalid('from', '起始日期不能晚于今天');

    const member = await this.members.findOneOrFail({ where: { id: user.memberId }, select: { id: true, name: true, unitId: true } });
    const unit = await this.units.findOne({ where: { id: member.unitId }, select: { id: true, name: true } });
    const rows = await this.ledger
      .createQueryBuilder('l')
      .where('l.member_id = :memberId', { memberId: member.id })
      .andWhere('l.service_date >= :from AND l.service_date <= :to', { from: dto.from, to: dto.to })
      .orderBy('l.service_date', 'ASC')
      .addOrderBy('l.created_at', 'ASC')
      .getMany();
    const lines = foldLines(rows, await this.hours.context(rows));
    const frozen: Frozen = {
      memberName: member.name,
      unitName: unit?.name ?? null,
      from: dto.from,
      to: dto.to,
      lines,
      totalHours: roundHours(lines.reduce((sum, l) => sum + l.hours, 0)),
      issuer: this.issuer,
      issuedAt: now.toISOString(),
    };
    for (let attempt = 0; ; attempt++) {
      const serial = newSerial(now);
      try {
        await this.certificates.insert({
          id: randomUUID(),
          serial,
          memberId: member.id,
          dateFrom: dto.from,
          dateTo: dto.to,
          content: JSON.stringify(frozen),
          issuedBy: user.memberId,
          createdAt: now,
        });
        return { serial, ...frozen };
      } catch (error) {
        // 32^10 serials a year: a collision is all but impossible, and the unique index still refuses it.
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }

  async mine(user: AuthUser, query: PageQueryDto): Promise<Page<CertificateView>> {
    const window = pageWindow(query);
    const [rows, total] = await this.certificates.findAndCount({
      where: { memberId: user.memberId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: window.skip,
      take: window.take,
    });
    return toPage(
      rows.map((c) => ({ serial: c.serial, ...(JSON.parse(c.content) as Frozen) })),
      total,
      window,
    );
  }

  /** Anyone with the serial: only what the certificate states, the name masked, no lines and no ids. */
  async verify(serial: string): Promise<CertificateVerification> {
    const normalized = serial.trim().toUpperCase();
    const found = SERIAL_PATTERN.test(normalized) ? await this.certificates.findOne({ where: { serial: normalized } }) : null;
    if (!found) throw new DomainException('NOT_FOUND', '没有找到这个编号的证明，请核对编号');
    const content = JSON.parse(found.content) as Frozen;
    return {
      serial: found.serial,
      valid: true,
      memberName: maskName(content.memberName),
      unitName: content.unitName,
      from: content.from,
      to: content.to,
      activityCount: content.lines.filter((l) => l.source === 'activity').length,
      serviceCount: content.lines.filter((l) => l.source === 'service').length,
      totalHours: content.totalHours,
      issuer: content.issuer,
      issuedAt: content.issuedAt,
    };
  }
}

/** `XF-<year>-` and ten base32 characters from a CSPRNG (50 bits): unguessable, and short enough to type. */
function newSerial(now: Date): string {
  const bytes = randomBytes(10);
  let tail = '';
  for (const b of bytes) tail += SERIAL_ALPHABET[b % 32];
  return `XF-${shanghaiDate(now).slice(0, 4)}-${tail}`;
}

/**
 * One line per credit (an activity sign-up or a service record) with its corrections folded in; lines that come to
 * nothing are left out; corrections of nothing in particular stand as their own lines.
 */
export function foldLines(rows: HoursLedgerEntity[], context: LineContext): CertificateLine[] {
  const groups = new Map<string, { first: HoursLedgerEntity; hours: number }>();
  for (const row of rows) {
    const key = row.signupId ? `signup:${row.signupId}` : row.serviceRecordId ? `service:${row.serviceRecordId}` : `line:${row.id}`;
    const group = groups.get(key);
    if (group) {
      group.hours += row.hours;
      if (group.first.source === 'correction' && row.source !== 'correction') group.first = row;
    } else groups.set(key, { first: row, hours: row.hours });
  }
  const lines: CertificateLine[] = [];
  for (const { first, hours } of groups.values()) {
    const total = roundHours(hours);
    if (total === 0) continue;
    const activity = first.activityId ? context.activities.get(first.activityId) : undefined;
    const record = first.serviceRecordId ? context.records.get(first.serviceRecordId) : undefined;
    const source = first.activityId ? 'activity' : first.serviceRecordId ? 'service' : 'correction';
    const title = activity
      ? activity.title
      : record
        ? `报到服务${record.serviceType ? `（${SERVICE_TYPE_LABELS[record.serviceType as ServiceType] ?? record.serviceType}）` : ''}`
        : `时长更正${first.reason ? `：${first.reason}` : ''}`;
    lines.push({
      date: first.serviceDate,
      source,
      title,
      where: activity ? activity.place : (record?.communityName ?? null),
      hours: total,
    });
  }
  return lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
