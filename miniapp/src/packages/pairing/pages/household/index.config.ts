export default definePageConfig({
  navigationBarTitleText: '结对户',
  enablePullDownRefresh: true,
});
