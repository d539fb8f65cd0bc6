// Ärendets väg on the case page: draws each process the case has been in and marks the steps
// passed (passerat-steg) and the current ones (aktuellt-steg) from the container's data, which the
// server derives from Flerpart's own records. The table under each diagram is its text
// alternative: a current step's label and a clicked step's details are read from its rows.
(function () {
  "use strict";

  function ord(lista) {
    return (lista || "").split(" ").filter((x) => x);
  }

  function rader(process, element) {
    const tabell = document.getElementById("arendevag-tabell-" + process);
    return tabell
      ? Array.from(tabell.querySelectorAll("tr.arendevag-rad")).filter(
          (tr) => tr.dataset.element === element
        )
      : [];
  }

  // "Bered ärende: Står här nu, började 2026-11-20 10:00, hos Anna Lind (Försäkringskassan)".
  function text(tr) {
    const celler = Array.from(tr.cells).map((c) => c.textContent.trim());
    const [namn, lage, borjade, klart, vem] = celler;
    const delar = [lage];
    if (borjade) {
      delar.push((lage === "Passerat" ? "började " : "sedan ") + borjade);
    }
    if (klart) {
      delar.push("klart " + klart);
    }
    if (vem) {
      delar.push((klart ? "av " : "hos ") + vem);
    }
    return namn + ": " + delar.join(", ");
  }

  async function rita(behallare) {
    const process = behallare.dataset.process;
    const viewer = await FlerpartDiagram.rita(behallare);
    if (!viewer) {
      return;
    }
    const canvas = viewer.get("canvas");
    const register = viewer.get("elementRegistry");
    const overlays = viewer.get("overlays");
    const aktuella = ord(behallare.dataset.aktuella);
    for (const element of ord(behallare.dataset.passerade)) {
      if (register.get(element)) {
        canvas.addMarker(element, "passerat-steg");
      }
    }
    for (const element of aktuella) {
      if (!register.get(element)) {
        continue;
      }
      canvas.addMarker(element, "aktuellt-steg");
      const tr = rader(process, element).find((r) => r.classList.contains("aktuellt"));
      if (tr) {
        const etikett = document.createElement("div");
        etikett.className = "arendevag-etikett";
        etikett.dataset.element = element;
        const vem = tr.cells[4].textContent.trim();
        const sedan = tr.cells[2].textContent.trim();
        etikett.textContent = (vem ? vem + " · " : "") + (sedan ? "sedan " + sedan : "");
        etikett.title = text(tr);
        if (etikett.textContent) {
          overlays.add(element, { position: { bottom: -4, left: 0 }, html: etikett });
        }
      }
    }
    const detalj = document.getElementById("arendevag-detalj-" + process);
    viewer.get("eventBus").on("element.click", (e) => {
      const traffar = rader(process, e.element.id);
      if (!detalj || traffar.length === 0) {
        return;
      }
      detalj.textContent = traffar.map(text).join(" · ");
      for (const tr of document.querySelectorAll("tr.arendevag-rad.vald")) {
        tr.classList.remove("vald");
      }
      traffar.forEach((tr) => tr.classList.add("vald"));
    });
  }

  for (const behallare of document.querySelectorAll(".arendevag-diagram")) {
    rita(behallare).catch(() => FlerpartDiagram.visaFel(behallare));
  }
})();
