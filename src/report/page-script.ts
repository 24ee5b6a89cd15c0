/**
 * The report's only script, inlined: it enables the change view's filters (by operation and
 * by type), hides the components left empty, says how many resources are shown (a polite live
 * region), and expands or collapses every resource. Without it the page shows everything; it
 * fetches nothing and stores nothing.
 */
export const PAGE_SCRIPT = `
(function () {
  "use strict";
  document.querySelectorAll("form[data-filters]").forEach(function (form) {
    var section = form.parentElement;
    var tree = section.querySelector("[data-tree]");
    var output = form.querySelector("output[data-shown]");
    if (!tree) return;
    form.hidden = false;
    function apply() {
      var ops = {};
      form.querySelectorAll("input[name=op]").forEach(function (box) { ops[box.value] = box.checked; });
      var type = form.querySelector("select[name=type]").value;
      var shown = 0, total = 0;
      tree.querySelectorAll("li[data-op]").forEach(function (li) {
        var visible = ops[li.getAttribute("data-op")] === true && (type === "" || li.getAttribute("data-type") === type);
        li.hidden = !visible;
        total += 1;
        if (visible) shown += 1;
      });
      tree.querySelectorAll("li[data-group]").forEach(function (group) {
        group.hidden = group.querySelector("li[data-op]:not([hidden])") === null;
      });
      output.textContent = shown + " of " + total + " changed resources shown";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.querySelector("[data-expand]").addEventListener("click", function () {
      tree.querySelectorAll("details").forEach(function (d) { d.open = true; });
    });
    form.querySelector("[data-collapse]").addEventListener("click", function () {
      tree.querySelectorAll("li[data-op] details").forEach(function (d) { d.open = false; });
    });
    apply();
  });
})();
`;
