import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { saveToken } from '@/services/session';
import { dayKey } from '../../shared/dates';
import { certificateFixture, ok, pageOf, refusal, requestsTo, serve, typeIntoInput } from '../../testing/fixtures';
import CertificatePage from './index';

const MINE = '/api/v1/me/certificates';

describe('CertificatePage', () => {
  beforeEach(() => saveToken('token-1', 3600));

  it('issues one for this year by default and shows it as the document, with its verify code', async () => {
    let issued: ReturnType<typeof certificateFixture>[] = [];
    serve({
      [`GET ${MINE}`]: () => ok(pageOf(issued)),
      [`POST ${MINE}`]: () => {
        issued = [certificateFixture()];
        return ok(issued[0], 201);
      },
    });
    const { container } = render(<CertificatePage />);
    expect(await screen.findByText('还没有开具过证明')).toBeTruthy();
    fireEvent.click(container.querySelector('.certificate-form__submit') as HTMLElement);

    await waitFor(() => expect(requestsTo('POST', MINE)).toHaveLength(1));
    const year = new Date().getFullYear();
    expect(requestsTo('POST', MINE)[0]!.data).toEqual({ from: `${year}-01-01`, to: dayKey(new Date()) });
    await waitFor(() => expect(container.querySelector('.certificate-document')).not.toBeNull());
    const doc = container.querySelector('.certificate-document') as HTMLElement;
    expect(doc.querySelector('.certificate-document__title')?.textContent).toBe('报到服务证明');
    expect(doc.querySelector('.certificate-document__serial')?.textContent).toBe('编号：XF-2026-000123');
    expect(doc.querySelector('.certificate-document__body')?.textContent).toContain('兹证明 李明（区发展和改革局）于 2026年1月1日 至 2026年12月31日');
    expect(doc.querySelectorAll('.certificate-document__line')).toHaveLength(2);
    expect(doc.querySelector('.certificate-document__total')?.textContent).toBe('4 小时');
    expect(doc.querySelector('.certificate-document__issuer')?.textContent).toBe('出具单位：中共示范区委机关工作委员会');
    expect(doc.querySelector('.certificate-document__date')?.textContent).toBe('出具日期：2026年3月20日');
    expect(doc.querySelector('.certificate-document__verify-text')?.textContent).toBe('可在先锋报到扫码或打开验证页核验编号');
    expect(doc.querySelector('.qr-code')?.getAttribute('aria-label')).toBe('核验编号 XF-2026-000123 的二维码');
    expect(await screen.findByText('4 小时 · 编号 XF-2026-000123')).toBeTruthy();

    fireEvent.click(screen.getByText('打开验证页'));
    expect(taroMock.navigations.at(-1)?.url).toBe('/packages/activity/pages/verify/index?serial=XF-2026-000123');
  });

  it('checks the dates before sending and shows the server’s field error beside its field', async () => {
    serve({
      [`GET ${MINE}`]: () => ok(pageOf([])),
      [`POST ${MINE}`]: () => refusal(422, 'VALIDATION_FAILED', '请检查填写的内容', [{ field: 'from', message: '开始日期不能晚于今天' }]),
    });
    const { container } = render(<CertificatePage />);
    await screen.findByText('还没有开具过证明');
    typeIntoInput(container, 'certificate-form__from', '2026-05-01');
    typeIntoInput(container, 'certificate-form__to', '2026-04-01');
    fireEvent.click(container.querySelector('.certificate-form__submit') as HTMLElement);
    expect(await screen.findByText('结束日期不能早于开始日期')).toBeTruthy();
    typeIntoInput(container, 'certificate-form__to', '2030-04-01');
    fireEvent.click(container.querySelector('.certificate-form__submit') as HTMLElement);
    expect(await screen.findByText('一份证明最多包括 3 年')).toBeTruthy();
    expect(requestsTo('POST', MINE)).toHaveLength(0);

    typeIntoInput(container, 'certificate-form__to', '2026-06-01');
    fireEvent.click(container.querySelector('.certificate-form__submit') as HTMLElement);
    await waitFor(() => expect(container.querySelector('.certificate-form__from .text-field__error')?.textContent).toBe('开始日期不能晚于今天'));
  });

  it('shows one issued earlier when tapped', async () => {
    serve({ [`GET ${MINE}`]: () => ok(pageOf([certificateFixture({ serial: 'XF-2025-000007', from: '2025-01-01', to: '2025-12-31' })])) });
    const { container } = render(<CertificatePage />);
    fireEvent.click(await screen.findByText('2025年1月1日 至 2025年12月31日'));
    await waitFor(() => expect(container.querySelector('.certificate-document__serial')?.textContent).toBe('编号：XF-2025-000007'));
  });
});
