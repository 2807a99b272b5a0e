// Copy buttons: a [data-copy="<id>"] button copies the value of the field with that id. Without JavaScript the
// buttons stay hidden and the (read-only) fields can be selected and copied by hand.

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
        await navigator.clipboard.writeText(source.value);
      } catch {
        source.select();
        copied = document.execCommand('copy');
      }
      if (status) status.textContent = copied ? 'Copied.' : 'Could not copy: select the text and copy it.';
    });
  }
}
