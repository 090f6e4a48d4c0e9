export default definePageConfig({
  navigationBarTitleText: '结对关爱',
  enablePullDownRefresh: true,
});
