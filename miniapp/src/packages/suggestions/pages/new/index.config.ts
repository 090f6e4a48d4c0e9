export default definePageConfig({
  navigationBarTitleText: '提意见建议',
});
