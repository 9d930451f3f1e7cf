// Copy buttons: copy the named input's URL; where the clipboard is refused (plain http), select it for Ctrl+C.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  const input = document.getElementById(button.dataset.copy);
  const copied = () => { button.textContent = "Copied"; };
  const select = () => { input.focus(); input.select(); };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(input.value).then(copied, select);
  } else {
    select();
  }
});
