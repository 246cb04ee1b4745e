// What a reader does with one checklist item, and what they see of it.

/** Where the infrastructure guide keeps its progress, and its backups (roadmap/model/keys.rs). */
export const PROGRESS_KEY = 'career-guide:infrastructure-engineer:roadmap';
export const BACKUP_PREFIX = `${PROGRESS_KEY}:backup:`;
/** Where releases before guides had their own keys kept progress, and its backups. */
export const LEGACY_KEY = 'career-guide:roadmap';
export const LEGACY_BACKUP_PREFIX = `${LEGACY_KEY}:backup:`;

/** Presses the state button labelled `label` ('Done', 'In progress', …) of item `id`. */
export const mark = (page, id, label) => page.click(`#item-${id} .state-button:has-text("${label}")`);

/** The text of item `id`'s pressed state button. */
export const pressed = (page, id) => page.textContent(`#item-${id} .state-button[aria-pressed="true"]`);

/** Opens item `id`'s note editor, unless it is open (the editor exists only while open). */
export async function openNote(page, id) {
  const toggle = page.locator(`#item-${id} .note-toggle`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return page.locator(`#item-${id} .note-editor textarea`);
}

/** Item `id`'s note, as its editor shows it. */
export async function noteOf(page, id) {
  return (await openNote(page, id)).inputValue();
}
