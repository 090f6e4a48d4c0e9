export default definePageConfig({
  navigationBarTitleText: '登记结对户',
});
