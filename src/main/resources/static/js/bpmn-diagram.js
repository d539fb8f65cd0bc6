// Shared by the pages that draw a process with bpmn-js (the Processöversikt, the case's path):
// fetches the BPMN XML the container names in data-bpmn and draws it to fit the container.
// Resolves to the viewer, or to null after writing in the container that it could not be shown.
(function () {
  "use strict";

  const FEL = "Diagrammet kunde inte visas.";

  async function rita(behallare) {
    const svar = await fetch(behallare.dataset.bpmn, { credentials: "same-origin" });
    if (!svar.ok) {
      behallare.textContent = FEL;
      return null;
    }
    const viewer = new BpmnJS({ container: behallare });
    await viewer.importXML(await svar.text());
    viewer.get("canvas").zoom("fit-viewport");
    return viewer;
  }

  function visaFel(behallare) {
    behallare.textContent = FEL;
  }

  window.FlerpartDiagram = { rita, visaFel };
})();
