// "Copy" buttons of the Cite panel: our own script, no network, no mouse needed
// (they are ordinary <button>s). Without JavaScript the buttons stay hidden and
// the text can be selected, or fetched as plain text from its link.
(function () {
  "use strict";

  function announce(panel, key) {
    var status = panel && panel.querySelector("[data-copy-status]");
    if (!status) return;
    status.textContent = "";
    // A fresh text node makes screen readers announce a repeated message.
    window.setTimeout(function () { status.textContent = status.dataset[key] || ""; }, 50);
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return selection;
  }

  function copyFallback(element) {
    var selection = selectText(element);
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    if (copied) selection.removeAllRanges();
    return copied;
  }

  function copy(button) {
    var target = document.getElementById(button.dataset.copyTarget);
    var panel = button.closest("[data-cite-panel], .cite-panel");
    if (!target) return;
    var text = target.textContent.replace(/\s+/g, " ").trim();
    var done = function () {
      button.classList.add("copy-button--done");
      announce(panel, "copiedText");
      window.setTimeout(function () { button.classList.remove("copy-button--done"); }, 2000);
    };
    var failed = function () {
      if (copyFallback(target)) done();
      else announce(panel, "failedText");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
  });
})();
