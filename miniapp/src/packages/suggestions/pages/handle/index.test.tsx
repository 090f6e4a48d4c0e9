import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock, type RecordedRequest } from '@test/taro-mock';
import type { SuggestionView } from '@pioneer/shared-types';
import { saveToken } from '@/services/session';
import { pageOf, suggestionFixture, typeIntoTextArea } from '../../testing/fixtures';
import HandleSuggestionsPage from './index';

const named = suggestionFixture({ id: 's1', authorName: '张建国', content: '建议在社区服务站增加便民雨伞。' });
const anonymous = suggestionFixture({ id: 's2', anonymous: true, content: '报到时排队太久，希望优化流程。' });

function serve(handler: (request: RecordedRequest) => { statusCode: number; data: unknown } | undefined) {
  taroMock.onRequest((request) => handler(request) ?? { statusCode: 200, data: pageOf([named, anonymous]) });
}

describe('HandleSuggestionsPage (district organizers)', () => {
  beforeEach(() => {
    saveToken('token-1', 3600);
  });

  it('lists everyone’s suggestions, naming the sender unless anonymous', async () => {
    serve(() => undefined);
    const { container } = render(<HandleSuggestionsPage />);
    await screen.findByText('建议在社区服务站增加便民雨伞。');

    expect(taroMock.requests[0]!.url).toBe('/api/v1/suggestions?page=1&pageSize=10');
    const authors = Array.from(container.querySelectorAll('.suggestion-handle__author')).map((node) => node.textContent);
    expect(authors).toEqual(['张建国', '匿名']);
  });

  it('filters by status', async () => {
    serve(() => undefined);
    render(<HandleSuggestionsPage />);
    await screen.findByText('建议在社区服务站增加便民雨伞。');

    serve((request) => (request.url.includes('status=in_progress') ? { statusCode: 200, data: pageOf([]) } : undefined));
    fireEvent.click(screen.getByText('处理中'));

    expect(await screen.findByText('没有这类意见建议')).toBeTruthy();
    expect(taroMock.requests[taroMock.requests.length - 1]!.url).toBe('/api/v1/suggestions?page=1&pageSize=10&status=in_progress');
  });

  it('answers one: the reply and chosen status go to the server and the item shows the result', async () => {
    let reply: SuggestionView | undefined;
    serve((request) => {
      if (request.method !== 'POST') return undefined;
      reply = { ...named, ...(request.data as { reply: string }), status: 'replied', repliedAt: '2025-03-09T02:00:00.000Z' };
      return { statusCode: 200, data: reply };
    });
    const { container } = render(<HandleSuggestionsPage />);
    fireEvent.click(await screen.findByText('建议在社区服务站增加便民雨伞。'));

    fireEvent.click(container.querySelector('.suggestion-handle__submit') as HTMLElement);
    expect(screen.getByText('请填写答复内容')).toBeTruthy();
    expect(taroMock.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    typeIntoTextArea(container, 'suggestion-handle__reply-input', ' 下周起提供便民雨伞。 ');
    fireEvent.click(container.querySelector('.suggestion-handle__submit') as HTMLElement);

    await waitFor(() => expect(container.querySelector('.suggestion-handle__panel')).toBeNull());
    const post = taroMock.requests.find((r) => r.method === 'POST')!;
    expect(post.url).toBe('/api/v1/suggestions/s1/reply');
    expect(post.data).toEqual({ reply: '下周起提供便民雨伞。', status: 'replied' });
    expect(post.header['Idempotency-Key']).toBeTruthy();
    const item = container.querySelector('.suggestion-handle__item') as HTMLElement;
    expect(item.querySelector('.suggestion-status')?.textContent).toBe('已答复');
    expect(item.querySelector('.suggestion-reply__text')?.textContent).toBe('下周起提供便民雨伞。');
  });

  it('may mark one 处理中 without words, and shows a 409 when it was closed meanwhile', async () => {
    serve((request) =>
      request.method === 'POST'
        ? { statusCode: 409, data: { code: 'CONFLICT', message: '这条意见建议已办完，不能再答复' } }
        : undefined,
    );
    const { container } = render(<HandleSuggestionsPage />);
    fireEvent.click(await screen.findByText('报到时排队太久，希望优化流程。'));
    expect(screen.getByText('匿名提交，不显示提交人和联系方式')).toBeTruthy();
    expect(container.querySelector('.suggestion-handle__contact')).toBeNull();

    fireEvent.click(container.querySelector('.suggestion-handle__status--in_progress') as HTMLElement);
    fireEvent.click(container.querySelector('.suggestion-handle__submit') as HTMLElement);

    expect(await screen.findByText('这条意见建议已办完，不能再答复')).toBeTruthy();
    const post = taroMock.requests.find((r) => r.method === 'POST')!;
    expect(post.data).toEqual({ reply: '', status: 'in_progress' });
  });

  it('reads a named sender’s contact only when asked', async () => {
    serve((request) =>
      request.url === '/api/v1/suggestions/s1' ? { statusCode: 200, data: { ...named, contact: '13912345678' } } : undefined,
    );
    const { container } = render(<HandleSuggestionsPage />);
    fireEvent.click(await screen.findByText('建议在社区服务站增加便民雨伞。'));
    expect(taroMock.requests.map((r) => r.url)).not.toContain('/api/v1/suggestions/s1');

    fireEvent.click(container.querySelector('.suggestion-handle__contact') as HTMLElement);
    expect(await screen.findByText('联系方式：13912345678')).toBeTruthy();
  });

  it('shows the server’s refusal to someone who does not handle suggestions, without a pointless retry', async () => {
    taroMock.onRequest(() => ({
      statusCode: 403,
      data: { code: 'FORBIDDEN', message: '意见建议由区委机关工委的组织者统一处理，您没有处理权限' },
    }));
    render(<HandleSuggestionsPage />);
    expect(await screen.findByText('意见建议由区委机关工委的组织者统一处理，您没有处理权限')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });
});
