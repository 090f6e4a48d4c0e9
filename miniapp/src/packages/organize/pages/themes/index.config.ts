export default definePageConfig({
  navigationBarTitleText: '每月主题',
});
