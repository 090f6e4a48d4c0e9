export default definePageConfig({
  navigationBarTitleText: '关于先锋报到',
  enablePullDownRefresh: true,
});
