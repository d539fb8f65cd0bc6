// Shows the insats fields only for insats types, and the amount only for budget.
(function () {
  "use strict";
  function insatsfalt() {
    const typ = document.getElementById("typ");
    const falt = document.getElementById("insatsfalt");
    if (!typ || !falt) {
      return;
    }
    const belopp = document.getElementById("beloppfalt");
    const visa = () => {
      const vald = typ.options[typ.selectedIndex];
      falt.hidden = !(vald && vald.dataset.kategori === "INSATS");
      belopp.hidden = typ.value !== "BUDGET";
    };
    typ.addEventListener("change", visa);
    visa();
  }

  insatsfalt();
  const fel = document.getElementById("felsammanfattning");
  if (fel) {
    fel.focus();
  }
})();
