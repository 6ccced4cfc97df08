// Nurse-station monitor: listens to /live/sessions (server-sent events) and re-renders the board from the
// server-rendered page whenever a session of the clinic changes (and on the 15 s heartbeat, for the clock and
// overdue checks). Without this script the page still works: it refreshes itself every 30 s.
(function () {
  "use strict";
  var board = document.getElementById("monitor-board");
  var status = document.getElementById("monitor-status");
  if (!board || !window.EventSource || !window.fetch) {
    return;
  }

  var loading = false;
  var again = false;

  function refresh() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    fetch(window.location.pathname, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var next = fresh.getElementById("monitor-board");
        var nextStatus = fresh.getElementById("monitor-status");
        if (next) {
          board.innerHTML = next.innerHTML;
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
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  var source = new EventSource(board.getAttribute("data-live") || "/live/sessions");
  source.addEventListener("changed", refresh);
  source.addEventListener("tick", refresh);
  source.addEventListener("open", function () {
    board.setAttribute("data-connected", "true");
  });
  window.addEventListener("pagehide", function () {
    source.close();
  });
})();
