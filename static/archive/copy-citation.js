// Copy buttons of the entry page's Cite section. Without JavaScript each citation's plain
// text is still there, in a visible read-only text block to select and copy; the buttons
// stay hidden, since they could do nothing.
(function () {
  "use strict";
  var status = document.querySelector(".cite .copy-status");

  function say(text) {
    if (status) { status.textContent = text; }
  }

  function copy(block) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(block.value);
    }
    block.focus();
    block.select();
    var copied = document.execCommand && document.execCommand("copy");
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  document.querySelectorAll(".cite button.copy-citation").forEach(function (button) {
    var block = document.getElementById(button.getAttribute("data-copy"));
    if (!block) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(block).then(function () {
        say("Copied to the clipboard.");
      }, function () {
        block.focus();
        block.select();
        say("Copying was refused by the browser: the text is selected, press Ctrl+C (or Cmd+C).");
      });
    });
  });
}());
