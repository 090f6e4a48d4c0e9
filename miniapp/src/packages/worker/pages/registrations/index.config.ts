export default definePageConfig({
  navigationBarTitleText: '报到审核',
  enablePullDownRefresh: true,
});
