import { render, screen } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { saveToken } from '@/services/session';
import { suggestionFixture } from '../../testing/fixtures';
import SuggestionDetailPage from './index';

describe('SuggestionDetailPage', () => {
  beforeEach(() => {
    saveToken('token-1', 3600);
  });

  it('loads the suggestion named in the query and shows its status, contact and reply', async () => {
    taroMock.loadOptions = { id: 's9' };
    taroMock.onRequest(() => ({
      statusCode: 200,
      data: suggestionFixture({
        id: 's9',
        status: 'closed',
        contact: '139****5678',
        reply: '已联系物业清理完毕。',
        repliedAt: '2025-03-09T02:00:00.000Z',
      }),
    }));
    const { container } = render(<SuggestionDetailPage />);

    expect(await screen.findByText('已联系物业清理完毕。')).toBeTruthy();
    expect(taroMock.requests[0]!.url).toBe('/api/v1/suggestions/s9');
    expect(container.querySelector('.suggestion-status')?.textContent).toBe('已办完');
    expect(screen.getByText('联系方式：139****5678')).toBeTruthy();
  });

  it('says the suggestion was not found, without a retry, when the server answers 404', async () => {
    taroMock.loadOptions = { id: 'someone-elses' };
    taroMock.onRequest(() => ({ statusCode: 404, data: { code: 'NOT_FOUND', message: '要找的记录不存在或已被删除' } }));
    render(<SuggestionDetailPage />);
    expect(await screen.findByText('要找的记录不存在或已被删除')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('asks nothing of the server when opened without an id', () => {
    render(<SuggestionDetailPage />);
    expect(screen.getByText('没有找到这条意见建议')).toBeTruthy();
    expect(taroMock.requests).toHaveLength(0);
  });
});
