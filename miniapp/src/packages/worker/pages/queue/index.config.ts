export default definePageConfig({
  navigationBarTitleText: '待确认记录',
  enablePullDownRefresh: true,
});
