export default definePageConfig({
  navigationBarTitleText: '本次服务',
  enablePullDownRefresh: true,
});
