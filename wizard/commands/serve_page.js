// canvas-wizard serve: the page gives the wizard every key, from the first one.
// textual-serve's page sends keys only while its terminal has the browser's focus, and only
// once its connection is open: keys typed as the page loads, or after a click beside the
// terminal, were lost. Here the terminal takes the focus as soon as it exists and keeps it;
// a key typed while it does not have it is sent as the terminal would send it; and what is
// sent before the connection is open waits for it, in order.
(function () {
  "use strict";
  const Native = window.WebSocket;
  const early = [];  // frames sent before there is a connection
  let socket = null;

  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      socket = this;
      this.waiting = early.splice(0);
      // Registered before the page's own handlers: the keys typed so far go first.
      this.addEventListener("open", () => {
        const waiting = this.waiting;
        this.waiting = null;
        for (const frame of waiting) Native.prototype.send.call(this, frame);
      });
    }
    send(frame) {
      if (this.waiting) this.waiting.push(frame);
      else Native.prototype.send.call(this, frame);
    }
  };

  const NAMED = {Enter: "\r", Backspace: "\x7f", Tab: "\t", Escape: "\x1b", Delete: "\x1b[3~",
                 ArrowUp: "\x1b[A", ArrowDown: "\x1b[B", ArrowRight: "\x1b[C", ArrowLeft: "\x1b[D",
                 Home: "\x1b[H", End: "\x1b[F", PageUp: "\x1b[5~", PageDown: "\x1b[6~"};

  function terminalInput() {
    return document.querySelector(".xterm-helper-textarea");
  }

  function asTyped(event) {
    // What a terminal sends for the key; null for one the wizard has no use for.
    if (event.isComposing || event.metaKey) return null;
    const key = event.key;
    if (event.ctrlKey && !event.altKey && /^[a-z]$/i.test(key)) {
      return String.fromCharCode(key.toUpperCase().charCodeAt(0) - 64);
    }
    if (event.ctrlKey || event.altKey) return null;
    if (Object.prototype.hasOwnProperty.call(NAMED, key)) return NAMED[key];
    return [...key].length === 1 ? key : null;
  }

  function send(text) {
    const frame = JSON.stringify(["stdin", text]);
    if (socket) socket.send(frame);
    else early.push(frame);
  }

  function focusTerminal() {
    const input = terminalInput();
    if (input && document.activeElement !== input && !document.body.classList.contains("-closed")) {
      input.focus({preventScroll: true});
    }
  }

  window.addEventListener("keydown", (event) => {
    const input = terminalInput();
    if (input && document.activeElement === input) return;  // the terminal sends it
    if (document.activeElement instanceof HTMLButtonElement) return;  // "Restart" after the end
    const text = asTyped(event);
    if (text === null) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    send(text);
    focusTerminal();
  }, true);

  // A click anywhere but on a button leaves the focus where it is.
  document.addEventListener("mousedown", (event) => {
    const target = event.target;
    const inside = target instanceof Element && (target.closest(".xterm") || target.closest("button"));
    if (!inside) event.preventDefault();
  }, true);
  document.addEventListener("focusout", (event) => {
    if (event.target !== terminalInput()) return;
    setTimeout(() => {
      if (document.hasFocus() && !(document.activeElement instanceof HTMLButtonElement)) focusTerminal();
    }, 0);
  });
  window.addEventListener("focus", focusTerminal);
  const waitForTerminal = setInterval(() => {
    if (terminalInput()) {
      clearInterval(waitForTerminal);
      focusTerminal();
    }
  }, 20);
})();
