extension DashboardAsset {
    /// The only script: reloads the page every 30 seconds (pausable, remembered across pages),
    /// and reads out the value of the chart mark under the pointer or focus. Everything else
    /// works without it.
    static let scriptText = #"""
        (function () {
          "use strict";
          var INTERVAL = 30000;
          var KEY = "driftwatch.refresh.paused";

          function paused() {
            try { return window.localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
          }

          function setPaused(value) {
            try {
              if (value) { window.localStorage.setItem(KEY, "1"); } else { window.localStorage.removeItem(KEY); }
            } catch (e) { /* storage may be disabled; the choice then lasts for this page only */ }
          }

          function setUpRefresh() {
            var toggle = document.querySelector("[data-refresh-toggle]");
            var status = document.querySelector("[data-refresh-status]");
            var isPaused = paused();
            function show() {
              if (!toggle) { return; }
              toggle.hidden = false;
              toggle.setAttribute("aria-pressed", isPaused ? "true" : "false");
              toggle.textContent = isPaused ? "Resume auto-refresh" : "Pause auto-refresh";
            }
            show();
            if (toggle) {
              toggle.addEventListener("click", function () {
                isPaused = !isPaused;
                setPaused(isPaused);
                show();
                if (status) { status.textContent = isPaused ? "Auto-refresh paused." : "Auto-refresh every 30 seconds."; }
              });
            }
            window.setInterval(function () {
              var active = document.activeElement;
              var busy = active && (active.tagName === "SELECT" || active.tagName === "INPUT");
              if (!isPaused && !busy && document.visibilityState !== "hidden") { window.location.reload(); }
            }, INTERVAL);
          }

          function markTitle(target) {
            while (target && target.nodeType === 1 && target.tagName.toLowerCase() !== "svg") {
              for (var child = target.firstElementChild; child; child = child.nextElementSibling) {
                if (child.tagName.toLowerCase() === "title") { return child.textContent; }
              }
              target = target.parentNode;
            }
            return null;
          }

          function setUpReadouts() {
            var figures = document.querySelectorAll("figure.chart");
            Array.prototype.forEach.call(figures, function (figure) {
              var readout = figure.querySelector("[data-readout]");
              if (!readout) { return; }
              function read(event) {
                var text = markTitle(event.target);
                if (text && event.target.tagName.toLowerCase() !== "svg") { readout.textContent = text; }
              }
              figure.addEventListener("mouseover", read);
              figure.addEventListener("focusin", read);
            });
          }

          document.addEventListener("DOMContentLoaded", function () {
            setUpRefresh();
            setUpReadouts();
          });
        })();

        """#
}
