// Small progressive enhancements; every flow also works without JavaScript.
document.addEventListener("htmx:responseError", (event) => {
  // htmx ignores 4xx/5xx bodies by default; show validation fragments (422) in place.
  const xhr = event.detail.xhr;
  if (xhr.status === 422 && event.detail.target) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
document.addEventListener("htmx:beforeSwap", (event) => {
  if (event.detail.xhr.status === 422) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
