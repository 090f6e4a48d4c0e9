import { JwtService } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ApiErrorBody, RosterImportReport } from '@pioneer/shared-types';
import { createHash } from 'node:crypto';
import request from '../support/http.js';
import type { DataSource } from 'typeorm';
import { PiiCrypto } from '../../src/common/crypto/pii-crypto.service.js';
import { type Cell, csvWithBom, gbkCsv, readXlsx, xlsxFile } from '../fixtures/roster/roster-files.js';
import { rowsBomb, sheetXml, xlsxParts, zeroBomb, zipFile } from '../fixtures/roster/zip-files.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';

interface MemberRow {
  id: string;
  name: string;
  phone_cipher: string | null;
  phone_hash: string | null;
  unit_id: string;
  branch_id: string | null;
  status: string;
  updated_at: unknown;
}

// supertest hands the raw response stream to a custom parser; the xlsx comes back as one Buffer.
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

// jest.config's per-project testTimeout does not reach the tests (a MariaDB run under load hit the 5 s default).
jest.setTimeout(60_000);

describe.each(testDrivers())('roster import and export on %s', (driver) => {
  let t: TestApp;
  let ds: DataSource;
  let district: string;
  let unitOrganizer: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    ds = t.app.get<DataSource>(getDataSourceToken());
    district = await tokenFor('孙伟');
    unitOrganizer = await tokenFor('陈明');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function tokenFor(name: string): Promise<string> {
    const [person] = (await ds.query('SELECT id FROM members WHERE name = ?', [name])) as Array<{ id: string }>;
    return t.app.get(JwtService).signAsync({ sub: person!.id, typ: 'access' });
  }

  const api = () => request(t.baseUrl);

  function upload(token: string, mode: string, file: Buffer, fileName: string, confirmTransfers?: string) {
    const req = api().post(`/api/v1/roster/import?mode=${mode}`).set('Authorization', `Bearer ${token}`);
    if (confirmTransfers !== undefined) req.field('confirmTransfers', confirmTransfers);
    return req.attach('file', file, fileName);
  }

  async function importOk(token: string, mode: string, file: Buffer, fileName = 'roster.xlsx', confirm?: string) {
    const res = await upload(token, mode, file, fileName, confirm);
    expect(res.status).toBe(200);
    return res.body as RosterImportReport;
  }

  async function members(): Promise<MemberRow[]> {
    return (await ds.query(
      'SELECT id, name, phone_cipher, phone_hash, unit_id, branch_id, status, updated_at FROM members ORDER BY id',
    )) as MemberRow[];
  }

  async function count(table: string): Promise<number> {
    const [row] = (await ds.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{ n: number | string }>;
    return Number(row!.n);
  }

  async function memberByName(name: string): Promise<MemberRow | undefined> {
    return (await members()).find((m) => m.name === name);
  }

  async function unitId(name: string): Promise<string> {
    const [row] = (await ds.query('SELECT id FROM units WHERE name = ?', [name])) as Array<{ id: string }>;
    return row!.id;
  }

  async function audits(action: string): Promise<Array<{ result: string; detail: Record<string, unknown> }>> {
    const rows = (await ds.query('SELECT result, detail FROM audit_logs WHERE action = ? ORDER BY created_at', [action])) as Array<{
      result: string;
      detail: string;
    }>;
    return rows.map((r) => ({ result: r.result, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }

  const outcomes = (report: RosterImportReport) => report.rows.map((r) => [r.row, r.outcome]);
  const issuesOf = (report: RosterImportReport) => report.rows.flatMap((r) => r.issues.map((i) => [i.row, i.field, i.reason]));

  // Aliased headers under a title line, as other party-member systems export them.
  const mixedRows: Cell[][] = [
    ['2026 年党员名册'],
    ['姓名', '联系电话', '所在单位', '党支部'],
    ['王小明', 13900000001, '区税务局', '征管支部'],
    ['李四', '1390000002', '区税务局', '征管支部'],
    ['赵六', '13900000003', '不存在的单位', ''],
    ['钱七', '13900000004', '区税务局', '不存在的支部'],
    ['孙八', '139-0000-0001', '区税务局', ''],
    ['', '13900000005', '区税务局', ''],
    [null],
    ['周 九', '139 0000 0006', 'JG002', '综合支部'],
    ['张建国', '13800000001', '区委组织部', '机关第一支部'],
  ];

  it('reports a dry run row by row, with exact row numbers, fields and Chinese reasons, and writes nothing', async () => {
    const before = await members();
    const report = await importOk(district, 'dry_run', await xlsxFile(mixedRows), '名册.xlsx');
    expect(report).toMatchObject({ importId: null, mode: 'dry_run', fileName: '名册.xlsx', totalRows: 8 });
    expect(report.columns).toEqual([
      { header: '姓名', field: 'name' },
      { header: '联系电话', field: 'phone' },
      { header: '所在单位', field: 'unit' },
      { header: '党支部', field: 'branch' },
    ]);
    expect(outcomes(report)).toEqual([
      [3, 'create'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
      [8, 'error'],
      [10, 'create'],
      [11, 'unchanged'],
    ]);
    expect(issuesOf(report)).toEqual([
      [4, 'phone', '手机号格式不正确'],
      [5, 'unit', '单位不存在'],
      [6, 'branch', '支部不存在'],
      [7, 'phone', '文件内重复（同第 3 行）'],
      [8, 'name', '缺少姓名'],
    ]);
    expect(report.counts).toEqual({ create: 2, update: 0, unchanged: 1, transfer: 0, error: 5 });
    const row10 = report.rows.find((r) => r.row === 10)!;
    expect(row10).toMatchObject({ name: '周九', phone: '139****0006', unitName: '区税务局', branchName: '综合支部' });
    expect(report.rows.find((r) => r.row === 11)!.memberId).toBe(before.find((m) => m.name === '张建国')!.id);
    expect(JSON.stringify(report)).not.toMatch(/1[3-9]\d{9}/);
    expect(await members()).toEqual(before);
    expect(await count('roster_imports')).toBe(0);
  });

  it('commits exactly the valid rows in one go, encrypted, logged and audited; the same file again changes nothing', async () => {
    const file = await xlsxFile(mixedRows);
    const before = await members();
    const report = await importOk(district, 'commit', file, '名册.xlsx');
    expect(report.counts).toEqual({ create: 2, update: 0, unchanged: 1, transfer: 0, error: 5 });
    expect(report.importId).toEqual(expect.any(String));
    const after = await members();
    expect(after).toHaveLength(before.length + 2);
    const created = after.filter((m) => !before.some((b) => b.id === m.id));
    expect(created.map((m) => m.name).sort()).toEqual(['王小明', '周九'].sort());
    const crypto = t.app.get(PiiCrypto);
    const wang = created.find((m) => m.name === '王小明')!;
    expect(wang).toMatchObject({ status: 'invited', unit_id: await unitId('区税务局'), phone_hash: crypto.hash('13900000001') });
    expect(crypto.decrypt(wang.phone_cipher!)).toBe('13900000001');
    expect(JSON.stringify(after)).not.toMatch(/1390000000\d/);
    for (const name of ['李四', '赵六', '钱七', '孙八']) expect(after.some((m) => m.name === name)).toBe(false);

    const [log] = (await ds.query('SELECT * FROM roster_imports')) as Array<Record<string, unknown>>;
    expect(log).toMatchObject({
      id: report.importId,
      file_name: '名册.xlsx',
      file_sha256: createHash('sha256').update(file).digest('hex'),
    });
    expect(Number(log!.created_count)).toBe(2);
    expect(Number(log!.error_count)).toBe(5);
    expect((await audits('roster.import')).at(-1)).toMatchObject({ result: 'success', detail: { created: 2, errors: 5 } });

    const again = await importOk(district, 'commit', file, '名册.xlsx');
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3, transfer: 0, error: 5 });
    expect(outcomes(again).filter(([, o]) => o !== 'error')).toEqual([
      [3, 'unchanged'],
      [10, 'unchanged'],
      [11, 'unchanged'],
    ]);
    expect(await members()).toEqual(after);
  });

  it('reads a CSV with a BOM, quoted fields and other headers, and keeps a unit organizer inside their unit', async () => {
    const csv = csvWithBom([
      ['姓名', '手机', '工作单位', '所在支部', '备注'],
      ['吴十', '13900000011', '区委组织部', '机关第一支部', '新调入, "骨干"'],
      ['郑一', '13900000012', '区税务局', '征管支部', ''],
      ['冯二', '13900000013', '区委组织部', '', '第一行\n第二行'],
      ['李秀英', '13800000002', '区委组织部', '', ''],
    ]);
    const before = await members();
    const dry = await importOk(unitOrganizer, 'dry_run', csv, '名册.csv');
    expect(dry.columns.map((c) => c.field)).toEqual(['name', 'phone', 'unit', 'branch', null]);
    expect(outcomes(dry)).toEqual([
      [2, 'create'],
      [3, 'error'],
      [4, 'create'],
      [5, 'error'],
    ]);
    expect(issuesOf(dry)).toEqual([
      [3, 'unit', '不在您的管理范围'],
      [5, 'unit', '不在您的管理范围'],
    ]);
    // The member found by phone belongs to another unit: nothing of them is given away.
    expect(dry.rows.find((r) => r.row === 5)!.memberId).toBeNull();
    expect(await members()).toEqual(before);

    const commit = await importOk(unitOrganizer, 'commit', csv, '名册.csv');
    expect(commit.counts).toMatchObject({ create: 2, error: 2 });
    const after = await members();
    expect(after).toHaveLength(before.length + 2);
    expect((await memberByName('李秀英'))!.unit_id).toBe(await unitId('区税务局'));
    expect(after.some((m) => m.name === '郑一')).toBe(false);
  });

  it('reads Excel\'s plain GBK CSV and tab-separated Unicode text', async () => {
    const gbk = gbkCsv([
      ['姓名', '手机号码', '单位名称', '支部名称'],
      ['蒋四', '13900000021', '区人民医院', '内科支部'],
    ]);
    expect(gbk.includes(Buffer.from('蒋四', 'utf8'))).toBe(false);
    const fromGbk = await importOk(district, 'dry_run', gbk, '名册.csv');
    expect(fromGbk.rows).toEqual([expect.objectContaining({ row: 2, outcome: 'create', name: '蒋四', unitName: '区人民医院', branchName: '内科支部' })]);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t手机\t单位\r\n卫三\t13900000022\t区人民医院\r\n', 'utf16le')]);
    const fromTsv = await importOk(district, 'dry_run', utf16, 'roster.txt');
    expect(fromTsv.rows).toEqual([expect.objectContaining({ row: 2, outcome: 'create', name: '卫三', unitName: '区人民医院' })]);
  });

  it('leaves nothing half-written when a valid row fails in the database', async () => {
    const sentinel = '触发失败';
    if (driver === 'sqlite') {
      await ds.query(
        `CREATE TRIGGER roster_fail BEFORE INSERT ON members WHEN NEW.name = '${sentinel}' BEGIN SELECT RAISE(ABORT, 'provoked'); END`,
      );
    } else {
      await ds.query(
        `CREATE TRIGGER roster_fail BEFORE INSERT ON members FOR EACH ROW BEGIN IF NEW.name = '${sentinel}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'provoked'; END IF; END`,
      );
    }
    try {
      const rows: Cell[][] = [['姓名', '手机号', '单位', '支部']];
      rows.push(['王小明明', '13900000001', '区税务局', '征管支部']);
      // 600 new rows: the first chunk of 500 is inserted before the chunk holding the failing row.
      for (let i = 0; i < 600; i++) rows.push([`批量${i}`, `1370000${String(i).padStart(4, '0')}`, '区人民医院', '内科支部']);
      rows.push([sentinel, '13799999999', '区人民医院', '']);
      const file = await xlsxFile(rows);
      const dry = await importOk(district, 'dry_run', file);
      expect(dry.counts).toEqual({ create: 601, update: 1, unchanged: 0, transfer: 0, error: 0 });

      const before = await members();
      const imports = await count('roster_imports');
      const res = await upload(district, 'commit', file, 'roster.xlsx');
      expect(res.status).toBe(500);
      expect((res.body as ApiErrorBody).code).toBe('INTERNAL_ERROR');
      expect(JSON.stringify(res.body)).not.toMatch(/provoked|members/);
      expect(await members()).toEqual(before);
      expect(await memberByName('王小明')).toBeDefined();
      expect(await count('roster_imports')).toBe(imports);
      expect((await audits('roster.import')).at(-1)).toMatchObject({ result: 'failure' });
    } finally {
      await ds.query('DROP TRIGGER roster_fail');
    }
  });

  it('reports a move to another unit as a transfer and applies it only when confirmed', async () => {
    const file = await xlsxFile([
      ['姓名', '手机号', '单位', '支部'],
      ['王志强', '13800000003', '区税务局', '综合支部'],
      ['赵丽华', '13800000004', '区城市建设投资集团', '工程支部'],
    ]);
    const hospital = await unitId('区人民医院');
    const dry = await importOk(district, 'dry_run', file);
    expect(dry.rows[0]).toMatchObject({ row: 2, outcome: 'transfer', fromUnitName: '区人民医院', unitName: '区税务局' });
    expect(dry.rows[0]!.transferApplied).toBeUndefined();
    expect(dry.rows[1]).toMatchObject({ row: 3, outcome: 'unchanged' });

    const unconfirmed = await importOk(district, 'commit', file);
    expect(unconfirmed.rows[0]).toMatchObject({ outcome: 'transfer', transferApplied: false });
    expect((await memberByName('王志强'))!.unit_id).toBe(hospital);
    expect(await count('member_transfers')).toBe(0);

    const wrong = await upload(district, 'commit', file, 'roster.xlsx', '3');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'confirmTransfers', message: '第 3 行不是待确认的单位变更' }] });
    const garbage = await upload(district, 'commit', file, 'roster.xlsx', 'two');
    expect(garbage.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'confirmTransfers' }] });
    expect((await memberByName('王志强'))!.unit_id).toBe(hospital);

    const confirmed = await importOk(district, 'commit', file, 'roster.xlsx', '[2]');
    expect(confirmed.rows[0]).toMatchObject({ outcome: 'transfer', transferApplied: true });
    const moved = (await memberByName('王志强'))!;
    expect(moved.unit_id).toBe(await unitId('区税务局'));
    const [history] = (await ds.query('SELECT * FROM member_transfers WHERE member_id = ?', [moved.id])) as Array<Record<string, unknown>>;
    expect(history).toMatchObject({ from_unit_name: '区人民医院', from_branch_name: '内科支部', to_unit_name: '区税务局', to_branch_name: '综合支部' });
    expect(String(history!.reason)).toContain('名册导入');
    expect((await audits('member.transfer')).at(-1)).toMatchObject({ result: 'success', detail: { rosterImportId: confirmed.importId } });
    const [log] = (await ds.query('SELECT transferred_count, pending_transfer_count FROM roster_imports WHERE id = ?', [confirmed.importId])) as Array<
      Record<string, number | string>
    >;
    expect([Number(log!.transferred_count), Number(log!.pending_transfer_count)]).toEqual([1, 0]);

    const again = await importOk(district, 'commit', file);
    expect(outcomes(again)).toEqual([
      [2, 'unchanged'],
      [3, 'unchanged'],
    ]);
  });

  it('exports the roster with full phones to an entitled organizer, audited, and imports it back: one edit, one update', async () => {
    const res = await api().get('/api/v1/roster/export').set('Authorization', `Bearer ${district}`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="roster-\d{8}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(res.headers['content-disposition']!.split("''")[1]!)).toMatch(/^党员名册-\d{8}\.xlsx$/);
    const { workbook, rows } = await readXlsx(res.body as Buffer);
    expect(rows[0]).toEqual(['党员编号', '姓名', '手机号', '单位', '支部', '状态']);
    const all = await members();
    expect(rows).toHaveLength(all.length + 1);
    const zhang = rows.find((r) => r[1] === '张建国')!;
    expect(zhang).toEqual([all.find((m) => m.name === '张建国')!.id, '张建国', '13800000001', '区委组织部', '机关第一支部', '在册']);
    const withPhone = all.filter((m) => m.phone_cipher).length;
    expect(rows.slice(1).filter((r) => /^1\d{10}$/.test(r[2]!))).toHaveLength(withPhone);
    expect((await audits('roster.export')).at(-1)).toMatchObject({ result: 'success', detail: { rows: all.length, fullPhones: withPhone, phones: 'full' } });

    const sheet = workbook.worksheets[0]!;
    const line = rows.findIndex((r) => r[1] === '赵丽华') + 1;
    sheet.getRow(line).getCell(2).value = '赵丽花';
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await importOk(district, 'commit', edited, 'roster-edited.xlsx');
    expect(report.counts).toEqual({ create: 0, update: 1, unchanged: all.length - 1, transfer: 0, error: 0 });
    expect(report.rows.find((r) => r.outcome === 'update')).toMatchObject({ row: line, name: '赵丽花' });
    const after = await members();
    expect(after.find((m) => m.name === '赵丽花')!.id).toBe(all.find((m) => m.name === '赵丽华')!.id);
    expect(after.filter((m) => m.name !== '赵丽花')).toEqual(all.filter((m) => m.name !== '赵丽华'));
  });

  it('recognises masked phones in a file matched by member id as unchanged and never stores them', async () => {
    const res = await api().get('/api/v1/roster/export?phones=masked').set('Authorization', `Bearer ${district}`).buffer(true).parse(binary).expect(200);
    const { workbook, rows } = await readXlsx(res.body as Buffer);
    expect(rows.slice(1).every((r) => r[2] === '' || /^1\d{2}\*{4}\d{4}$/.test(r[2]!))).toBe(true);
    expect((await audits('roster.export')).at(-1)).toMatchObject({ detail: { fullPhones: 0, phones: 'masked' } });
    const before = await members();
    const line = rows.findIndex((r) => r[1] === '王小明') + 1;
    workbook.worksheets[0]!.getRow(line).getCell(2).value = '王晓明';
    const report = await importOk(district, 'commit', Buffer.from(await workbook.xlsx.writeBuffer()), 'masked.xlsx');
    expect(report.counts).toEqual({ create: 0, update: 1, unchanged: before.length - 1, transfer: 0, error: 0 });
    const after = await members();
    expect(after.map((m) => [m.id, m.phone_cipher, m.phone_hash])).toEqual(before.map((m) => [m.id, m.phone_cipher, m.phone_hash]));

    // Without a member id, a masked number cannot identify anyone.
    const noId = await importOk(district, 'dry_run', await xlsxFile([['姓名', '手机号', '单位'], ['王晓明', '139****0001', '区税务局']]));
    expect(issuesOf(noId)).toEqual([[2, 'phone', '手机号已隐藏（含*），新增党员须填写完整手机号']]);
  });

  it('exports only the unit organizer\'s own unit', async () => {
    const res = await api().get('/api/v1/roster/export').set('Authorization', `Bearer ${unitOrganizer}`).buffer(true).parse(binary).expect(200);
    const { rows } = await readXlsx(res.body as Buffer);
    const units = new Set(rows.slice(1).map((r) => r[3]));
    expect([...units]).toEqual(['区委组织部']);
    const [n] = (await ds.query('SELECT COUNT(*) AS n FROM members m JOIN units u ON u.id = m.unit_id WHERE u.name = ?', ['区委组织部'])) as Array<{ n: number | string }>;
    expect(rows).toHaveLength(Number(n!.n) + 1);
  });

  it('refuses uploads that are missing, of the wrong kind, empty, headless or too large', async () => {
    const auth = { Authorization: `Bearer ${district}` };
    const noFile = await api().post('/api/v1/roster/import?mode=dry_run').set(auth).field('confirmTransfers', '2');
    expect(noFile.status).toBe(400);
    expect(noFile.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'file' }] });
    const json = await api().post('/api/v1/roster/import?mode=dry_run').set(auth).send({ file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'file' }] });
    const noMode = await upload(district, '', csvWithBom([['姓名', '手机号'], ['甲', '13900000031']]), 'a.csv');
    expect(noMode.status).toBe(400);
    expect(noMode.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'mode' }] });

    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(64)]);
    const cases: Array<[string, Buffer, string, RegExp]> = [
      ['photo.png', png, 'ROSTER_FILE_INVALID', /xlsx 或 csv/],
      ['old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]), 'ROSTER_XLSX_ENCRYPTED', /\.xls/],
      ['broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), 'ROSTER_XLSX_CORRUPT', /Excel/],
      ['empty.csv', Buffer.alloc(0), 'ROSTER_FILE_INVALID', /空/],
      ['blank.csv', Buffer.from('\ufeff\r\n , \r\n', 'utf8'), 'ROSTER_FILE_INVALID', /没有任何内容/],
      ['header-only.csv', csvWithBom([['姓名', '手机号']]), 'ROSTER_FILE_INVALID', /只有表头/],
    ];
    for (const [name, content, code, message] of cases) {
      const res = await upload(district, 'dry_run', content, name);
      expect([name, res.status, (res.body as ApiErrorBody).code]).toEqual([name, 400, code]);
      expect((res.body as ApiErrorBody).message).toMatch(message);
    }
    const headless = await upload(district, 'dry_run', csvWithBom([['序号', '单位'], ['1', '区税务局']]), 'x.csv');
    expect(headless.status).toBe(400);
    expect(headless.body).toMatchObject({
      code: 'ROSTER_FILE_INVALID',
      message: expect.stringContaining('姓名和手机号'),
      details: [{ field: 'name' }, { field: 'phone' }],
    });
    const noPhone = await upload(district, 'dry_run', await xlsxFile([['姓名', '单位'], ['甲', '区税务局']]), 'x.xlsx');
    expect(noPhone.body).toMatchObject({ code: 'ROSTER_FILE_INVALID', details: [{ field: 'phone', message: expect.stringContaining('手机号') }] });

    const huge = await upload(district, 'dry_run', Buffer.alloc(5 * 1024 * 1024 + 1, 0x41), 'huge.csv');
    expect(huge.status).toBe(413);
    expect((huge.body as ApiErrorBody).code).toBe('ROSTER_TOO_LARGE');
    const many: Cell[][] = [['姓名', '手机号', '单位']];
    for (let i = 0; i < 5001; i++) many.push([`人${i}`, `1360000${String(i).padStart(4, '0')}`, '区税务局']);
    const tooMany = await upload(district, 'dry_run', csvWithBom(many), 'many.csv');
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ code: 'ROSTER_TOO_LARGE', message: expect.stringContaining('5001') });
  });

  it('is for organizers only', async () => {
    const file = csvWithBom([['姓名', '手机号'], ['甲', '13900000041']]);
    const member = await tokenFor('张建国');
    const res = await upload(member, 'dry_run', file, 'a.csv');
    expect(res.status).toBe(403);
    expect((res.body as ApiErrorBody).code).toBe('FORBIDDEN');
    await api().get('/api/v1/roster/export').set('Authorization', `Bearer ${member}`).expect(403);
    await api().post('/api/v1/roster/import?mode=dry_run').attach('file', file, 'a.csv').expect(401);
  });

  // Bounded by the inflation cap, which the memory check proves; a wall-clock bound flaked on a loaded machine, so speed
  // is left to the benchmarks.
  it('refuses a zip bomb without swelling the process, and serves the next request', async () => {
    // 512 MiB of zeros with an honest central directory, 200 MiB of sheet rows with one that lies; each under 1 MB.
    const honest = zipFile(xlsxParts({ name: '', deflated: zeroBomb(512) }));
    const lying = zipFile(xlsxParts({ name: '', deflated: rowsBomb(200), declaredSize: 4096 }));
    expect(Math.max(honest.length, lying.length)).toBeLessThan(1024 * 1024);
    for (const [name, file] of [['honest.xlsx', honest], ['lying.xlsx', lying]] as const) {
      const rssBefore = process.memoryUsage().rss;
      const res = await upload(district, 'dry_run', file, name);
      const grewMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
      expect([name, res.status, (res.body as ApiErrorBody).code]).toEqual([name, 413, 'ROSTER_XLSX_TOO_LARGE']);
      expect((res.body as ApiErrorBody).message).toMatch(/解压后/);
      expect(grewMb).toBeLessThan(150);
    }
    const next = await importOk(district, 'dry_run', await xlsxFile([['姓名', '手机号', '单位'], ['甲', '13900000061', '区税务局']]));
    expect(next.counts.create).toBe(1);
  });

  it('refuses an encrypted workbook, a truncated one and one with too many rows before reading it', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    const encrypted = await upload(district, 'dry_run', ole, '加密名册.xlsx');
    expect(encrypted.status).toBe(400);
    expect(encrypted.body).toMatchObject({ code: 'ROSTER_XLSX_ENCRYPTED', message: expect.stringMatching(/未加密的 \.xlsx/) });

    const good = await xlsxFile([['姓名', '手机号', '单位'], ['甲', '13900000062', '区税务局']]);
    const truncated = await upload(district, 'dry_run', good.subarray(0, good.length - 100), 'cut.xlsx');
    expect(truncated.status).toBe(400);
    expect((truncated.body as ApiErrorBody).code).toBe('ROSTER_XLSX_CORRUPT');

    const tall = await upload(district, 'dry_run', zipFile(xlsxParts({ name: '', content: sheetXml(30_000) })), 'tall.xlsx');
    expect(tall.status).toBe(413);
    expect(tall.body).toMatchObject({ code: 'ROSTER_TOO_LARGE', message: expect.stringContaining('30000') });

    // Distinct numbers, so the sheet compresses like real data and it is the cell count that refuses it.
    const row = (r: number) => `<row r="${r}">${Array.from({ length: 100 }, (_, j) => `<c t="n"><v>${r * 100 + j}</v></c>`).join('')}</row>`;
    const wideSheet = `<worksheet><sheetData>${Array.from({ length: 2500 }, (_, i) => row(i + 1)).join('')}</sheetData></worksheet>`;
    const wide = await upload(district, 'dry_run', zipFile(xlsxParts({ name: '', content: wideSheet })), 'wide.xlsx');
    expect(wide.status).toBe(413);
    expect(wide.body).toMatchObject({ code: 'ROSTER_TOO_LARGE', message: expect.stringContaining('250000 个单元格') });
  });

  it('exports names that would start a formula neutralised, and imports the export back unchanged', async () => {
    const risky = ['+SUM(1+1)', '@cmd', '=HYPERLINK("http://example.invalid")', '-1'];
    const created = await importOk(
      district,
      'commit',
      csvWithBom([['姓名', '手机号', '单位'], ...risky.map((name, i) => [name, `1390000007${i}`, '区税务局'])]),
      'risky.csv',
    );
    expect(created.counts.create).toBe(risky.length);
    const res = await api().get('/api/v1/roster/export').set('Authorization', `Bearer ${district}`).buffer(true).parse(binary).expect(200);
    const { rows } = await readXlsx(res.body as Buffer);
    const names = rows.map((r) => r[1]);
    for (const name of risky) {
      expect(names).toContain(`'${name}`);
      expect(names).not.toContain(name);
    }
    const before = await members();
    const report = await importOk(district, 'commit', res.body as Buffer, 'roster-back.xlsx');
    expect(report.counts).toEqual({ create: 0, update: 0, unchanged: before.length, transfer: 0, error: 0 });
    expect(await members()).toEqual(before);
    expect(before.filter((m) => risky.includes(m.name)).map((m) => m.name).sort()).toEqual([...risky].sort());
  });
});
