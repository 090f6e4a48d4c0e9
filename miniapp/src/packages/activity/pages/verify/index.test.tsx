import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CertificateVerification } from '@pioneer/shared-types';
import { taroMock } from '@test/taro-mock';
import { saveToken } from '@/services/session';
import { ok, refusal, requestsTo, serve, typeIntoInput } from '../../testing/fixtures';
import VerifyPage from './index';

const VERIFICATION: CertificateVerification = {
  serial: 'XF-2026-000123',
  valid: true,
  memberName: '李*',
  unitName: '区发展和改革局',
  from: '2026-01-01',
  to: '2026-12-31',
  activityCount: 3,
  serviceCount: 5,
  totalHours: 14.5,
  issuer: '中共示范区委机关工作委员会',
  issuedAt: '2026-03-20T02:00:00.000Z',
};

function value(container: HTMLElement, name: string): string | null | undefined {
  return container.querySelector(`.verify-result__${name} .activity-row__value`)?.textContent;
}

describe('VerifyPage', () => {
  it('works signed out: shows what the certificate of ?serial= states, the name masked', async () => {
    taroMock.loadOptions = { serial: 'XF-2026-000123' };
    serve({ 'GET /api/v1/public/certificates/XF-2026-000123': () => ok(VERIFICATION) });
    const { container } = render(<VerifyPage />);

    await waitFor(() => expect(container.querySelector('.verify-result')).not.toBeNull());
    expect(value(container, 'name')).toBe('李*');
    expect(value(container, 'unit')).toBe('区发展和改革局');
    expect(value(container, 'period')).toBe('2026年1月1日 至 2026年12月31日');
    expect(value(container, 'counts')).toBe('报到服务 5 次，参加活动 3 次');
    expect(value(container, 'total')).toBe('合计 14.5 小时');
    expect(value(container, 'issuer')).toBe('中共示范区委机关工作委员会');
    expect(value(container, 'date')).toBe('2026年3月20日');
    expect(taroMock.navigations).toEqual([]);
  });

  it('sends no token even when someone is signed in on the phone', async () => {
    saveToken('token-1', 3600);
    taroMock.loadOptions = { serial: 'XF-2026-000123' };
    serve({ 'GET /api/v1/public/certificates/XF-2026-000123': () => ok(VERIFICATION) });
    const { container } = render(<VerifyPage />);
    await waitFor(() => expect(container.querySelector('.verify-result')).not.toBeNull());
    const [request] = requestsTo('GET', '/api/v1/public/certificates/XF-2026-000123');
    expect(request!.header.Authorization ?? request!.header.authorization).toBeUndefined();
  });

  it('takes a typed serial and says when no certificate has it', async () => {
    serve({
      'GET /api/v1/public/certificates/XF-2026-999999': () => refusal(404, 'NOT_FOUND', '没有找到'),
      'GET /api/v1/public/certificates/XF-2026-000123': () => ok(VERIFICATION),
    });
    const { container } = render(<VerifyPage />);
    expect(requestsTo('GET', '/api/v1/public/certificates/XF-2026-999999')).toHaveLength(0);

    fireEvent.click(container.querySelector('.verify-form__submit') as HTMLElement);
    expect(await screen.findByText('请输入证明上的编号')).toBeTruthy();

    typeIntoInput(container, 'verify-form__serial', 'XF-2026-999999');
    fireEvent.click(container.querySelector('.verify-form__submit') as HTMLElement);
    expect(await screen.findByText('未找到该编号的证明')).toBeTruthy();

    typeIntoInput(container, 'verify-form__serial', 'XF-2026-000123');
    fireEvent.click(container.querySelector('.verify-form__submit') as HTMLElement);
    await waitFor(() => expect(value(container, 'serial')).toBe('XF-2026-000123'));
    expect(container.querySelector('.verify-missing')).toBeNull();
  });
});
