export default definePageConfig({
  navigationBarTitleText: '报到服务证明',
  enablePullDownRefresh: true,
});
