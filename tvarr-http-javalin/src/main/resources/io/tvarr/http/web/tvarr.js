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

// Ordered choices (a proxy's sources, guides, filters, rules): drag an item, or move it with its up/down buttons;
// the form posts the ticked ones in the order shown.
let dragged = null;
document.addEventListener("dragstart", (event) => {
  dragged = event.target.closest && event.target.closest(".order-item");
  if (dragged) {
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", dragged.dataset.id);
    dragged.classList.add("dragging");
  }
});
document.addEventListener("dragend", () => {
  if (dragged) {
    dragged.classList.remove("dragging");
    // a list that is saved as it is dragged (the mapping rules) posts its whole new order through its form
    const list = dragged.parentNode;
    const form = list.dataset && list.dataset.orderForm && document.getElementById(list.dataset.orderForm);
    if (form) {
      form.elements.order.value = Array.from(list.children).map((item) => item.dataset.id).join(",");
      form.submit();
    }
  }
  dragged = null;
});
document.addEventListener("dragover", (event) => {
  const over = event.target.closest && event.target.closest(".order-item");
  if (!dragged || !over || over === dragged || over.parentNode !== dragged.parentNode) {
    return;
  }
  event.preventDefault();
  const box = over.getBoundingClientRect();
  const after = event.clientY > box.top + box.height / 2;
  over.parentNode.insertBefore(dragged, after ? over.nextSibling : over);
});
document.addEventListener("drop", (event) => {
  if (dragged) {
    event.preventDefault();
  }
});
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-move]");
  if (!button) {
    return;
  }
  const item = button.closest(".order-item");
  const sibling = button.dataset.move === "up" ? item.previousElementSibling : item.nextElementSibling;
  if (sibling && sibling.classList.contains("order-item")) {
    item.parentNode.insertBefore(item, button.dataset.move === "up" ? sibling : sibling.nextSibling);
    button.focus();
  }
});
