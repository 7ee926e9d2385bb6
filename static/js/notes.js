// Session notes: clicking an AI item highlights the note sentences it cites.
(function () {
  function highlight(item) {
    const sentences = document.querySelectorAll("#note-sentences [data-idx]");
    sentences.forEach((el) => el.classList.remove("hl"));
    document.querySelectorAll(".ai-item.selected").forEach((el) => el.classList.remove("selected"));
    const wanted = (item.dataset.sources || "").split(",").filter((s) => s !== "");
    let first = null;
    wanted.forEach((idx) => {
      const el = document.querySelector(`#note-sentences [data-idx="${idx}"]`);
      if (el) {
        el.classList.add("hl");
        first = first || el;
      }
    });
    item.classList.add("selected");
    if (first) first.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }
  document.addEventListener("click", (event) => {
    // Buttons and links inside an item do their own thing.
    if (event.target.closest("button, a, input, select, textarea, label")) return;
    const item = event.target.closest(".ai-item[data-sources]");
    if (item) highlight(item);
  });
  document.addEventListener("keydown", (event) => {
    const item = event.target.closest && event.target.closest(".ai-item[data-sources]");
    if (item && (event.key === "Enter" || event.key === " ") && event.target === item) {
      event.preventDefault();
      highlight(item);
    }
  });
})();
