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
