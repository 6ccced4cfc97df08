// Live board for server-rendered pages (nurse-station monitor, alert inbox): listens to the board's server-sent-events
// stream (data-live) and, when something of the clinic changes (and on the 15 s heartbeat), re-reads the same page and
// swaps in the fresh board. data-live-status names the "Updated …" line; data-live-text lists other ids whose text is
// copied too (e.g. a count). While someone types in the board the refresh waits, so a note is not wiped.
// Without this script the pages still work: they refresh themselves every 30 s.
(function () {
  "use strict";
  var board = document.querySelector("[data-live]");
  if (!board || !board.id || !window.EventSource || !window.fetch) {
    return;
  }

  var status = document.getElementById(board.getAttribute("data-live-status") || "");
  var textIds = (board.getAttribute("data-live-text") || "").split(" ").filter(Boolean);
  var loading = false;
  var again = false;

  function typing() {
    var active = document.activeElement;
    return active && board.contains(active) && (active.tagName === "INPUT" || active.tagName === "TEXTAREA");
  }

  function apply(html) {
    var fresh = new DOMParser().parseFromString(html, "text/html");
    var next = fresh.getElementById(board.id);
    if (next) {
      board.innerHTML = next.innerHTML;
    }
    textIds.forEach(function (id) {
      var mine = document.getElementById(id);
      var theirs = fresh.getElementById(id);
      if (mine && theirs) {
        mine.textContent = theirs.textContent;
      }
    });
    if (textIds.length > 0) {
      document.title = fresh.title;
    }
    var nextStatus = status && fresh.getElementById(status.id);
    if (nextStatus) {
      status.textContent = nextStatus.textContent + " (live)";
    }
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
      .then(apply)
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

  var source = new EventSource(board.getAttribute("data-live"));
  source.addEventListener("changed", refresh);
  source.addEventListener("tick", refresh);
  source.addEventListener("open", function () {
    board.setAttribute("data-connected", "true");
  });
  window.addEventListener("pagehide", function () {
    source.close();
  });
})();
