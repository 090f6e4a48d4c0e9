import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { UnitView } from '@pioneer/shared-types';
import { taroMock } from '@test/taro-mock';
import { adminMe, organizerMe, pageOf, requestsTo, serve, unitFixture } from '../../testing/fixtures';
import UnitsPage from './index';

const UNITS = '/api/v1/units';

function input(container: HTMLElement, selector: string): Element {
  const found = container.querySelector(`${selector} input, ${selector} textarea, ${selector} taro-textarea-core`);
  if (!found) throw new Error(`no input in ${selector}`);
  return found;
}

describe('UnitsPage', () => {
  it('lists units with kind, code, branches and brand, read-only for an organizer', async () => {
    serve({ [UNITS]: () => ({ statusCode: 200, data: pageOf([unitFixture(), unitFixture({ id: 'u2', name: '区税务局', brandName: null, branches: [] })]) }) }, organizerMe());
    const { container } = render(<UnitsPage />);

    await waitFor(() => expect(container.querySelectorAll('.unit-item')).toHaveLength(2));
    const first = container.querySelector('.unit-item')?.textContent ?? '';
    expect(first).toContain('区发展和改革局');
    expect(first).toContain('机关');
    expect(first).toContain('代码 JG001 · 党员 12 人');
    expect(first).toContain('支部：机关第一支部、机关第二支部');
    expect(first).toContain('党建品牌：红色引擎');
    expect(container.querySelectorAll('.unit-item')[1].textContent).toContain('支部：暂无');
    expect(screen.queryByText('新增单位')).toBeNull();
    expect(screen.queryByText('修改')).toBeNull();
    expect(screen.getByText('单位信息由管理员维护；如需修改，请联系管理员。')).toBeTruthy();
  });

  it('lets an admin add a unit with branches, showing the server’s field errors beside the fields', async () => {
    let units: UnitView[] = [unitFixture()];
    let attempts = 0;
    serve(
      {
        [`GET ${UNITS}`]: () => ({ statusCode: 200, data: pageOf(units) }),
        [`POST ${UNITS}`]: (request) => {
          attempts += 1;
          if (attempts === 1) return { statusCode: 409, data: { code: 'UNIT_CODE_TAKEN', message: '单位代码 JG001 已被其他单位使用' } };
          const body = request.data as { name: string; code: string };
          units = [...units, unitFixture({ id: 'u9', name: body.name, code: body.code, brandName: null, brandIntro: null, branches: [] })];
          return { statusCode: 201, data: units[1] };
        },
      },
      adminMe(),
    );
    const { container } = render(<UnitsPage />);
    await waitFor(() => expect(container.querySelectorAll('.unit-item')).toHaveLength(1));

    fireEvent.click(screen.getByText('新增单位'));
    fireEvent.click(screen.getByText('保存'));
    expect(screen.getByText('请填写单位名称')).toBeTruthy();
    expect(screen.getByText('请选择单位类别')).toBeTruthy();
    expect(requestsTo(UNITS).filter((request) => request.method === 'POST')).toHaveLength(0);

    fireEvent.input(input(container, '.unit-form__name'), { target: { value: ' 区教育局 ' } });
    fireEvent.click(container.querySelector('.unit-form__kind .select-field__control') as Element);
    fireEvent.click(screen.getByText('机关'));
    fireEvent.input(input(container, '.unit-form__code'), { target: { value: 'JG001' } });
    fireEvent.input(container.querySelector('.unit-form__branch input') as Element, { target: { value: '教育第一支部' } });
    fireEvent.click(screen.getByText('+ 添加支部'));
    fireEvent.input(container.querySelectorAll('.unit-form__branch input')[1], { target: { value: '教育第二支部' } });
    fireEvent.click(screen.getByText('保存'));

    expect(await screen.findByText('单位代码 JG001 已被其他单位使用')).toBeTruthy();
    expect(container.querySelector('.unit-form__code .text-field__error')?.textContent).toBe('单位代码 JG001 已被其他单位使用');
    const [first] = requestsTo(UNITS).filter((request) => request.method === 'POST');
    expect(first.data).toEqual({
      name: '区教育局',
      kind: 'government',
      code: 'JG001',
      brandName: null,
      brandIntro: null,
      branches: ['教育第一支部', '教育第二支部'],
    });

    fireEvent.input(input(container, '.unit-form__code'), { target: { value: 'JG009' } });
    expect(screen.queryByText('单位代码 JG001 已被其他单位使用')).toBeNull();
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(container.querySelectorAll('.unit-item')).toHaveLength(2));
    expect(container.querySelector('.unit-form')).toBeNull();
    expect(taroMock.toasts).toContain('已添加');
  });

  it('shows a server error about one branch beside that row, counting past the empty rows that were not sent', async () => {
    const tooLong = '支部名称不能超过 100 个字';
    serve(
      {
        [`GET ${UNITS}`]: () => ({ statusCode: 200, data: pageOf([unitFixture()]) }),
        [`POST ${UNITS}`]: () => ({
          statusCode: 400,
          data: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请按提示修改后再试', details: [{ field: 'branches.1', message: tooLong }] },
        }),
      },
      adminMe(),
    );
    const { container } = render(<UnitsPage />);
    await waitFor(() => expect(container.querySelectorAll('.unit-item')).toHaveLength(1));
    fireEvent.click(screen.getByText('新增单位'));
    fireEvent.input(input(container, '.unit-form__name'), { target: { value: '区教育局' } });
    fireEvent.click(container.querySelector('.unit-form__kind .select-field__control') as Element);
    fireEvent.click(screen.getByText('机关'));
    fireEvent.input(input(container, '.unit-form__code'), { target: { value: 'JG010' } });
    // Row 1 stays empty; rows 2 and 3 are sent as branches 0 and 1.
    fireEvent.click(screen.getByText('+ 添加支部'));
    fireEvent.click(screen.getByText('+ 添加支部'));
    const rows = () => container.querySelectorAll('.unit-form__branch');
    fireEvent.input(rows()[1].querySelector('input') as Element, { target: { value: '教育第一支部' } });
    fireEvent.input(rows()[2].querySelector('input') as Element, { target: { value: '很长的支部名称' } });
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() => expect(rows()[2].querySelector('.text-field__error')?.textContent).toBe(tooLong));
    expect(rows()[1].querySelector('.text-field__error')).toBeNull();
    expect(container.querySelector('.unit-form__error')).toBeNull();

    fireEvent.input(rows()[2].querySelector('input') as Element, { target: { value: '教育第二支部' } });
    expect(screen.queryByText(tooLong)).toBeNull();
  });

  it('deletes a unit only after confirmation', async () => {
    serve(
      {
        [`GET ${UNITS}`]: () => ({ statusCode: 200, data: pageOf([unitFixture()]) }),
        [`DELETE ${UNITS}/u1`]: () => ({ statusCode: 409, data: { code: 'ORG_IN_USE', message: '仍有党员或社区关联此记录，不能删除' } }),
      },
      adminMe(),
    );
    const { container } = render(<UnitsPage />);
    await waitFor(() => expect(container.querySelectorAll('.unit-item')).toHaveLength(1));

    taroMock.modalConfirms = false;
    fireEvent.click(screen.getByText('删除'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(requestsTo(`${UNITS}/u1`)).toHaveLength(0);

    taroMock.modalConfirms = true;
    fireEvent.click(screen.getByText('删除'));
    await waitFor(() => expect(requestsTo(`${UNITS}/u1`)).toHaveLength(1));
    expect(requestsTo(`${UNITS}/u1`)[0].method).toBe('DELETE');
  });
});
