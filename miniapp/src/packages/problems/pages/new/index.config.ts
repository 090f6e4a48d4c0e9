export default definePageConfig({
  navigationBarTitleText: '登记群众问题',
});
