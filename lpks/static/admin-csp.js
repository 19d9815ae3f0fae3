/* Flask-Admin's templates bind clicks with inline handlers, which our Content-Security-Policy forbids.
   Our overrides of those templates carry data attributes instead; this file binds them. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var target = event.target;
    var confirmEl = target.closest("[data-confirm]");
    if (confirmEl && !window.confirm(confirmEl.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    var action = target.closest("[data-model-action]");
    if (action) {
      event.preventDefault();
      window.modelActions.execute(action.getAttribute("data-model-action"));
      return;
    }
    var inline = target.closest("[data-inline-add]");
    if (inline) {
      event.preventDefault();
      window.faForm.addInlineField(inline, inline.getAttribute("data-inline-add"));
      return;
    }
    // Flask-Admin's menu categories and list/edit tabs link to "javascript:void(0)": the CSP blocks that
    // navigation and reports a violation on every click; Bootstrap's own handlers still open the dropdown.
    var anchor = target.closest('a[href="#"], a[href^="javascript:"]');
    if (anchor) {
      event.preventDefault();
    }
  }, true);
})();
