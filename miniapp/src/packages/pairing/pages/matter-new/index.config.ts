export default definePageConfig({
  navigationBarTitleText: '登记实事',
});
