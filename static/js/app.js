/* Small progressive enhancements; every page works without this file. */
(function () {
  "use strict";

  var lang = document.documentElement.lang || "en";

  /* Answer length counter (the server checks the real limits). */
  document.querySelectorAll("textarea[data-min]").forEach(function (area) {
    var form = area.form;
    var counter = form && form.querySelector("[data-counter]");
    if (!counter) return;
    var count = counter.querySelector("[data-count]");
    var hint = counter.querySelector("[data-hint-short]");
    var min = parseInt(area.dataset.min, 10);
    var max = parseInt(area.dataset.max, 10);
    function update() {
      var length = area.value.trim().length;
      count.textContent = String(area.value.length);
      counter.classList.toggle("is-short", length > 0 && length < min);
      counter.classList.toggle("is-long", area.value.length > max);
      if (hint) hint.hidden = length >= min;
    }
    area.addEventListener("input", update);
    update();
  });

  /* One submission per click: a double click must not send the answer twice. */
  document.querySelectorAll("form[data-answer-form]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("[data-submit]");
      var note = form.querySelector("[data-submitting]");
      if (button) {
        window.setTimeout(function () { button.disabled = true; }, 0);
      }
      if (note) note.hidden = false;
    });
  });

  /* The draft of an answer survives a refresh or a closed tab: it lives in this browser's
     localStorage under the session question's id until that question has been answered. */
  var store = null;
  try { store = window.localStorage; store.getItem("probe"); } catch (e) { store = null; }
  document.querySelectorAll("[data-clear-draft]").forEach(function (el) {
    if (store) store.removeItem(el.dataset.clearDraft);
  });
  document.querySelectorAll("form[data-draft-key]").forEach(function (form) {
    var area = form.querySelector("textarea");
    var key = form.dataset.draftKey;
    if (!area || !store) return;
    var saved = store.getItem(key);
    if (saved && !area.value) {
      area.value = saved;
      area.dispatchEvent(new Event("input"));
      var note = form.querySelector("[data-draft-restored]");
      if (note) note.hidden = false;
    }
    area.addEventListener("input", function () {
      try {
        if (area.value) store.setItem(key, area.value); else store.removeItem(key);
      } catch (e) { /* storage full: the server still gets what is sent */ }
    });
  });

  /* A Korean answer in an English session (or the reverse) is scored against the session's
     language: say so while the user writes, before they send it. */
  document.querySelectorAll("form[data-session-language]").forEach(function (form) {
    var area = form.querySelector("textarea");
    var warning = form.querySelector("[data-language-warning]");
    var expected = form.dataset.sessionLanguage;
    if (!area || !warning) return;
    function check() {
      var hangul = (area.value.match(/[\uac00-\ud7a3\u3131-\u318e]/g) || []).length;
      var latin = (area.value.match(/[A-Za-z]/g) || []).length;
      var letters = hangul + latin;
      var other = expected === "ko" ? latin : hangul;
      warning.hidden = !(letters >= 20 && other / letters > 0.6);
    }
    area.addEventListener("input", check);
    check();
  });

  /* After a rate-limit refusal: count down, then let the kept answer be sent. */
  document.querySelectorAll("[data-countdown]").forEach(function (box) {
    var left = parseInt(box.dataset.countdown, 10) || 0;
    var seconds = box.querySelector("[data-countdown-seconds]");
    var done = box.querySelector("[data-countdown-done]");
    var form = box.closest("form");
    var button = form && form.querySelector("[data-submit]");
    function tick() {
      if (left <= 0) {
        if (seconds) seconds.parentNode.hidden = true;
        if (done) done.hidden = false;
        if (button) button.disabled = false;
        box.classList.add("is-done");
        return;
      }
      if (seconds) seconds.textContent = String(left);
      left -= 1;
      window.setTimeout(tick, 1000);
    }
    tick();
  });

  /* The custom role field only matters for the custom category. */
  var role = document.querySelector("[data-custom-role]");
  if (role) {
    var radios = document.querySelectorAll('input[name="category"]');
    var toggle = function () {
      var custom = document.querySelector('input[name="category"][value="custom"]');
      var show = (custom && custom.checked) || role.classList.contains("has-error");
      role.hidden = !show;
    };
    radios.forEach(function (radio) { radio.addEventListener("change", toggle); });
    toggle();
  }

  /* While an analysis runs, ask the API for its status and reload once it is done. */
  var poller = document.querySelector("[data-poll-url]");
  if (poller && window.fetch) {
    var url = poller.dataset.pollUrl;
    var interval = parseInt(poller.dataset.pollInterval, 10) || 1500;
    var started = Date.now();
    var poll = function () {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (body) {
          if (body && (body.status === "completed" || body.status === "failed")) {
            window.location.reload();
            return;
          }
          // Slow down after a minute; a queued analysis can wait for a busy worker.
          var wait = Date.now() - started > 60000 ? interval * 4 : interval;
          window.setTimeout(poll, wait);
        })
        .catch(function () { window.setTimeout(poll, interval * 4); });
    };
    window.setTimeout(poll, interval);
  }

  /* Times are rendered in UTC by the server; show them in the reader's own time zone. */
  if (window.Intl && Intl.DateTimeFormat) {
    document.querySelectorAll("time[data-local]").forEach(function (el) {
      var when = new Date(el.getAttribute("datetime"));
      if (isNaN(when.getTime())) return;
      var kind = el.dataset.local;
      var options = kind === "date" ? { dateStyle: "medium" }
        : kind === "time" ? { timeStyle: "short" }
        : { dateStyle: "medium", timeStyle: "short" };
      try {
        el.textContent = new Intl.DateTimeFormat(lang, options).format(when);
      } catch (e) { /* keep the server's text */ }
    });
  }
})();
