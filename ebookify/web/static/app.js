// ebookify serve: keeps each dropped file in the page and sends it with the edits, so the server
// stores nothing. Plain JavaScript, no build step, no third-party request.
"use strict";

const drop = document.getElementById("drop");
const chooser = document.getElementById("stories");
const books = document.getElementById("books");
const announce = document.getElementById("announce"); // one short line per finished file, for screen readers
const maxFiles = Number(drop.dataset.maxFiles);
const stories = new Map(); // card id -> File
let slots = 0;

chooser.addEventListener("change", () => { add(chooser.files); chooser.value = ""; });
chooser.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); chooser.click(); } });
for (const name of ["dragenter", "dragover"]) {
  document.addEventListener(name, (event) => { event.preventDefault(); drop.classList.add("over"); });
}
document.addEventListener("dragleave", (event) => { if (!event.relatedTarget) drop.classList.remove("over"); });
document.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  add(event.dataTransfer.files);
});

function add(files) {
  const list = Array.from(files || []);
  if (list.length > maxFiles) say(drop, `Only the first ${maxFiles} files are read; add the others afterwards.`);
  for (const file of list.slice(0, maxFiles)) inspect(file, slots++);
}

function say(where, text) {
  let note = where.querySelector(".note");
  if (!note) { note = document.createElement("p"); note.className = "note"; note.setAttribute("role", "status"); where.append(note); }
  note.textContent = text;
}

async function inspect(file, slot) {
  const placeholder = document.createElement("article");
  placeholder.className = "book waiting";
  placeholder.id = `b${slot}`;
  const heading = document.createElement("h2");
  heading.className = "name";
  heading.textContent = file.name;
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  status.textContent = "Reading…";
  placeholder.append(heading, status);
  books.prepend(placeholder);

  const body = new FormData();
  body.append("story", file);
  body.append("modified", String(file.lastModified));
  body.append("slot", String(slot));
  try {
    const response = await fetch("/inspect", { method: "POST", body });
    const html = await response.text();
    if (!response.ok) { status.outerHTML = html; placeholder.classList.remove("waiting"); return; }
    const card = fragment(html).querySelector("article");
    placeholder.replaceWith(card);
    stories.set(card.id, file);
    wire(card);
    const line = card.querySelector(".error, .summary");
    announce.textContent = `${file.name}: ${line ? line.textContent : ""}`;
  } catch (error) {
    status.textContent = `Error: the page could not reach ebookify (${error.message}); is it still running?`;
  }
}

function fragment(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content;
}

function wire(card) {
  card.querySelector(".remove").addEventListener("click", () => { stories.delete(card.id); card.remove(); chooser.focus(); });
  const form = card.querySelector("form");
  if (!form) return;
  form.addEventListener("submit", (event) => { event.preventDefault(); download(card, form, event.submitter); });
  card.querySelector(".refresh").addEventListener("click", () => refresh(card, form));
  for (const name of ["cover", "cover_style", "cover_palette", "cover_image", "notes"]) {
    for (const field of form.querySelectorAll(`[name="${name}"]`)) field.addEventListener("change", () => refresh(card, form));
  }
  for (const name of ["cover_style", "cover_palette"]) {
    form.querySelector(`[name="${name}"]`).addEventListener("change", () => { form.querySelector('[value="generated"]').checked = true; });
  }
  form.querySelector('[name="cover_image"]').addEventListener("change", () => { form.querySelector('[value="image"]').checked = true; });
  for (const field of form.querySelectorAll("input:not([type]), textarea")) field.addEventListener("change", () => refresh(card, form));
}

function request(card, form) {
  const body = new FormData(form);
  const file = stories.get(card.id);
  body.append("story", file);
  body.append("modified", String(file.lastModified));
  return body;
}

const latest = new Map(); // card id -> number of its newest preview request
const UPDATING = "Updating the preview…";

async function refresh(card, form) {
  const status = form.querySelector(".status");
  const previews = card.querySelector(".previews");
  const mine = (latest.get(card.id) || 0) + 1;
  latest.set(card.id, mine);
  previews.setAttribute("aria-busy", "true");
  status.textContent = UPDATING;
  try {
    const response = await fetch("/preview", { method: "POST", body: request(card, form) });
    const html = await response.text();
    if (latest.get(card.id) !== mine) return; // a newer edit is on its way
    if (response.ok) {
      previews.innerHTML = html;
      if (status.textContent === UPDATING) status.textContent = "";
    } else {
      status.innerHTML = html;
    }
  } catch (error) {
    status.textContent = `Error: the page could not reach ebookify (${error.message})`;
  } finally {
    if (latest.get(card.id) === mine) previews.removeAttribute("aria-busy");
  }
}

async function download(card, form, submitter) {
  const status = form.querySelector(".status");
  const button = submitter || form.querySelector('button[type="submit"]');
  const body = request(card, form);
  body.set("format", button.value);
  button.disabled = true;
  status.textContent = "Making the book…";
  try {
    const response = await fetch("/book", { method: "POST", body });
    if (!response.ok) { status.innerHTML = await response.text(); return; }
    const disposition = response.headers.get("Content-Disposition") || "";
    const utf8 = disposition.match(/filename\*=utf-8''([^;]+)/i);
    const name = utf8 ? decodeURIComponent(utf8[1]) : (disposition.match(/filename="([^"]+)"/) || [null, "book.epub"])[1];
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    status.textContent = `Downloaded ${name}.`;
  } catch (error) {
    status.textContent = `Error: the page could not reach ebookify (${error.message})`;
  } finally {
    button.disabled = false;
  }
}
