import { act, fireEvent, render, screen } from '@testing-library/react';
import {
  bodyOf,
  detailFixture,
  districtOrganizerMe,
  ok,
  pageOf,
  queryOf,
  requestsTo,
  serve,
  summaryFixture,
  typeReason,
  unitOrganizerMe,
} from '../../testing/fixtures';
import OrganizeReviewPage, { cannotReviewText } from './index';

const MANAGE = '/api/v1/activities/manage';
const ONE = '/api/v1/activities/a5';
const REVIEW = '/api/v1/activities/a5/review';

const inReview = summaryFixture({ id: 'a5', title: '全区植树', status: 'in_review', scopeKind: 'district' });
const detail = (can: Partial<ReturnType<typeof detailFixture>['can']> = {}) =>
  detailFixture({
    ...inReview,
    description: '区里统一组织春季植树。',
    publisher: { unitId: 'u9', unitName: '区委组织部', authorName: '王敏' },
    can: { ...detailFixture().can, review: true, ...can },
  });

async function settle(): Promise<void> {
  await act(async () => undefined);
  await act(async () => undefined);
}

describe('OrganizeReviewPage', () => {
  it('lists what waits for review, opens one and approves it', async () => {
    let waiting = [inReview];
    serve(
      {
        [MANAGE]: () => ok(pageOf(waiting)),
        [ONE]: () => ok(detail()),
        [`POST ${REVIEW}`]: () => {
          waiting = [];
          return ok({ ...detail(), status: 'published' });
        },
      },
      districtOrganizerMe(),
    );
    render(<OrganizeReviewPage />);
    fireEvent.click(await screen.findByText('全区植树'));
    expect(queryOf(requestsTo(MANAGE)[0]!).status).toBe('in_review');
    expect(await screen.findByText('区里统一组织春季植树。')).toBeTruthy();
    fireEvent.click(screen.getByText('同意发布'));
    await settle();
    expect(bodyOf(requestsTo(REVIEW, 'POST')[0]!)).toEqual({ decision: 'approve' });
    expect(await screen.findByText('没有待审核的活动')).toBeTruthy();
  });

  it('sends a rejection only with a note for the author', async () => {
    serve(
      { [MANAGE]: () => ok(pageOf([inReview])), [ONE]: () => ok(detail()), [`POST ${REVIEW}`]: () => ok({ ...detail(), status: 'draft' }) },
      districtOrganizerMe(),
    );
    const { container } = render(<OrganizeReviewPage />);
    fireEvent.click(await screen.findByText('全区植树'));
    fireEvent.click(await screen.findByText('退回修改'));
    fireEvent.click(screen.getByText('退回'));
    expect(screen.getByText('请填写退回意见')).toBeTruthy();
    expect(requestsTo(REVIEW, 'POST')).toHaveLength(0);
    typeReason(container.querySelector('.review-reject-dialog') as Element, '请写明集合地点');
    fireEvent.click(screen.getByText('退回'));
    await settle();
    expect(bodyOf(requestsTo(REVIEW, 'POST')[0]!)).toEqual({ decision: 'reject', note: '请写明集合地点' });
  });

  it('says up front that nobody reviews their own activity, and offers no decision', async () => {
    serve(
      {
        [MANAGE]: () => ok(pageOf([inReview])),
        [ONE]: () => ok({ ...detail({ review: false }), publisher: { unitId: 'u9', unitName: '区委组织部', authorName: '孙伟' } }),
      },
      districtOrganizerMe(),
    );
    render(<OrganizeReviewPage />);
    fireEvent.click(await screen.findByText('全区植树'));
    expect(await screen.findByText('不能审核自己发布的活动，请由机关工委的另一位组织者审核')).toBeTruthy();
    expect(screen.queryByText('同意发布')).toBeNull();
  });

  it('shows the server’s refusal when it comes anyway', async () => {
    serve(
      {
        [MANAGE]: () => ok(pageOf([inReview])),
        [ONE]: () => ok(detail()),
        [`POST ${REVIEW}`]: () => ({ statusCode: 403, data: { code: 'ACTIVITY_OWN_REVIEW', message: '不能审核自己发布的活动' } }),
      },
      districtOrganizerMe(),
    );
    render(<OrganizeReviewPage />);
    fireEvent.click(await screen.findByText('全区植树'));
    fireEvent.click(await screen.findByText('同意发布'));
    expect(await screen.findByText('不能审核自己发布的活动')).toBeTruthy();
  });

  it('is for district organizers only', async () => {
    serve({}, unitOrganizerMe());
    render(<OrganizeReviewPage />);
    expect(await screen.findByText('只有机关工委的组织者可以审核全区活动')).toBeTruthy();
    expect(requestsTo(MANAGE)).toHaveLength(0);
  });

  it('explains a refusal by who is looking', () => {
    const viewer = { me: { name: '孙伟' } } as Parameters<typeof cannotReviewText>[1];
    expect(cannotReviewText(detail(), viewer)).toBeNull();
    expect(cannotReviewText({ ...detail({ review: false }), status: 'published' }, viewer)).toBe('该活动已不在待审核状态');
    expect(cannotReviewText(detail({ review: false }), viewer)).toBe('您不能审核该活动');
  });
});
