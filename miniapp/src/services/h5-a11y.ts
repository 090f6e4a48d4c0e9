// Accessibility the H5 build loses on the way from WeChat's components to the DOM; fixed here once for every page.
// - Each page scrolls inside its own element (.taro_page), not the document. A page with nothing focusable in it (an
//   article, an empty list) could then not be scrolled from a keyboard or a switch device; made focusable, it can.
// - NutUI's Switch names its role and state the WeChat way (`ariaRole`, `ariaChecked`), which the H5 View drops, so a
//   screen reader heard a bare "匿名提交" with no on/off. Its class says whether it is on.
// Taro and NutUI create these elements themselves, so they are marked as they appear or change.
if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') {
  const mark = () => {
    for (const page of document.querySelectorAll('.taro_page:not([tabindex])')) page.setAttribute('tabindex', '0');
    for (const control of document.querySelectorAll('.nut-switch')) {
      if (control.getAttribute('role') !== 'switch') control.setAttribute('role', 'switch');
      const on = String(!control.classList.contains('nut-switch-close'));
      if (control.getAttribute('aria-checked') !== on) control.setAttribute('aria-checked', on);
    }
  };
  new MutationObserver(mark).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['class'],
  });
  mark();
}
