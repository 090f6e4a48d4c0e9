export default definePageConfig({
  navigationBarTitleText: '实事',
  enablePullDownRefresh: true,
});
