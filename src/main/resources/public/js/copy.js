// Copy buttons: a [data-copy="<id>"] button copies the value of the field with that id, or the text of the element
// with that id (a station's fediverse handle). Without JavaScript the buttons stay hidden and the (read-only) fields
// and the text can be selected and copied by hand.

function textOf(source) {
  return 'value' in source ? source.value : source.textContent.trim();
}

// Selects what the button copies, so that a browser without clipboard access still shows it ready to copy by hand.
function select(source) {
  if (typeof source.select === 'function') {
    source.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(source);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

export function initCopy(root) {
  for (const button of root.querySelectorAll('[data-copy]')) {
    const source = document.getElementById(button.dataset.copy);
    if (!source) continue;
    const group = button.closest('.copy-group, section') || button.parentElement;
    const status = group.querySelector('[data-copy-status]');
    button.hidden = false;
    button.addEventListener('click', async () => {
      let copied = true;
      try {
        await navigator.clipboard.writeText(textOf(source));
      } catch {
        select(source);
        try {
          copied = document.execCommand('copy');
        } catch {
          copied = false;
        }
      }
      if (status) status.textContent = copied ? 'Copied.' : 'Could not copy: select the text and copy it.';
    });
  }
}
