export default definePageConfig({
  navigationBarTitleText: '群众问题',
  enablePullDownRefresh: true,
});
