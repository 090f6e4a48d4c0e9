export default definePageConfig({
  navigationBarTitleText: '签到服务',
  enablePullDownRefresh: true,
});
