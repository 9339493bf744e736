// Progressive enhancement only: every page works without this file.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var message = form.getAttribute("data-confirm");
  if (message && !window.confirm(message)) { event.preventDefault(); }
});

// Long pick-lists: a filter box narrows the checkboxes to those whose label holds what is
// typed, accents, Arabic short vowels and case ignored. Checked items always stay shown.
(function () {
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f\u064b-\u0652\u0670\u0640]/g, "")
      .replace(/[\u0622\u0623\u0625]/g, "\u0627").replace(/\u0629/g, "\u0647").replace(/\u0649/g, "\u064a").toLowerCase();
  }
  document.querySelectorAll("[data-pick-list]").forEach(function (list) {
    var box = list.querySelector("[data-pick-filter]");
    if (!box) { return; }
    box.hidden = false;
    box.addEventListener("input", function () {
      var q = fold(box.value.trim());
      list.querySelectorAll(".pick-item").forEach(function (item) {
        var checked = item.querySelector("input").checked;
        item.hidden = q !== "" && !checked && fold(item.textContent).indexOf(q) < 0;
      });
    });
  });
})();

// Length limits: each field with a maxlength shows, under it, how many characters are left.
// Without the script the limit is in the field's hint and the browser stops at it.
(function () {
  var left = document.body.getAttribute("data-counter-left") || "";
  document.querySelectorAll("textarea[maxlength]").forEach(function (field) {
    var max = parseInt(field.getAttribute("maxlength"), 10);
    if (!max) { return; }
    var counter = document.createElement("span");
    counter.className = "hint counter";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    function update() { counter.textContent = left + (max - field.value.length) + " / " + max; }
    field.addEventListener("input", update);
    update();
  });
})();
