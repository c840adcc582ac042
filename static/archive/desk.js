/* The review desk's keyboard shortcuts, and one request per decision.
 *
 * Without this script the desk works as plain forms and links (a decision posts and is
 * redirected to the next statement). With it, a decision is posted in the background
 * and answered with the next statement's page, whose desk replaces this one.
 */
(function () {
  "use strict";
  var busy = false;

  function desk() { return document.getElementById("desk"); }

  function swap(html, url) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.getElementById("desk");
    if (!fresh) { return false; }
    desk().replaceWith(fresh);
    document.title = doc.title;
    if (url) { history.replaceState(null, "", url); }
    var heading = document.getElementById("desk-item-heading");
    if (heading) { heading.focus({preventScroll: false}); }
    return true;
  }

  function post(form, submitter) {
    if (busy) { return; }
    busy = true;
    desk().setAttribute("aria-busy", "true");
    var data = new FormData(form, submitter || undefined);
    fetch(form.action, {
      method: "POST", body: data, credentials: "same-origin",
      headers: {"X-Review-Desk": "1"}
    }).then(function (response) {
      return response.text().then(function (html) {
        if (!swap(html, response.headers.get("X-Review-Desk-Url"))) {
          window.location.reload();
        }
      });
    }).catch(function () {
      form.submit();  // the network failed: fall back to the plain form
    }).finally(function () {
      busy = false;
      var current = desk();
      if (current) { current.removeAttribute("aria-busy"); }
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("[data-desk-form]") || !window.fetch) { return; }
    event.preventDefault();
    post(form, event.submitter);
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || busy) { return; }
    var target = event.target;
    if (target && target.closest && target.closest("input, textarea, select, [contenteditable]")) { return; }
    var root = desk();
    if (!root) { return; }
    if (event.key === "/") {
      var search = document.getElementById("desk-who");
      if (search) { event.preventDefault(); search.focus(); }
      return;
    }
    if (!/^[a-z0-9]$/.test(event.key)) { return; }
    var control = root.querySelector('[data-key="' + event.key + '"]');
    if (!control) { return; }
    event.preventDefault();
    control.click();
  });
})();
