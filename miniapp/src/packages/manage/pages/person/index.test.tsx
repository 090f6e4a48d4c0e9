import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MemberHistoryEntry, MemberView } from '@pioneer/shared-types';
import { taroMock } from '@test/taro-mock';
import { toViewer } from '../../shared/use-viewer';
import { adminMe, memberFixture, organizerMe, pageOf, requestsTo, serve, unitFixture } from '../../testing/fixtures';
import { PersonView } from './index';

const MEMBER = '/api/v1/members/m1';
const HISTORY: MemberHistoryEntry[] = [
  { at: '2026-03-05T06:07:00.000Z', kind: 'unit', summary: '由区税务局转入区发展和改革局', actorName: '陈明' },
];

function texts(container: HTMLElement, selector: string): string[] {
  return Array.from(container.querySelectorAll(selector)).map((node) => node.textContent ?? '');
}

function servePerson(member: MemberView, extra: Parameters<typeof serve>[0] = {}) {
  let current = member;
  serve({
    [`GET ${MEMBER}`]: () => ({ statusCode: 200, data: current }),
    [`GET ${MEMBER}/history`]: () => ({ statusCode: 200, data: HISTORY }),
    [`GET ${MEMBER}/phone`]: () => ({ statusCode: 200, data: { phone: '13800000001' } }),
    '/api/v1/units': () => ({
      statusCode: 200,
      data: pageOf([unitFixture(), unitFixture({ id: 'u2', name: '区税务局', code: 'JG002', branches: [{ id: 'b9', name: '征管支部' }] })]),
    }),
    ...extra,
  });
  return {
    set(next: MemberView) {
      current = next;
    },
  };
}

describe('PersonView', () => {
  it('shows the profile with a masked phone and asks for the full number only on 查看完整号码', async () => {
    servePerson(memberFixture());
    const { container } = render(<PersonView memberId="m1" viewer={toViewer(organizerMe())} />);

    expect(await screen.findByText('张建国')).toBeTruthy();
    expect(container.querySelector('.person-phone__number')?.textContent).toBe('138****0001');
    expect(container.querySelector('.person-unit')?.textContent).toBe('单位区发展和改革局');
    expect(container.querySelector('.person-wechat')?.textContent).toBe('微信已绑定');
    expect(await screen.findByText('由区税务局转入区发展和改革局')).toBeTruthy();
    expect(screen.getByText('办理人：陈明')).toBeTruthy();
    expect(requestsTo(`${MEMBER}/phone`)).toHaveLength(0);

    fireEvent.click(screen.getByText('查看完整号码'));
    await waitFor(() => expect(container.querySelector('.person-phone__number')?.textContent).toBe('13800000001'));
    expect(requestsTo(`${MEMBER}/phone`)).toHaveLength(1);
    expect(screen.getByText('本次查看已记录在案')).toBeTruthy();
  });

  it('transfers to another unit and branch with a reason, after confirmation', async () => {
    const person = servePerson(memberFixture(), {
      [`POST ${MEMBER}/transfer`]: (request) => {
        person.set(memberFixture({ unit: { id: 'u2', name: '区税务局' }, branch: { id: 'b9', name: '征管支部' } }));
        return { statusCode: 200, data: request.data };
      },
    });
    const { container } = render(<PersonView memberId="m1" viewer={toViewer(organizerMe())} />);
    await screen.findByText('张建国');

    fireEvent.click(screen.getByText('转单位'));
    fireEvent.click(screen.getAllByText('转单位').pop() as Element);
    expect(await screen.findByText('请选择调入单位')).toBeTruthy();
    expect(screen.getByText('请填写调动原因')).toBeTruthy();
    expect(requestsTo(`${MEMBER}/transfer`)).toHaveLength(0);

    fireEvent.click(container.querySelector('.person-transfer__unit .select-field__control') as Element);
    fireEvent.click(await screen.findByText('区税务局'));
    fireEvent.click(container.querySelector('.person-transfer__branch .select-field__control') as Element);
    fireEvent.click(screen.getByText('征管支部'));
    fireEvent.input(container.querySelector('.person-transfer__reason input') as Element, { target: { value: '工作调动' } });
    fireEvent.click(container.querySelector('.person-transfer .person-form__submit') as Element);

    await waitFor(() => expect(requestsTo(`${MEMBER}/transfer`)).toHaveLength(1));
    expect(requestsTo(`${MEMBER}/transfer`)[0].data).toEqual({ toUnitId: 'u2', toBranchId: 'b9', reason: '工作调动' });
    await waitFor(() => expect(container.querySelector('.person-unit')?.textContent).toBe('单位区税务局'));
    expect(taroMock.toasts).toContain('已转单位');
    expect(container.querySelector('.person-transfer')).toBeNull();
  });

  it('shows the server’s field message beside the field', async () => {
    servePerson(memberFixture(), {
      [`POST ${MEMBER}/status`]: () => ({
        statusCode: 400,
        data: { code: 'VALIDATION_FAILED', message: '提交的内容有误', details: [{ field: 'reason', message: '原因不能超过 200 个字' }] },
      }),
    });
    const { container } = render(<PersonView memberId="m1" viewer={toViewer(organizerMe())} />);
    await screen.findByText('张建国');

    fireEvent.click(screen.getByText('标记退休 / 离开'));
    fireEvent.click(container.querySelector('.person-status__choice .select-field__control') as Element);
    fireEvent.click(screen.getByText('标记为已退休'));
    fireEvent.input(container.querySelector('.person-status__reason input') as Element, { target: { value: '到龄退休' } });
    fireEvent.click(container.querySelector('.person-status .person-form__submit') as Element);

    expect(await screen.findByText('原因不能超过 200 个字')).toBeTruthy();
    expect(requestsTo(`${MEMBER}/status`)[0].data).toEqual({ status: 'retired', reason: '到龄退休' });
    expect(container.querySelector('.person-status__reason .text-field__error')?.textContent).toBe('原因不能超过 200 个字');
  });

  it('shows a new invite code once, and offers no unbinding when WeChat is not bound', async () => {
    servePerson(memberFixture({ wechatBound: false, status: 'invited' }), {
      [`POST ${MEMBER}/invite-code`]: () => ({ statusCode: 200, data: { inviteCode: 'K7P2QX', expiresIn: 259_200 } }),
    });
    const { container } = render(<PersonView memberId="m1" viewer={toViewer(organizerMe())} />);
    await screen.findByText('张建国');
    expect(screen.queryByText('解除微信绑定')).toBeNull();

    fireEvent.click(screen.getByText('生成邀请码'));
    expect(await screen.findByText('K7P2QX')).toBeTruthy();
    expect(screen.getByText('邀请码仅显示一次')).toBeTruthy();
    expect(container.querySelector('.person-invite')?.textContent).toContain('3 天内有效');
    fireEvent.click(screen.getByText('我已记下'));
    expect(screen.queryByText('K7P2QX')).toBeNull();
  });

  it('unbinds only after confirmation', async () => {
    const person = servePerson(memberFixture(), {
      [`POST ${MEMBER}/unbind`]: () => {
        person.set(memberFixture({ wechatBound: false }));
        return { statusCode: 204 };
      },
    });
    const { container } = render(<PersonView memberId="m1" viewer={toViewer(organizerMe())} />);
    await screen.findByText('张建国');

    taroMock.modalConfirms = false;
    fireEvent.click(screen.getByText('解除微信绑定'));
    await waitFor(() => expect(screen.getByText('解除微信绑定')).toBeTruthy());
    expect(requestsTo(`${MEMBER}/unbind`)).toHaveLength(0);

    taroMock.modalConfirms = true;
    fireEvent.click(screen.getByText('解除微信绑定'));
    await waitFor(() => expect(container.querySelector('.person-wechat')?.textContent).toBe('微信未绑定'));
    expect(requestsTo(`${MEMBER}/unbind`)).toHaveLength(1);
    expect(taroMock.toasts).toContain('已解除绑定');
  });

  it('lets an admin grant a role with its scope and revoke one; an organizer only sees them', async () => {
    const person = servePerson(memberFixture(), {
      [`POST ${MEMBER}/roles`]: (request) => {
        person.set(
          memberFixture({
            roles: [
              { id: 'r1', role: 'member', scopeKind: 'self', scopeId: null, scopeName: '本人' },
              { id: 'r2', role: 'organizer', scopeKind: 'unit', scopeId: 'u2', scopeName: '区税务局' },
            ],
          }),
        );
        return { statusCode: 201, data: request.data };
      },
      [`DELETE ${MEMBER}/roles/r1`]: () => ({ statusCode: 204 }),
    });
    const { container, unmount } = render(<PersonView memberId="m1" viewer={toViewer(adminMe())} />);
    await screen.findByText('张建国');

    fireEvent.click(screen.getByText('授予角色'));
    fireEvent.click(container.querySelector('.person-role-form__role .select-field__control') as Element);
    fireEvent.click(screen.getByText('组织者'));
    fireEvent.click(container.querySelector('.person-role-form__kind .select-field__control') as Element);
    expect(texts(container, '.person-role-form__kind .select-field__option')).toEqual(['支部', '单位', '全区']);
    fireEvent.click(within(container.querySelector('.person-role-form__kind') as HTMLElement).getByText('单位'));
    fireEvent.click(container.querySelector('.person-role-form__target .select-field__control') as Element);
    fireEvent.click(await screen.findByText('区税务局'));
    fireEvent.click(container.querySelector('.person-role-form .person-form__submit') as Element);

    await waitFor(() => expect(requestsTo(`${MEMBER}/roles`)).toHaveLength(1));
    expect(requestsTo(`${MEMBER}/roles`)[0].data).toEqual({ role: 'organizer', scopeKind: 'unit', scopeId: 'u2' });
    expect(await screen.findByText('组织者 · 区税务局')).toBeTruthy();
    // A member's own role reads plainly, without "· 本人".
    expect(texts(container, '.person-role__label')).toEqual(['党员', '组织者 · 区税务局']);

    fireEvent.click(container.querySelector('.person-role__revoke') as Element);
    await waitFor(() => expect(requestsTo(`${MEMBER}/roles/r1`)).toHaveLength(1));
    expect(requestsTo(`${MEMBER}/roles/r1`)[0].method).toBe('DELETE');
    unmount();

    render(<PersonView memberId="m1" viewer={toViewer(organizerMe())} />);
    await screen.findByText('张建国');
    expect(screen.queryByText('授予角色')).toBeNull();
    expect(screen.queryByText('撤销')).toBeNull();
    expect(screen.getByText('角色由管理员授予和撤销。')).toBeTruthy();
  });

  it('says so when the member cannot be found', async () => {
    serve({
      [`GET ${MEMBER}`]: () => ({ statusCode: 404, data: { code: 'NOT_FOUND', message: '该党员不存在' } }),
      [`GET ${MEMBER}/history`]: () => ({ statusCode: 404, data: { code: 'NOT_FOUND', message: '该党员不存在' } }),
    });
    const { container } = render(<PersonView memberId="m1" viewer={toViewer(organizerMe())} />);
    expect(await screen.findByText('该党员不存在')).toBeTruthy();
    expect(container.querySelector('.person-error .state-view__retry')).not.toBeNull();
  });
});
