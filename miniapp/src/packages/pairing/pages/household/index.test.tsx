import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { saveToken } from '@/services/session';
import { householdDetailFixture, householdVisitFixture, pageOf } from '../../testing/fixtures';
import { dayKey } from '../../shared/dates';
import HouseholdPage from './index';

function serve(detail = householdDetailFixture()) {
  taroMock.onRequest((request) => {
    if (request.url === '/api/v1/households/h1') return { statusCode: 200, data: detail };
    if (request.url.startsWith('/api/v1/visits?')) return { statusCode: 200, data: pageOf([householdVisitFixture()]) };
    if (request.url === '/api/v1/households/h1/contact') {
      return { statusCode: 200, data: { contactName: '王建华', phone: '13900000011', address: '向阳小区 3 号楼 501' } };
    }
    if (request.url === '/api/v1/visits' && request.method === 'POST') {
      return { statusCode: 201, data: householdVisitFixture({ id: 'v9', visitedOn: dayKey(new Date()) }) };
    }
    if (request.url === '/api/v1/pairings/p1/end') {
      return { statusCode: 200, data: { ...detail.pairings[0], status: 'ended', endedOn: '2026-12-01', endReason: '住户已搬离' } };
    }
    throw new Error(`unexpected ${request.method} ${request.url}`);
  });
}

describe('HouseholdPage', () => {
  beforeEach(() => {
    saveToken('token-1', 3600);
    taroMock.loadOptions = { id: 'h1' };
  });

  it('shows the household masked with its visits, and the full contact in place once asked for', async () => {
    serve();
    const { container } = render(<HouseholdPage />);

    expect(await screen.findByText('王**')).toBeTruthy();
    expect(await screen.findByText('老人身体还好')).toBeTruthy();
    expect(taroMock.requests.map((r) => r.url)).toContain('/api/v1/visits?householdId=h1&page=1&pageSize=10');

    fireEvent.click(screen.getByText('查看完整联系方式'));

    expect(await screen.findByText('13900000011')).toBeTruthy();
    expect(container.querySelector('.household-details__name')!.textContent).toContain('王建华');
    expect(screen.getByText('查看记录已留存')).toBeTruthy();
    expect(screen.queryByText('查看完整联系方式')).toBeNull();
    const contact = taroMock.requests.find((r) => r.url === '/api/v1/households/h1/contact')!;
    expect(contact.method).toBe('POST');
    expect(contact.header['Idempotency-Key']).toBeTruthy();
  });

  it('records a visit of the household and then offers to register a residents’ problem from it', async () => {
    serve();
    render(<HouseholdPage />);
    await screen.findByText('王**');
    expect((screen.getByDisplayValue('结对户走访') as HTMLInputElement).value).toBe('结对户走访');

    fireEvent.click(document.querySelector('.household-visit-form__submit')!);

    const link = await screen.findByText('走访中遇到群众反映的问题？登记群众问题 ›');
    const post = taroMock.requests.find((r) => r.url === '/api/v1/visits' && r.method === 'POST')!;
    expect(post.data).toEqual({ householdId: 'h1', visitedOn: dayKey(new Date()), place: '结对户走访' });

    fireEvent.click(link);
    expect(taroMock.navigations.at(-1)!.url).toBe('/packages/problems/pages/new/index?visitId=v9');
  });

  it('has no visit form nor contact button when the server says the caller may not', async () => {
    serve(householdDetailFixture({ mayVisit: false, mayReadContact: false }));
    render(<HouseholdPage />);
    await screen.findByText('王**');
    expect(screen.queryByText('查看完整联系方式')).toBeNull();
    expect(screen.queryByText('记录走访')).toBeNull();
  });

  it('ends a pairing with a reason', async () => {
    serve();
    render(<HouseholdPage />);
    await screen.findByText('王**');

    fireEvent.click(screen.getByText('结束结对'));
    const dialog = document.querySelector('.reason-dialog') as HTMLElement;
    fireEvent.click(dialog.querySelector('.reason-dialog__submit')!);
    expect(dialog.textContent).toContain('请写明结束结对的原因');
    expect(taroMock.requests.some((r) => r.url === '/api/v1/pairings/p1/end')).toBe(false);

    fireEvent(dialog.querySelector('taro-textarea-core')!, new CustomEvent('input', { detail: { value: '住户已搬离' } }));
    fireEvent.click(dialog.querySelector('.reason-dialog__submit')!);

    await waitFor(() => expect(document.querySelector('.reason-dialog')).toBeNull());
    expect(taroMock.requests.find((r) => r.url === '/api/v1/pairings/p1/end')!.data).toEqual({ reason: '住户已搬离' });
  });
});
