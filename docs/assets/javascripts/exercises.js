// "Check yourself": answers checked in the page, progress kept in this browser (localStorage).
// Each exercise (kbsite/exercises.py) carries its key, hint and worked solution base64-encoded
// in data-kb-key, so that no answer is in the page's text or the search index before the
// reader gives one. A wrong answer gets the hint and a second try; a second wrong answer
// (or "Show the solution") reveals the worked solution.
(function () {
  var STORE = "kb-exercises";

  function load() {
    try { return JSON.parse(localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
  }
  function save(progress) {
    try { localStorage.setItem(STORE, JSON.stringify(progress)); } catch (e) { /* private mode */ }
  }
  function decode(text) {
    var bytes = Uint8Array.from(atob(text), function (c) { return c.charCodeAt(0); });
    return JSON.parse(new TextDecoder().decode(bytes));
  }
  function typeset(el) {
    if (window.kbTypeset) window.kbTypeset(el);
  }
  function numbers(text) {
    var parts = text.replace(/[\[\]()]/g, " ").split(/[\s,;]+/).filter(Boolean);
    return parts.map(function (p) { return Number(p.replace(/^\u2212/, "-")); });
  }
  function normal(text) {
    return String(text).toLowerCase().replace(/\s+/g, "");
  }

  function right(key, form) {
    if (key.why.length) {
      var chosen = form.querySelector("input[type=radio]:checked");
      return chosen ? Number(chosen.value) === key.answer : null;
    }
    var given = form.querySelector("input[type=text]").value.trim();
    if (!given) return null;
    if (typeof key.answer === "string") return normal(given) === normal(key.answer);
    var want = Array.isArray(key.answer) ? key.answer : [key.answer];
    var got = numbers(given);
    if (got.length !== want.length || got.some(isNaN)) return false;
    return want.every(function (w, i) { return Math.abs(got[i] - w) <= key.tolerance; });
  }

  function show(form, key, state) {
    var feedback = form.querySelector(".kb-ex-feedback");
    var parts = [];
    if (state.state === "solved") parts.push('<p class="kb-ex-right">Correct.</p>');
    else if (state.state === "revealed") parts.push('<p class="kb-ex-wrong">Not quite. Here is the worked solution.</p>');
    else if (state.tries) parts.push('<p class="kb-ex-wrong">Not yet: one more try.</p><div class="kb-ex-hint"><strong>Hint.</strong> ' + key.hint + "</div>");
    if (key.why.length && (state.state || state.tries)) {
      form.querySelectorAll(".kb-ex-options label").forEach(function (label, i) {
        var old = label.querySelector(".kb-ex-why");
        if (old) old.remove();
        var picked = label.querySelector("input").checked;
        if (state.state || picked) {
          var why = document.createElement("span");
          why.className = "kb-ex-why" + (i === key.answer && state.state ? " kb-ex-is-answer" : "");
          why.innerHTML = key.why[i];
          label.appendChild(why);
        }
      });
    }
    if (state.state) parts.push('<div class="kb-ex-solution"><strong>Solution.</strong> ' + key.solution + "</div>");
    else if (state.tries) parts.push('<p><button type="button" class="kb-ex-give-up md-button">Show the solution</button></p>');
    feedback.innerHTML = parts.join("");
    form.classList.toggle("kb-ex-done", !!state.state);
    typeset(form);
  }

  function count(root, progress) {
    var counter = root.querySelector(".kb-ex-count");
    if (!counter) return;
    var all = root.querySelectorAll("[data-kb-exercise]");
    var solved = Array.prototype.filter.call(all, function (f) {
      return (progress[f.dataset.kbExercise] || {}).state === "solved";
    }).length;
    counter.textContent = "Solved " + solved + " of " + all.length;
  }

  function setUp(root) {
    root.querySelectorAll("form[data-kb-exercise]").forEach(function (form) {
      var id = form.dataset.kbExercise;
      var key = decode(form.dataset.kbKey);
      var state = load()[id];
      if (state && (state.state || state.tries)) show(form, key, state);
      else show(form, key, {});
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var progress = load();
        var now = progress[id] || { tries: 0 };
        if (now.state) { show(form, key, now); return; }
        var ok = right(key, form);
        if (ok === null) return;
        now.tries += 1;
        if (ok) now.state = "solved";
        else if (now.tries >= 2) now.state = "revealed";
        progress[id] = now;
        save(progress);
        show(form, key, now);
        count(root, progress);
      });
      form.addEventListener("click", function (event) {
        if (!event.target.classList.contains("kb-ex-give-up")) return;
        var progress = load();
        progress[id] = { tries: (progress[id] || {}).tries || 0, state: "revealed" };
        save(progress);
        show(form, key, progress[id]);
        count(root, progress);
      });
    });
    root.querySelectorAll(".kb-ex-reset").forEach(function (button) {
      button.addEventListener("click", function () {
        var progress = load();
        root.querySelectorAll("form[data-kb-exercise]").forEach(function (form) {
          delete progress[form.dataset.kbExercise];
          form.reset();
          show(form, decode(form.dataset.kbKey), {});
        });
        save(progress);
        count(root, progress);
      });
    });
    count(root, load());
  }

  function chapter(el) {  // a chapter's index: how many of its exercises this reader solved
    var ids = JSON.parse(el.dataset.kbExercises || "[]");
    if (!ids.length) return;
    var progress = load();
    var solved = ids.filter(function (id) { return (progress[id] || {}).state === "solved"; }).length;
    el.textContent = "Check yourself: you have solved " + solved + " of the " + ids.length +
      " exercises of this chapter.";
  }

  function start() {
    document.querySelectorAll(".kb-exercises").forEach(setUp);
    document.querySelectorAll(".kb-progress[data-kb-exercises]").forEach(chapter);
  }
  if (typeof document$ !== "undefined") document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
