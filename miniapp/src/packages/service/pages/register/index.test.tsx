import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CommunityView, RegistrationView } from '@pioneer/shared-types';
import { taroMock } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { serviceContext } from '@/services/offline-queue';
import { saveToken } from '@/services/session';
import { COMMUNITY, MEMBER_ID, ok, pageOf, refusal, registrationFixture, requestsTo, serve, typeIntoInput } from '../../testing/fixtures';
import RegisterPage from './index';

const MINE = '/api/v1/registrations/mine';
const COMMUNITIES = '/api/v1/communities';

function community(id: string, name: string, streetName: string): CommunityView {
  return { id, name, streetId: 's1', streetName, address: `${name}路 1 号`, lat: 39.9, lng: 116.4, geofenceRadiusM: 300 };
}

const happy = community(COMMUNITY.id, COMMUNITY.name, '东城街道');
const peace = community('c2', '和平社区', '西城街道');

describe('RegisterPage', () => {
  beforeEach(() => {
    saveToken('token-1', 3600);
  });

  it('lets a member without a registration find a community by name, with its street, and apply', async () => {
    let mine: RegistrationView[] = [];
    serve({
      [`GET ${MINE}`]: () => ok(mine),
      [`GET ${COMMUNITIES}`]: (request) => ok(request.url.includes('q=') ? pageOf([peace], 1, 20) : pageOf([happy, peace], 1, 20)),
      'POST /api/v1/registrations': () => {
        mine = [registrationFixture({ community: { id: 'c2', name: '和平社区', streetName: '西城街道' }, status: 'pending', decidedAt: null, decidedBy: null })];
        return ok(mine[0], 201);
      },
    });
    const { container } = render(<RegisterPage />);

    await waitFor(() => expect(container.querySelectorAll('.register-community')).toHaveLength(2));
    expect(container.querySelector('.register-community')?.textContent).toContain('东城街道');
    expect(container.querySelector('.register-none')?.textContent).toContain('提交后由社区工作者审核');

    typeIntoInput(container, 'register-search', ' 和平 ');
    fireEvent.click(screen.getByText('搜索'));
    await waitFor(() => expect(container.querySelectorAll('.register-community')).toHaveLength(1));
    expect(requestsTo('GET', COMMUNITIES).pop()?.url).toBe(`${COMMUNITIES}?q=${encodeURIComponent('和平')}&page=1&pageSize=20`);

    fireEvent.click(container.querySelector('.register-community') as HTMLElement);

    await waitFor(() => expect(container.querySelector('.register-status--pending')).not.toBeNull());
    const [request] = requestsTo('POST', '/api/v1/registrations');
    expect(request.data).toEqual({ communityId: 'c2' });
    expect(request.header['Idempotency-Key']).toBeTruthy();
    expect(container.querySelector('.register-status--pending')?.textContent).toContain('待审核');
    expect(container.querySelector('.register-choose')).toBeNull();
  });

  it('asks before applying, and sends nothing when the member changes their mind', async () => {
    serve({ [`GET ${MINE}`]: () => ok([]), [`GET ${COMMUNITIES}`]: () => ok(pageOf([happy], 1, 20)) });
    const { container } = render(<RegisterPage />);
    await waitFor(() => expect(container.querySelector('.register-community')).not.toBeNull());

    taroMock.modalConfirms = false;
    fireEvent.click(container.querySelector('.register-community') as HTMLElement);

    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(requestsTo('POST', '/api/v1/registrations')).toHaveLength(0);
  });

  it('shows why a registration was not approved, and lets the member choose again', async () => {
    serve({
      [`GET ${MINE}`]: () => ok([registrationFixture({ status: 'rejected', reason: '您不住在本社区，请选择居住地所在社区' })]),
      [`GET ${COMMUNITIES}`]: () => ok(pageOf([happy], 1, 20)),
    });
    const { container } = render(<RegisterPage />);

    await waitFor(() => expect(container.querySelector('.register-status--rejected')).not.toBeNull());
    expect(container.querySelector('.register-status__reason')?.textContent).toBe('原因：您不住在本社区，请选择居住地所在社区');
    expect(container.querySelector('.register-choose')).not.toBeNull();
  });

  it('shows the server’s message when a registration already exists', async () => {
    serve({
      [`GET ${MINE}`]: () => ok([]),
      [`GET ${COMMUNITIES}`]: () => ok(pageOf([happy], 1, 20)),
      'POST /api/v1/registrations': () =>
        refusal(409, 'REGISTRATION_ACTIVE_EXISTS', '您已有一个待审核或已通过的报到社区，如需更换请先结束原报到关系'),
    });
    const { container } = render(<RegisterPage />);
    await waitFor(() => expect(container.querySelector('.register-community')).not.toBeNull());

    fireEvent.click(container.querySelector('.register-community') as HTMLElement);

    expect(await screen.findByText('您已有一个待审核或已通过的报到社区，如需更换请先结束原报到关系')).toBeTruthy();
  });

  it('shows the server’s refusal of an end reason beside the reason, and takes it away once the reason is edited', async () => {
    const refused = '原因不能超过 200 个字';
    serve({
      [`GET ${MINE}`]: () => ok([registrationFixture()]),
      [`GET ${COMMUNITIES}`]: () => ok(pageOf([happy], 1, 20)),
      'POST /api/v1/registrations/r1/end': () =>
        refusal(400, 'VALIDATION_FAILED', '提交的内容有误，请按提示修改后再试', [{ field: 'reason', message: refused }]),
    });
    const { container } = render(<RegisterPage />);
    await waitFor(() => expect(container.querySelector('.register-status--approved')).not.toBeNull());
    fireEvent.click(screen.getByText('搬家了，结束报到'));
    typeIntoInput(container, 'register-end-form__reason', '搬到外地了');
    fireEvent.click(screen.getByText('确认结束报到'));

    await waitFor(() => expect(container.querySelector('.register-end-form__reason .text-field__error')?.textContent).toBe(refused));
    // Shown once, beside its field: no banner repeats it or the generic sentence.
    expect(container.querySelector('.register-problem')).toBeNull();

    typeIntoInput(container, 'register-end-form__reason', '搬家了');
    expect(container.querySelector('.register-end-form__reason .text-field__error')).toBeNull();
  });

  it('ends an approved registration after moving house, with the reason, keeping it as history', async () => {
    let mine = [registrationFixture()];
    serve({
      [`GET ${MINE}`]: () => ok(mine),
      [`GET ${COMMUNITIES}`]: () => ok(pageOf([happy, peace], 1, 20)),
      'POST /api/v1/registrations/r1/end': () => {
        mine = [registrationFixture({ status: 'ended', reason: '搬家了', endedAt: '2026-03-10T02:00:00.000Z' })];
        return ok(mine[0]);
      },
    });
    const { container } = render(<RegisterPage />);
    await waitFor(() => expect(container.querySelector('.register-status--approved')).not.toBeNull());
    expect(serviceContext()).toEqual({ memberId: MEMBER_ID, community: COMMUNITY });

    fireEvent.click(screen.getByText('签到服务'));
    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.serviceCheckin }]);

    fireEvent.click(screen.getByText('搬家了，结束报到'));
    typeIntoInput(container, 'register-end-form__reason', ' ');
    fireEvent.click(screen.getByText('确认结束报到'));
    expect(await screen.findByText('请填写原因（至少 2 个字）')).toBeTruthy();

    typeIntoInput(container, 'register-end-form__reason', '搬家了');
    fireEvent.click(screen.getByText('确认结束报到'));

    await waitFor(() => expect(container.querySelector('.register-history-item')).not.toBeNull());
    expect(requestsTo('POST', '/api/v1/registrations/r1/end')[0].data).toEqual({ reason: '搬家了' });
    expect(container.querySelector('.register-history-item')?.textContent).toContain('原因：搬家了');
    expect(container.querySelector('.register-choose')).not.toBeNull();
    // The phone no longer offers checking in at the old community while offline.
    expect(serviceContext()?.community).toBeNull();
  });
});
