import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { adminMe, dryRunReport, mockFetch, serve, type FetchCall } from '../../testing/fixtures';
import RosterImportPage from './index';

const IMPORT = '/api/v1/roster/import';

function chooseFile(container: HTMLElement, name = 'roster.csv'): File {
  const input = container.querySelector<HTMLInputElement>('.roster-upload input[type="file"]');
  if (!input) throw new Error('no file input');
  expect(input.accept).toBe('.xlsx,.csv');
  const file = new File(['姓名,手机号,单位\n王小明,13900000002,区发展和改革局\n'], name, { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  return file;
}

function texts(container: HTMLElement, selector: string): string[] {
  return Array.from(container.querySelectorAll(selector)).map((node) => node.textContent ?? '');
}

function commitReport() {
  const report = dryRunReport({ mode: 'commit', importId: 'imp-1' });
  report.rows = report.rows.map((row) => (row.outcome === 'transfer' ? { ...row, transferApplied: true } : row));
  return report;
}

describe('RosterImportPage', () => {
  it('uploads the chosen file for a dry run and shows counts, columns, and rows with errors first', async () => {
    serve({});
    const calls = mockFetch(() => ({ status: 200, body: dryRunReport() }));
    const { container } = render(<RosterImportPage />);

    await screen.findByText('选择文件');
    const file = chooseFile(container);
    expect(await screen.findByText('已选择：roster.csv（1 KB）')).toBeTruthy();

    fireEvent.click(screen.getByText('预检（不会写入数据）'));
    await screen.findByText('预检结果');

    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.url).toBe(`${IMPORT}?mode=dry_run`);
    expect(call.method).toBe('POST');
    expect(call.headers.Authorization).toBe('Bearer token-1');
    expect(call.headers['Idempotency-Key']).toBeTruthy();
    expect((call.body?.get('file') as File).name).toBe(file.name);
    expect(call.body?.has('confirmTransfers')).toBe(false);

    const summary = container.querySelector('.roster-summary');
    expect(summary?.textContent).toContain('共 4 行');
    expect(summary?.textContent).toContain('文件：roster.csv');
    expect(texts(container, '.roster-count')).toEqual(['1有错误', '1转单位', '1新增', '0更新', '1无变化']);
    expect(summary?.textContent).toContain('识别的列：姓名→姓名、手机号→手机号、单位→单位');
    expect(summary?.textContent).toContain('未使用的列：备注');

    const rows = Array.from(container.querySelectorAll('.roster-row'));
    expect(rows.map((row) => row.querySelector('.roster-row__number')?.textContent)).toEqual(['第 4 行', '第 5 行', '第 2 行', '第 3 行']);
    expect(rows[0].classList.contains('roster-row--error')).toBe(true);
    expect(container.querySelectorAll('.roster-row--error')).toHaveLength(1);
    expect(texts(container, '.roster-issue')).toEqual(['手机号：手机号格式不正确', '单位：单位不存在']);
    expect(rows[1].textContent).toContain('原单位：区税务局');

    fireEvent.click(screen.getByText('仅看错误 1'));
    expect(container.querySelectorAll('.roster-row')).toHaveLength(1);
    expect(container.querySelector('.roster-row')?.textContent).toContain('赵错误');
    fireEvent.click(screen.getByText('全部 4'));
    expect(container.querySelectorAll('.roster-row')).toHaveLength(4);

    // A transfer is not applied until ticked: the plan says so.
    expect(container.querySelector('.roster-plan')?.textContent).toBe(
      '将新增 1 人、更新 0 人、转单位 0 人。有错误的 1 行和未勾选的 1 个转单位不会导入。',
    );
  });

  it('commits the same file with the ticked transfers after confirmation, then shows the result', async () => {
    serve({});
    const calls = mockFetch((call) => ({
      status: 200,
      body: call.url.endsWith('mode=commit') ? commitReport() : dryRunReport(),
    }));
    const { container } = render(<RosterImportPage />);
    await screen.findByText('选择文件');
    const file = chooseFile(container);
    fireEvent.click(screen.getByText('预检（不会写入数据）'));
    await screen.findByText('预检结果');

    const transfer = container.querySelector('.roster-transfer');
    expect(transfer?.textContent).toContain('第 5 行 · 李调动');
    expect(transfer?.textContent).toContain('区税务局 → 区发展和改革局');
    expect(transfer?.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(transfer as Element);
    expect(container.querySelector('.roster-transfer')?.getAttribute('aria-checked')).toBe('true');
    expect(container.querySelector('.roster-plan')?.textContent).toBe('将新增 1 人、更新 0 人、转单位 1 人。有错误的 1 行不会导入。');

    // Cancelling the confirmation sends nothing.
    taroMock.modalConfirms = false;
    fireEvent.click(container.querySelector('.roster-commit') as Element);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(calls).toHaveLength(1);
    expect(container.querySelector('.roster-summary--dry_run')).not.toBeNull();

    taroMock.modalConfirms = true;
    fireEvent.click(container.querySelector('.roster-commit') as Element);
    await screen.findByText('导入结果');

    expect(calls).toHaveLength(2);
    const commit = calls[1] as FetchCall;
    expect(commit.url).toBe(`${IMPORT}?mode=commit`);
    expect(commit.body?.get('confirmTransfers')).toBe('[5]');
    expect((commit.body?.get('file') as File).name).toBe(file.name);
    expect(commit.headers['Idempotency-Key']).not.toBe(calls[0].headers['Idempotency-Key']);
    expect(container.querySelector('.roster-summary--commit')).not.toBeNull();
    expect(container.querySelector('.roster-commit')).toBeNull();
    expect(taroMock.toasts).toContain('导入完成');
  });

  it('sends an empty list when no transfer is ticked, and retries a failed commit with the same key', async () => {
    serve({});
    let failCommit = true;
    const calls = mockFetch((call) => {
      if (!call.url.endsWith('mode=commit')) return { status: 200, body: dryRunReport() };
      if (failCommit) return { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } };
      return { status: 200, body: commitReport() };
    });
    const { container } = render(<RosterImportPage />);
    await screen.findByText('选择文件');
    chooseFile(container);
    fireEvent.click(screen.getByText('预检（不会写入数据）'));
    await screen.findByText('预检结果');

    fireEvent.click(container.querySelector('.roster-commit') as Element);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    expect(calls[1].body?.get('confirmTransfers')).toBe('[]');

    failCommit = false;
    fireEvent.click(container.querySelector('.roster-commit') as Element);
    await screen.findByText('导入结果');
    expect(calls).toHaveLength(3);
    expect(calls[2].headers['Idempotency-Key']).toBe(calls[1].headers['Idempotency-Key']);
  });

  it('retries a dry run that got no answer with the same key, and checks afresh after a success', async () => {
    serve({});
    let offline = true;
    const calls = mockFetch(() => {
      if (offline) throw new Error('offline');
      return { status: 200, body: dryRunReport() };
    });
    const { container } = render(<RosterImportPage />);
    await screen.findByText('选择文件');
    chooseFile(container);

    fireEvent.click(screen.getByText('预检（不会写入数据）'));
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeTruthy();
    offline = false;
    fireEvent.click(screen.getByText('预检（不会写入数据）'));
    await screen.findByText('预检结果');
    fireEvent.click(screen.getByText('重新预检'));
    await waitFor(() => expect(calls).toHaveLength(3));

    const keys = calls.map((call) => call.headers['Idempotency-Key']);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('shows why the file was refused beside the file, and takes it away when another file is chosen', async () => {
    serve({});
    mockFetch(() => ({
      status: 400,
      body: {
        code: 'ROSTER_FILE_INVALID',
        message: '名册中未找到手机号列，请检查表头（第一行）后重新上传',
        details: [{ field: 'phone', message: '未找到“手机号”列（可用列名：手机号、手机号码、手机、联系电话、电话）' }],
      },
    }));
    const { container } = render(<RosterImportPage />);
    await screen.findByText('选择文件');
    chooseFile(container);
    fireEvent.click(screen.getByText('预检（不会写入数据）'));

    const beside = await screen.findByText('未找到“手机号”列（可用列名：手机号、手机号码、手机、联系电话、电话）');
    expect(beside.closest('.roster-steps')?.querySelector('.roster-upload')).not.toBeNull();
    // Every problem is the file's, so no banner repeats it.
    expect(container.querySelector('.roster-error')).toBeNull();
    expect(container.querySelector('.roster-summary')).toBeNull();

    chooseFile(container, 'roster-fixed.csv');
    expect(screen.queryByText('未找到“手机号”列（可用列名：手机号、手机号码、手机、联系电话、电话）')).toBeNull();
  });

  it('refuses a file of another type before uploading it', async () => {
    serve({});
    const calls = mockFetch(() => ({ status: 200, body: dryRunReport() }));
    const { container } = render(<RosterImportPage />);
    await screen.findByText('选择文件');
    chooseFile(container, 'roster.xls');

    expect(taroMock.toasts).toContain('请选择 xlsx 或 csv 格式的文件');
    expect(screen.queryByText('预检（不会写入数据）')).toBeNull();
    expect(calls).toHaveLength(0);
  });

  it('exports the roster with masked phones unless full numbers are ticked, saving it under the server’s name', async () => {
    serve({});
    const calls = mockFetch(() => ({
      status: 200,
      body: 'xlsx',
      headers: { 'Content-Disposition': "attachment; filename=\"roster.xlsx\"; filename*=UTF-8''%E5%85%9A%E5%91%98%E5%90%8D%E5%86%8C.xlsx" },
    }));
    const saved: string[] = [];
    Object.assign(URL, { createObjectURL: () => 'blob:roster', revokeObjectURL: () => undefined });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const { container } = render(<RosterImportPage />);
    await screen.findByText('选择文件');

    fireEvent.click(container.querySelector('.roster-export') as Element);
    await waitFor(() => expect(saved).toEqual(['党员名册.xlsx']));
    expect(calls[0].url).toBe('/api/v1/roster/export?phones=masked');
    expect(calls[0].method).toBe('GET');
    expect(calls[0].headers.Authorization).toBe('Bearer token-1');

    fireEvent.click(container.querySelector('.roster-option') as Element);
    fireEvent.click(container.querySelector('.roster-export') as Element);
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(calls[1].url).toBe('/api/v1/roster/export?phones=full');
    click.mockRestore();
  });

  it('is only for organizers', async () => {
    serve({}, adminMe());
    const { container } = render(<RosterImportPage />);
    expect(await screen.findByText('导入名册由组织者负责，请使用组织者账号登录。')).toBeTruthy();
    expect(container.querySelector('.roster-upload')).toBeNull();
  });
});
