export default definePageConfig({
  navigationBarTitleText: '先锋报到',
  enablePullDownRefresh: true,
});
