// A trade-in offer shown on a person's screen is recorded as seen. Posted from the browser (not on page load at the
// server) so a link scanner that fetches the page without running it never marks an offer seen.
document.addEventListener('DOMContentLoaded', () => {
  for (const form of document.querySelectorAll('form[data-seen]')) {
    fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' }).catch(() => { /* seen or not, the page works */ });
  }
});
