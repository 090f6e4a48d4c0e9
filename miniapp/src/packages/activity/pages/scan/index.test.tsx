import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { overviewFixture } from '@test/fixtures';
import { taroMock } from '@test/taro-mock';
import { saveToken } from '@/services/session';
import { detailFixture, ok, refusal, requestsTo, serve, signupFixture, typeIntoInput } from '../../testing/fixtures';
import ActivityScanPage from './index';

const ONE = '/api/v1/activities/a1';
const SCAN = `${ONE}/attendance/scan`;
const CODE = 'v1.act.a1.59000000.AAAAAAAAAAAAAAAA';

describe('ActivityScanPage', () => {
  const env = process.env.TARO_ENV;
  beforeEach(() => {
    saveToken('token-1', 3600);
    taroMock.loadOptions = { id: 'a1' };
  });
  afterEach(() => {
    process.env.TARO_ENV = env;
  });

  it('in WeChat scans with the camera only: arrival, then departure with the hours credited', async () => {
    process.env.TARO_ENV = 'weapp';
    let scans = 0;
    serve({
      [`GET ${ONE}`]: () => ok(detailFixture()),
      [`POST ${SCAN}`]: () => {
        scans += 1;
        return ok(
          scans === 1
            ? signupFixture({ checkedInAt: '2026-03-14T01:02:00.000Z' })
            : signupFixture({ status: 'attended', checkedInAt: '2026-03-14T01:02:00.000Z', checkedOutAt: '2026-03-14T03:01:00.000Z', creditedHours: 2 }),
        );
      },
    });
    const { container } = render(<ActivityScanPage />);
    expect(await screen.findByText('幸福河岸边清理垃圾')).toBeTruthy();

    taroMock.scanResult = CODE;
    fireEvent.click(screen.getByText('扫码签到'));
    await waitFor(() => expect(container.querySelector('.activity-scan__left .activity-row__value')?.textContent).toBe('离开时请再扫一次'));
    expect(taroMock.scanOptions).toEqual([{ onlyFromCamera: true, scanType: ['qrCode'] }]);
    expect(requestsTo('POST', SCAN)[0]!.data).toEqual({ code: CODE });
    expect(container.querySelector('.activity-scan__hours')).toBeNull();

    fireEvent.click(screen.getByText('扫码记录离开'));
    await waitFor(() => expect(container.querySelector('.activity-scan__hours .activity-row__value')?.textContent).toBe('计入 2 小时'));
    expect(container.querySelector('.activity-scan__scan')).toBeNull();
    expect(requestsTo('POST', SCAN)[1]!.header['Idempotency-Key']).not.toBe(requestsTo('POST', SCAN)[0]!.header['Idempotency-Key']);
  });

  it('says when the scan read nothing, and shows the server’s refusal', async () => {
    process.env.TARO_ENV = 'weapp';
    serve({
      [`GET ${ONE}`]: () => ok(detailFixture()),
      [`POST ${SCAN}`]: () => refusal(409, 'ATTENDANCE_NOT_SIGNED_UP', '您没有报名这个活动'),
    });
    const { container } = render(<ActivityScanPage />);
    await screen.findByText('扫码签到');
    taroMock.scanResult = '';
    fireEvent.click(screen.getByText('扫码签到'));
    await waitFor(() => expect(container.querySelector('.activity-scan__problem')).not.toBeNull());
    expect(requestsTo('POST', SCAN)).toHaveLength(0);

    taroMock.scanResult = CODE;
    fireEvent.click(screen.getByText('扫码签到'));
    await waitFor(() => expect(container.querySelector('.activity-scan__error')?.textContent).toBe('您没有报名这个活动'));
  });

  it('in the demo browser takes the six digits', async () => {
    serve({
      [`GET ${ONE}`]: () => ok(detailFixture()),
      'GET /api/v1/public/overview': () => ok(overviewFixture({ demoMode: true })),
      [`POST ${SCAN}`]: () => ok(signupFixture({ checkedInAt: '2026-03-14T01:02:00.000Z' })),
    });
    const { container } = render(<ActivityScanPage />);
    await waitFor(() => expect(container.querySelector('.activity-scan__short-code')).not.toBeNull());
    typeIntoInput(container, 'activity-scan__input', '12');
    fireEvent.click(container.querySelector('.activity-scan__submit') as HTMLElement);
    expect(await screen.findByText('请输入 6 位数字签到码')).toBeTruthy();

    typeIntoInput(container, 'activity-scan__input', '654321');
    fireEvent.click(container.querySelector('.activity-scan__submit') as HTMLElement);
    await waitFor(() => expect(requestsTo('POST', SCAN)).toHaveLength(1));
    expect(requestsTo('POST', SCAN)[0]!.data).toEqual({ shortCode: '654321' });
    await waitFor(() => expect(container.querySelector('.activity-scan__arrived .activity-row__value')?.textContent).not.toBe('还没有记录'));
  });

  it('outside demo mode in the browser explains that scanning needs WeChat', async () => {
    serve({ [`GET ${ONE}`]: () => ok(detailFixture()), 'GET /api/v1/public/overview': () => ok(overviewFixture({ demoMode: false })) });
    const { container } = render(<ActivityScanPage />);
    await waitFor(() => expect(container.querySelector('.activity-scan__no-camera')).not.toBeNull());
    expect(container.querySelector('.activity-scan__short-code')).toBeNull();
  });
});
