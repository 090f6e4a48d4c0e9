export default definePageConfig({
  navigationBarTitleText: '发布与编辑',
});
