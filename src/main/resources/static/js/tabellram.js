// A table's frame that scrolls sideways (on a phone, most of them) can be reached and scrolled with
// the keyboard: it is then in the tab order, as a region named by its table's caption. A frame the
// page gave a place in the tab order itself keeps it; one whose table fits is left out of the order.
(() => {
  function matRamarna() {
    for (const ram of document.querySelectorAll(".tabellram")) {
      if (ram.dataset.egenTabb === undefined) {
        ram.dataset.egenTabb = String(ram.hasAttribute("tabindex"));
      }
      if (ram.dataset.egenTabb === "true") {
        continue;
      }
      if (ram.scrollWidth > ram.clientWidth + 1) {
        const rubrik = ram.querySelector("caption");
        ram.tabIndex = 0;
        ram.setAttribute("role", "region");
        ram.setAttribute("aria-label", (rubrik && rubrik.textContent.trim()) || "Tabell");
      } else {
        ram.removeAttribute("tabindex");
        ram.removeAttribute("role");
        ram.removeAttribute("aria-label");
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", matRamarna);
  } else {
    matRamarna();
  }
  window.addEventListener("resize", matRamarna);
})();
