import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { saveToken } from '@/services/session';
import { dayKey } from '../../shared/dates';
import { detailFixture, ok, pageOf, refusal, requestsTo, serve, typeIntoInput, typeIntoTextArea, visitFixture } from '../../testing/fixtures';
import VisitsPage from './index';

const VISITS = '/api/v1/visits';

describe('VisitsPage', () => {
  beforeEach(() => saveToken('token-1', 3600));

  it('lists my visits with their activity and day', async () => {
    serve({ [`GET ${VISITS}`]: () => ok(pageOf([visitFixture()])) });
    const { container } = render(<VisitsPage />);
    expect(await screen.findByText('李家村三组王大爷家')).toBeTruthy();
    expect(container.querySelector('.visit-item__activity')?.textContent).toBe('返乡走亲 · 春节返乡走亲');
    expect(container.querySelector('.visit-item__date')?.textContent).toBe('2026年2月10日');
  });

  it('records a visit for the activity it was opened from, checking the place and date first', async () => {
    taroMock.loadOptions = { activityId: 'a2' };
    let items = [] as ReturnType<typeof visitFixture>[];
    serve({
      'GET /api/v1/activities/a2': () => ok(detailFixture({ id: 'a2', kind: 'return_home', subKind: null, title: '春节返乡走亲' })),
      [`GET ${VISITS}`]: () => ok(pageOf(items)),
      [`POST ${VISITS}`]: () => {
        items = [visitFixture({ id: 'v9', place: '张家湾', visitedOn: dayKey(new Date()) })];
        return ok(items[0], 201);
      },
    });
    const { container } = render(<VisitsPage />);
    expect(await screen.findByText('记在活动“春节返乡走亲”下')).toBeTruthy();
    expect(await screen.findByText('还没有走访记录')).toBeTruthy();

    typeIntoInput(container, 'visits-form__date', '2999-01-01');
    fireEvent.click(container.querySelector('.visits-form__submit') as HTMLElement);
    expect(await screen.findByText('请填写走访的住户或村组')).toBeTruthy();
    expect(screen.getByText('走访日期不能晚于今天')).toBeTruthy();
    expect(requestsTo('POST', VISITS)).toHaveLength(0);

    typeIntoInput(container, 'visits-form__place', '张家湾');
    typeIntoInput(container, 'visits-form__date', dayKey(new Date()));
    typeIntoTextArea(container, 'visits-form__note', '帮忙联系了村医');
    fireEvent.click(container.querySelector('.visits-form__submit') as HTMLElement);

    await waitFor(() => expect(requestsTo('POST', VISITS)).toHaveLength(1));
    expect(requestsTo('POST', VISITS)[0]!.data).toEqual({ activityId: 'a2', place: '张家湾', visitedOn: dayKey(new Date()), note: '帮忙联系了村医' });
    expect(await screen.findByText('张家湾')).toBeTruthy();
    expect(taroMock.toasts).toContain('已记录走访');
  });

  it('shows the server’s field error beside its field', async () => {
    serve({
      [`GET ${VISITS}`]: () => ok(pageOf([])),
      [`POST ${VISITS}`]: () =>
        refusal(422, 'VALIDATION_FAILED', '请检查填写的内容', [{ field: 'visitedOn', message: '走访日期不能晚于今天' }]),
    });
    const { container } = render(<VisitsPage />);
    await screen.findByText('还没有走访记录');
    typeIntoInput(container, 'visits-form__place', '李家村');
    fireEvent.click(container.querySelector('.visits-form__submit') as HTMLElement);
    await waitFor(() => expect(container.querySelector('.visits-form__date .text-field__error')?.textContent).toBe('走访日期不能晚于今天'));
    expect(container.querySelector('.visits-form__message')).toBeNull();
  });
});
