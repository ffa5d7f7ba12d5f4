/**
 * Messages to the user: errors (a bad file, a refused scenario) and short confirmations, shown as
 * dismissible banners. Text is always set with textContent, never parsed as HTML, because it may
 * quote what a file contained.
 */

/** Shows a message; errors and warnings stay until dismissed, information fades after a few seconds. */
export function showMessage(text: string, kind: 'error' | 'warning' | 'info' = 'error'): void {
  const box = document.getElementById('messages');
  if (box === null) return;
  const message = document.createElement('div');
  message.className = `message ${kind}`;
  const body = document.createElement('div');
  body.className = 'text';
  body.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss');
  close.addEventListener('click', () => message.remove());
  message.append(body, close);
  while (box.children.length >= 3) box.firstElementChild?.remove();
  box.append(message);
  if (kind === 'info') setTimeout(() => message.remove(), 5000);
}

/** Removes every message. */
export function clearMessages(): void {
  document.getElementById('messages')?.replaceChildren();
}
