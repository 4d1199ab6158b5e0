/* global Office, document */
// Task pane entry. The functions run in this same page (shared runtime).
Office.onReady(() => {
  const title = document.getElementById("title");
  const dutch = Office.context.displayLanguage.toLowerCase().startsWith("nl");
  if (title) title.textContent = dutch ? "Voorraadplanner" : "Backlog Planner";
});
