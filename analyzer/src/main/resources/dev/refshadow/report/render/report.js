(function () {
  "use strict";
  var list = document.getElementById("groups");
  var groups = Array.prototype.slice.call(list.querySelectorAll("details.group"));
  var buttons = Array.prototype.slice.call(document.querySelectorAll("button[data-sort]"));
  var filter = document.getElementById("filter");
  var shown = document.getElementById("shown");
  var state = { sort: "objects", filter: "" };

  function number(el, name) {
    return Number(el.getAttribute("data-" + name));
  }

  function readHash() {
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      if (eq < 0) { return; }
      var key = part.slice(0, eq), value = decodeURIComponent(part.slice(eq + 1));
      if (key === "sort" && buttons.some(function (b) { return b.getAttribute("data-sort") === value; })) {
        state.sort = value;
      } else if (key === "filter") {
        state.filter = value;
      }
    });
    filter.value = state.filter;
  }

  function writeHash() {
    var hash = "#sort=" + state.sort + (state.filter ? "&filter=" + encodeURIComponent(state.filter) : "");
    if (history.replaceState) { history.replaceState(null, "", hash); }
  }

  function apply() {
    var by = state.sort, term = state.filter.trim().toLowerCase(), visible = 0;
    groups.sort(function (a, b) {
      return number(b, by) - number(a, by) || number(a, "rank") - number(b, "rank");
    });
    var fragment = document.createDocumentFragment();
    groups.forEach(function (group) {
      var match = !term || group.getAttribute("data-search").indexOf(term) >= 0;
      group.hidden = !match;
      if (match) { visible++; }
      fragment.appendChild(group);
    });
    list.appendChild(fragment);
    buttons.forEach(function (b) { b.classList.toggle("active", b.getAttribute("data-sort") === by); });
    shown.textContent = "Showing " + visible + " of " + groups.length + " groups, largest " + by + " first";
    document.body.setAttribute("data-sorted-by", by);
    document.body.setAttribute("data-visible", String(visible));
  }

  buttons.forEach(function (b) {
    b.addEventListener("click", function () {
      state.sort = b.getAttribute("data-sort");
      writeHash();
      apply();
    });
  });
  filter.addEventListener("input", function () {
    state.filter = filter.value;
    writeHash();
    apply();
  });
  readHash();
  apply();
  document.body.setAttribute("data-ready", "true");
})();
