// Alert inbox: listens to /live/alerts (server-sent events) and re-reads the list from the server-rendered page when
// an alert of the clinic is raised or changes (and on the 15 s heartbeat). While someone types a note in the list the
// refresh waits for the next event, so the note is not wiped. Without this script the page still refreshes itself every 30 s.
(function () {
  "use strict";
  var board = document.getElementById("alert-board");
  var status = document.getElementById("alert-status");
  var count = document.getElementById("alert-count");
  if (!board || !window.EventSource || !window.fetch) {
    return;
  }

  var loading = false;
  var again = false;

  function typing() {
    var active = document.activeElement;
    return active && board.contains(active) && (active.tagName === "INPUT" || active.tagName === "TEXTAREA");
  }

  function refresh() {
    if (loading || typing()) {
      again = true;
      return;
    }
    loading = true;
    fetch(window.location.pathname + window.location.search, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var next = fresh.getElementById("alert-board");
        var nextCount = fresh.getElementById("alert-count");
        var nextStatus = fresh.getElementById("alert-status");
        if (next) {
          board.innerHTML = next.innerHTML;
        }
        if (nextCount && count) {
          count.textContent = nextCount.textContent;
          document.title = fresh.title;
        }
        if (nextStatus && status) {
          status.textContent = nextStatus.textContent + " (live)";
        }
      })
      .catch(function () {
        if (status) {
          status.textContent = "Live update failed; refresh the page.";
        }
      })
      .then(function () {
        loading = false;
        if (again && !typing()) {
          again = false;
          refresh();
        }
      });
  }

  var source = new EventSource(board.getAttribute("data-live") || "/live/alerts");
  source.addEventListener("changed", refresh);
  source.addEventListener("tick", refresh);
  source.addEventListener("open", function () {
    board.setAttribute("data-connected", "true");
  });
  window.addEventListener("pagehide", function () {
    source.close();
  });
})();
