// Typeset every formula that pymdownx.arithmatex marked, with the KaTeX the site serves.
// Runs on each page view, including instant navigation (material's document$).
(function () {
  function typeset(root) {
    root.querySelectorAll(".arithmatex").forEach(function (el) {
      if (el.dataset.typeset) return;
      var tex = el.textContent.trim();
      var display = el.tagName === "DIV";
      tex = display ? tex.replace(/^\\\[/, "").replace(/\\\]$/, "")
                    : tex.replace(/^\\\(/, "").replace(/\\\)$/, "");
      katex.render(tex, el, { displayMode: display, throwOnError: false });
      el.dataset.typeset = "1";
    });
  }
  window.kbTypeset = typeset;  // for content shown later (an exercise's hint and solution)
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { typeset(document.body); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { typeset(document.body); });
  }
})();
