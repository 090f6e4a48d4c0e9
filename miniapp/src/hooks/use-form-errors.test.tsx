import { act, renderHook } from '@testing-library/react';
import { ApiError } from '@/api/api-error';
import { useFormErrors } from './use-form-errors';

const invalid = (details: Array<{ field: string; message: string }>) =>
  new ApiError('VALIDATION_FAILED', '提交的内容有误', 400, details);

describe('useFormErrors', () => {
  it('files keyed errors beside their row and keeps a banner only for the rest', () => {
    const error = invalid([
      { field: 'hours.r1', message: '核定时长不能超过每日上限 8 小时' },
      { field: 'reason', message: '请填写理由' },
      { field: 'somethingElse', message: '别的问题' },
    ]);
    const { result } = renderHook(() => useFormErrors(error, ['hours.*', 'reason']));
    expect(result.current.errors).toEqual({ 'hours.r1': '核定时长不能超过每日上限 8 小时', reason: '请填写理由' });
    expect(result.current.message).toBe('别的问题');
  });

  it('clears a field when it changes, and shows a new server error in full again', () => {
    let error = invalid([{ field: 'description', message: '服务内容至少 5 个字' }]);
    const { result, rerender } = renderHook(() => useFormErrors(error, ['description']));
    expect(result.current.message).toBeNull();
    act(() => result.current.clear('description'));
    expect(result.current.errors.description).toBeUndefined();
    error = invalid([{ field: 'description', message: '服务内容不能超过 500 个字' }]);
    rerender();
    expect(result.current.errors.description).toBe('服务内容不能超过 500 个字');
  });

  it('uses the error message when nothing belongs to a field, and nothing without an error', () => {
    let error: ApiError | undefined = new ApiError('NETWORK_ERROR', '网络不给力，请检查网络后重试', 0);
    const { result, rerender } = renderHook(() => useFormErrors(error, ['description']));
    expect(result.current.message).toBe('网络不给力，请检查网络后重试');
    error = undefined;
    rerender();
    expect(result.current.message).toBeNull();
    expect(result.current.errors).toEqual({});
  });

  it('merges the form’s own checks under the server’s and clears them the same way', () => {
    const { result } = renderHook(() => useFormErrors(undefined, ['description', 'reason']));
    act(() => result.current.setLocal({ description: '请填写服务内容', reason: '请填写理由' }));
    expect(result.current.errors).toEqual({ description: '请填写服务内容', reason: '请填写理由' });
    act(() => result.current.clear('reason'));
    expect(result.current.errors).toEqual({ description: '请填写服务内容' });
  });

  it('keeps a fixed server error away when the form checks itself again, and shows a field checked again', () => {
    const error = invalid([{ field: 'reason', message: '理由不能超过 200 个字' }]);
    const { result } = renderHook(() => useFormErrors(error, ['description', 'reason']));
    act(() => result.current.clear('reason'));
    act(() => result.current.setLocal({}));
    expect(result.current.errors).toEqual({});
    act(() => result.current.setLocal({ description: '请填写服务内容' }));
    act(() => result.current.clear('description'));
    act(() => result.current.setLocal({ description: '请填写服务内容' }));
    expect(result.current.errors).toEqual({ description: '请填写服务内容' });
  });
});
