export default definePageConfig({
  navigationBarTitleText: '意见建议详情',
  enablePullDownRefresh: true,
});
