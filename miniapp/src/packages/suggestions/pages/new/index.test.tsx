import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { saveToken } from '@/services/session';
import { suggestionFixture, typeIntoInput, typeIntoTextArea } from '../../testing/fixtures';
import NewSuggestionPage from './index';

const LIST_ROUTE = ROUTES.suggestions.slice(1);
const NEW_ROUTE = ROUTES.suggestionNew.slice(1);
const CONTENT = '希望社区活动能多安排在周末，上班族也能参加。';

function contentOf(container: HTMLElement) {
  return container.querySelector('.suggestion-new__content') as HTMLElement;
}

describe('NewSuggestionPage', () => {
  beforeEach(() => {
    saveToken('token-1', 3600);
    taroMock.pageStack = [LIST_ROUTE, NEW_ROUTE];
  });

  it('counts characters as they are typed and explains what anonymous means', () => {
    const { container } = render(<NewSuggestionPage />);
    expect(container.querySelector('.suggestion-new__count')?.textContent).toBe('0/1000');

    typeIntoTextArea(container, 'suggestion-new__content', '路灯坏了');
    expect(container.querySelector('.suggestion-new__count')?.textContent).toBe('4/1000');
    expect(screen.getByText('匿名后，处理人员看不到您的姓名')).toBeTruthy();

    // Anonymous ones carry no contact, so the field goes away.
    expect(container.querySelector('.suggestion-new__contact')).not.toBeNull();
    fireEvent.click(container.querySelector('.suggestion-new__anonymous') as HTMLElement);
    expect(container.querySelector('.suggestion-new__contact')).toBeNull();
  });

  it('catches a text that is too short before sending anything', () => {
    const { container } = render(<NewSuggestionPage />);
    typeIntoTextArea(container, 'suggestion-new__content', ' 太短 ');
    fireEvent.click(screen.getByText('提交'));

    expect(screen.getByText('内容至少需要 5 个字，请写得具体一些')).toBeTruthy();
    expect(taroMock.requests).toHaveLength(0);
    typeIntoTextArea(container, 'suggestion-new__content', '太短了吗？再多写几个字');
    expect(screen.queryByText('内容至少需要 5 个字，请写得具体一些')).toBeNull();
  });

  it('sends the trimmed text with a contact and an Idempotency-Key, then goes back to the list', async () => {
    taroMock.onRequest(() => ({ statusCode: 201, data: suggestionFixture({ content: CONTENT }) }));
    const { container } = render(<NewSuggestionPage />);

    typeIntoTextArea(container, 'suggestion-new__content', `  ${CONTENT}  `);
    typeIntoInput(container, 'suggestion-new__contact', ' 13912345678 ');
    fireEvent.click(container.querySelector('.suggestion-new__submit') as HTMLElement);

    await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'navigateBack' }]));
    expect(taroMock.requests).toHaveLength(1);
    const [request] = taroMock.requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/api/v1/suggestions');
    expect(request!.data).toEqual({ content: CONTENT, anonymous: false, contact: '13912345678' });
    expect(request!.header['Idempotency-Key']).toBeTruthy();
    expect(taroMock.toasts).toContain('已提交，感谢您的意见');
  });

  it('sends an anonymous one without a contact, and opens the list when it was not underneath', async () => {
    taroMock.pageStack = ['pages/mine/index', NEW_ROUTE];
    taroMock.onRequest(() => ({ statusCode: 201, data: suggestionFixture({ anonymous: true }) }));
    const { container } = render(<NewSuggestionPage />);

    typeIntoTextArea(container, 'suggestion-new__content', CONTENT);
    typeIntoInput(container, 'suggestion-new__contact', '13912345678');
    fireEvent.click(container.querySelector('.suggestion-new__anonymous') as HTMLElement);
    fireEvent.click(screen.getByText('提交'));

    await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'redirectTo', url: ROUTES.suggestions }]));
    expect(taroMock.requests[0]!.data).toEqual({ content: CONTENT, anonymous: true, contact: null });
  });

  it('shows the server’s field messages beside the fields and stays on the page', async () => {
    taroMock.onRequest(() => ({
      statusCode: 400,
      data: {
        code: 'VALIDATION_FAILED',
        message: '提交的内容有误，请按提示修改后再试',
        details: [{ field: 'contact', message: '联系方式不能超过 50 个字' }],
      },
    }));
    const { container } = render(<NewSuggestionPage />);
    typeIntoTextArea(container, 'suggestion-new__content', CONTENT);
    typeIntoInput(container, 'suggestion-new__contact', '很长的联系方式');
    fireEvent.click(screen.getByText('提交'));

    const message = await screen.findByText('联系方式不能超过 50 个字');
    expect(message.closest('.suggestion-new__field')?.querySelector('.suggestion-new__contact')).not.toBeNull();
    expect(container.querySelector('.suggestion-new__error')).toBeNull();
    expect(taroMock.navigations).toHaveLength(0);
    expect(contentOf(container)).not.toBeNull();

    // Editing the field takes its error away; editing another field does not.
    typeIntoTextArea(container, 'suggestion-new__content', `${CONTENT}再补充一句。`);
    expect(screen.getByText('联系方式不能超过 50 个字')).toBeTruthy();
    typeIntoInput(container, 'suggestion-new__contact', '13912345678');
    expect(screen.queryByText('联系方式不能超过 50 个字')).toBeNull();
  });

  it('keeps the same Idempotency-Key when the same text is retried after a network failure, and a new one for new text', async () => {
    taroMock.onRequest(() => {
      throw new Error('timeout');
    });
    const { container } = render(<NewSuggestionPage />);
    typeIntoTextArea(container, 'suggestion-new__content', CONTENT);

    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(taroMock.requests).toHaveLength(2));
    await screen.findByText('提交');

    typeIntoTextArea(container, 'suggestion-new__content', `${CONTENT}补充一句。`);
    taroMock.onRequest(() => ({ statusCode: 201, data: suggestionFixture() }));
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'navigateBack' }]));

    const keys = taroMock.requests.map((request) => request.header['Idempotency-Key']);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('sends once however many times the button is tapped while sending', async () => {
    let answer: (() => void) | undefined;
    taroMock.onRequest(
      () =>
        new Promise((resolve) => {
          answer = () => resolve({ statusCode: 201, data: suggestionFixture() });
        }),
    );
    const { container } = render(<NewSuggestionPage />);
    typeIntoTextArea(container, 'suggestion-new__content', CONTENT);
    const submit = container.querySelector('.suggestion-new__submit') as HTMLElement;

    fireEvent.click(submit);
    fireEvent.click(submit);
    fireEvent.click(submit);
    await waitFor(() => expect(answer).toBeDefined());
    answer!();

    await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'navigateBack' }]));
    expect(taroMock.requests).toHaveLength(1);
  });
});
