export default definePageConfig({
  navigationBarTitleText: '代为补录',
});
