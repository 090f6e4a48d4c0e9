export default definePageConfig({
  navigationBarTitleText: '报到社区',
  enablePullDownRefresh: true,
});
