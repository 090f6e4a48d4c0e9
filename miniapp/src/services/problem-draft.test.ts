import type { ProblemInput } from '@pioneer/shared-types';
import { taroMock, type RecordedRequest } from '@test/taro-mock';
import { clearDraft, emptyForm, loadDraft, markSubmitted, saveDraft, sendDraft, type ProblemForm } from './problem-draft';
import { saveToken } from './session';

const form: ProblemForm = {
  ...emptyForm('v1'),
  residentName: '王秀英',
  residentPhone: '13800001234',
  residentConsent: true,
  communityId: 'c1',
  communityName: '幸福里社区',
  category: 'medical',
  description: '老人看病报销不知道去哪里办理',
  urgency: 'normal',
};

const body: ProblemInput = {
  residentName: '王秀英',
  residentPhone: '13800001234',
  residentAddress: null,
  residentConsent: true,
  communityId: 'c1',
  village: null,
  category: 'medical',
  description: '老人看病报销不知道去哪里办理',
  urgency: 'normal',
  visitId: 'v1',
};

const posts = (): RecordedRequest[] => taroMock.requests.filter((r) => r.method === 'POST' && r.url === '/api/v1/problems');

describe('problem draft', () => {
  beforeEach(() => {
    saveToken('token-1', 3600);
  });

  it('keeps the form as typed, for its member only', () => {
    saveDraft('m1', form);
    saveDraft('m1', { ...form, description: '改过的描述' });

    expect(loadDraft('m1')).toMatchObject({ ownerId: 'm1', pending: null, form: { description: '改过的描述', visitId: 'v1' } });
    expect(loadDraft('m2')).toBeNull();
    expect(loadDraft(null)).toBeNull();

    saveDraft('m2', emptyForm());
    clearDraft('m2');
    expect(loadDraft('m1')?.form.residentName).toBe('王秀英');
    expect(loadDraft('m2')).toBeNull();
  });

  it('sends again with the same key and body after the network failed, and forgets the draft once accepted', async () => {
    const key = markSubmitted('m1', form, body);
    expect(markSubmitted('m1', { ...form, description: '别的' }, { ...body, description: '别的' })).toBe(key);
    // Typing into a submitted draft does not change what will be sent.
    saveDraft('m1', { ...form, description: '后来改的' });

    taroMock.onRequest(() => {
      throw new Error('request:fail timeout');
    });
    await expect(sendDraft('m1')).resolves.toEqual({ kind: 'later' });
    expect(loadDraft('m1')?.pending).toEqual({ key, body });

    taroMock.onRequest(() => ({ statusCode: 201, data: { id: 'p1' } }));
    const result = await sendDraft('m1');
    expect(result).toMatchObject({ kind: 'sent', problem: { id: 'p1' } });

    expect(posts()).toHaveLength(2);
    for (const request of posts()) {
      expect(request.header['Idempotency-Key']).toBe(key);
      expect(request.data).toEqual(body);
    }
    expect(loadDraft('m1')).toBeNull();
    await expect(sendDraft('m1')).resolves.toEqual({ kind: 'none' });
    expect(posts()).toHaveLength(2);
  });

  it('keeps it waiting on a server error, and makes it editable again when the server refuses it', async () => {
    const key = markSubmitted('m1', form, body);
    taroMock.onRequest(() => ({ statusCode: 503, data: { code: 'INTERNAL_ERROR', message: '服务暂时不可用' } }));
    await expect(sendDraft('m1')).resolves.toEqual({ kind: 'later' });
    expect(loadDraft('m1')?.pending?.key).toBe(key);

    taroMock.onRequest(() => ({
      statusCode: 400,
      data: { code: 'VALIDATION_FAILED', message: '请检查填写的内容', details: [{ field: 'description', message: '请描述问题' }] },
    }));
    const result = await sendDraft('m1');
    expect(result.kind).toBe('refused');
    const draft = loadDraft('m1');
    expect(draft?.pending).toBeNull();
    expect(draft?.form.residentName).toBe('王秀英');
    // The next submit is a new request with a new key.
    expect(markSubmitted('m1', form, body)).not.toBe(key);
  });

  it('never sends another member’s draft', async () => {
    markSubmitted('m1', form, body);
    taroMock.onRequest(() => ({ statusCode: 201, data: { id: 'p1' } }));
    await expect(sendDraft('m2')).resolves.toEqual({ kind: 'none' });
    expect(posts()).toHaveLength(0);
    expect(loadDraft('m1')?.pending).not.toBeNull();
  });
});
