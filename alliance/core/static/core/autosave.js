/* Drafts save as the person types (progressive enhancement: without JavaScript the
   form's own save button does the same). A form opts in with data-autosave; its draft is
   posted to its own action a moment after the last keystroke, marked X-Autosave so the
   server keeps the one-time token for the real submission. No inline script: CSP-safe. */
(function () {
  "use strict";
  var DELAY = 1500;

  function status(form) {
    var el = form.querySelector(".autosave-status");
    if (!el) {
      el = document.createElement("p");
      el.className = "autosave-status hint";
      el.setAttribute("role", "status");
      el.setAttribute("aria-live", "polite");
      form.appendChild(el);
    }
    return el;
  }

  function save(form) {
    var data = new FormData(form);
    data.delete("form_token");
    var files = [];
    data.forEach(function (value, key) { if (value instanceof File) { files.push(key); } });
    files.forEach(function (key) { data.delete(key); });
    var el = status(form);
    el.textContent = form.dataset.autosaveSaving || "";
    fetch(form.action || window.location.href, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-Autosave": "1" }
    }).then(function (response) {
      if (response.type === "opaqueredirect" || response.ok) {
        // A redirect to the sign-in page means the session ended: what was typed is kept
        // on the server and comes back after signing in.
        el.textContent = response.type === "opaqueredirect" && response.url.indexOf("/login") > -1
          ? (form.dataset.autosaveSignedOut || "")
          : (form.dataset.autosaveSaved || "");
      } else {
        el.textContent = form.dataset.autosaveFailed || "";
      }
    }).catch(function () {
      el.textContent = form.dataset.autosaveFailed || "";
    });
  }

  function watch(form) {
    var timer = null;
    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { save(form); }, DELAY);
    }
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    form.addEventListener("submit", function () { window.clearTimeout(timer); });
  }

  document.querySelectorAll("form[data-autosave]").forEach(watch);
})();
