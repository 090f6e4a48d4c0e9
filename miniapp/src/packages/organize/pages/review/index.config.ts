export default definePageConfig({
  navigationBarTitleText: '活动审核',
});
