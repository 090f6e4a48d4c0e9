import { taroMock } from '@test/taro-mock';
import { requestSubscriptions, templateIdsFor } from './subscribe';

const TEMPLATES = {
  templates: [
    { kind: 'service_confirmed' as const, templateId: 'T-SERVICE' },
    { kind: 'activity_reminder' as const, templateId: 'T-REMIND' },
    { kind: 'activity_promoted' as const, templateId: 'T-PROMOTED' },
  ],
};

describe('subscribe', () => {
  const env = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = env;
  });

  it('picks the configured templates of the kinds asked for, in that order, each once', () => {
    expect(templateIdsFor(TEMPLATES, ['activity_reminder', 'activity_promoted'])).toEqual(['T-REMIND', 'T-PROMOTED']);
    expect(templateIdsFor(TEMPLATES, ['activity_reminder', 'activity_reminder'])).toEqual(['T-REMIND']);
    expect(templateIdsFor({ templates: [] }, ['activity_reminder'])).toEqual([]);
    expect(templateIdsFor(undefined, ['activity_reminder'])).toEqual([]);
  });

  it('asks nothing in the browser, where WeChat cannot deliver', async () => {
    process.env.TARO_ENV = 'h5';
    expect(await requestSubscriptions(['T-REMIND'])).toBe('skipped');
    expect(taroMock.subscribeRequests).toHaveLength(0);
    expect(taroMock.requests).toHaveLength(0);
  });

  it('asks WeChat in the mini-program and reports what the person accepted', async () => {
    process.env.TARO_ENV = 'weapp';
    taroMock.subscribeAnswer = { 'T-REMIND': 'accept', 'T-PROMOTED': 'reject' };
    taroMock.onRequest(() => ({ statusCode: 201, data: { acceptances: [{ templateId: 'T-REMIND', available: 1 }] } }));

    expect(await requestSubscriptions(['T-REMIND', 'T-PROMOTED'])).toBe('accepted');
    expect(taroMock.subscribeRequests).toEqual([{ tmplIds: ['T-REMIND', 'T-PROMOTED'], entityIds: [] }]);
    const report = taroMock.requests.find((request) => request.url.includes('/messages/subscriptions'));
    expect(report?.method).toBe('POST');
    expect(report?.data).toEqual({ templateIds: ['T-REMIND', 'T-PROMOTED'], accepted: ['T-REMIND'] });
  });

  it('goes on when the person declines or the report fails', async () => {
    process.env.TARO_ENV = 'weapp';
    taroMock.subscribeAnswer = { 'T-REMIND': 'reject' };
    taroMock.onRequest(() => {
      throw new Error('offline');
    });
    await expect(requestSubscriptions(['T-REMIND'])).resolves.toBe('declined');
  });
});
