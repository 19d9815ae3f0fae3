/* Forms that follow the person (issue 17). Plain DOM, no inline handlers (the CSP forbids them):
   - the error summary of a failed form is brought into view and focused, its <details> opened;
   - [data-show-when="field=value value2"] shows a block only while that field holds one of the values;
   - [data-accept-system] buttons copy the system's computed verdict into the rows of their scope;
   - forms marked data-keep-scroll post and come back to the same place on the page. */
(function () {
  "use strict";

  function openParents(el) {
    for (var d = el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      d.open = true;
    }
  }

  function showErrors() {
    var box = document.querySelector("[data-error-summary]");
    if (!box) { return; }
    openParents(box);
    box.scrollIntoView({block: "center"});
    box.focus({preventScroll: true});
  }

  function valueOf(form, name) {
    var fields = form.querySelectorAll("[name='" + name + "']");
    var values = [];
    fields.forEach(function (f) {
      if ((f.type === "checkbox" || f.type === "radio") && !f.checked) { return; }
      values.push(f.value);
    });
    return values;
  }

  function toggleDependants(form) {
    form.querySelectorAll("[data-show-when]").forEach(function (block) {
      var rule = block.getAttribute("data-show-when").split("=");
      var wanted = (rule[1] || "").split(" ");
      var shown = valueOf(form, rule[0]).some(function (v) { return wanted.indexOf(v) >= 0; });
      block.hidden = !shown;
      // a hidden block sends nothing: its inputs are disabled while it is hidden
      block.querySelectorAll("input, select, textarea").forEach(function (input) { input.disabled = !shown; });
    });
  }

  function bindDependants() {
    document.querySelectorAll("form").forEach(function (form) {
      if (!form.querySelector("[data-show-when]")) { return; }
      toggleDependants(form);
      form.addEventListener("change", function () { toggleDependants(form); });
    });
  }

  function acceptSystem(button) {
    var scope = button.closest("[data-accept-scope]") || document;
    scope.querySelectorAll("select[data-system-value]").forEach(function (select) {
      select.value = select.getAttribute("data-system-value");
      select.dispatchEvent(new Event("change", {bubbles: true}));
      var row = select.closest("tr");
      var note = row && row.querySelector("input[name^='note-']");
      if (note && !note.value.trim()) { note.value = select.getAttribute("data-system-note") || ""; }
    });
  }

  var SCROLL_KEY = "lpks-scroll:";
  function keepScroll() {
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (form.hasAttribute && form.hasAttribute("data-keep-scroll")) {
        try { sessionStorage.setItem(SCROLL_KEY + location.pathname, String(window.scrollY)); } catch (e) { /* private mode */ }
      }
    }, true);
    var saved = null;
    try {
      saved = sessionStorage.getItem(SCROLL_KEY + location.pathname);
      sessionStorage.removeItem(SCROLL_KEY + location.pathname);
    } catch (e) { /* private mode */ }
    if (saved !== null && !document.querySelector("[data-error-summary]")) {
      var y = parseInt(saved, 10) || 0;
      window.scrollTo(0, y);
      window.addEventListener("load", function () { window.scrollTo(0, y); });  // after the browser's own #anchor jump
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-accept-system]");
    if (button) {
      event.preventDefault();
      acceptSystem(button);
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    bindDependants();
    keepScroll();
    showErrors();
  });
})();
