export default definePageConfig({
  navigationBarTitleText: '处理意见建议',
  enablePullDownRefresh: true,
});
