// Progressive enhancement only: every link works without this script.
(function () {
  "use strict";

  function player() {
    return document.querySelector("[data-player]");
  }

  // Timestamp links (?t=SECONDS) seek the player instead of reloading.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-seek]");
    var media = player();
    if (!link || !media) return;
    event.preventDefault();
    media.currentTime = Number(link.dataset.seek) || 0;
    media.play().catch(function () {});
    history.replaceState(null, "", "?t=" + link.dataset.seek);
  });

  // Arriving with ?t=SECONDS starts the recording at that moment.
  document.addEventListener("DOMContentLoaded", function () {
    var media = player();
    var start = Number(new URLSearchParams(location.search).get("t"));
    if (media && start > 0) {
      media.addEventListener("loadedmetadata", function () { media.currentTime = start; }, { once: true });
      if (media.readyState >= 1) media.currentTime = start;
    }

    // External video: load the provider's player only when asked to.
    var facade = document.querySelector(".video-facade");
    var trigger = facade && facade.querySelector("[data-embed-trigger]");
    if (trigger) {
      trigger.addEventListener("click", function (event) {
        event.preventDefault();
        var frame = document.createElement("iframe");
        frame.src = facade.dataset.embedUrl + (start > 0 ? "?start=" + start : "");
        frame.title = trigger.textContent;
        frame.allow = "fullscreen; picture-in-picture";
        frame.width = "100%";
        frame.style.aspectRatio = "16 / 9";
        frame.style.border = "0";
        facade.replaceChildren(frame);
      });
    }
  });
})();
