export default definePageConfig({
  navigationBarTitleText: '督办',
  enablePullDownRefresh: true,
});
