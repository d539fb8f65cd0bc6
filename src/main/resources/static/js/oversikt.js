// Processöversikten: draws each process with bpmn-js and puts the figures from the page's table on
// its steps, coloured by count or by the longest wait. The table is the diagram's text
// alternative, so the diagram never shows other figures than the table.
(function () {
  "use strict";

  const rader = Array.from(document.querySelectorAll("tr.oversikt-steg")).map((tr) => ({
    process: tr.dataset.process,
    element: tr.dataset.element,
    antal: Number(tr.dataset.antal),
    median: Number(tr.dataset.median),
    langst: Number(tr.dataset.langst),
  }));
  const visare = [];

  function dagar(v) {
    return v.toFixed(1).replace(".", ",");
  }

  function varme(v, max) {
    if (max <= 0) {
      return 1;
    }
    return Math.min(4, Math.max(1, Math.ceil((v / max) * 4)));
  }

  function farglagg() {
    const val = document.querySelector("input[name=farg]:checked");
    const matt = val && val.value === "langst" ? "langst" : "antal";
    const max = Math.max(0, ...rader.map((r) => r[matt]));
    for (const { process, viewer } of visare) {
      const canvas = viewer.get("canvas");
      const register = viewer.get("elementRegistry");
      for (const r of rader.filter((x) => x.process === process)) {
        if (!register.get(r.element)) {
          continue;
        }
        for (let i = 1; i <= 4; i++) {
          canvas.removeMarker(r.element, "varme-" + i);
        }
        canvas.addMarker(r.element, "varme-" + varme(r[matt], max));
      }
    }
  }

  function visaArenden(process, element) {
    const lista = document.getElementById("arenden-" + process + "-" + element);
    if (lista) {
      lista.open = true;
      lista.scrollIntoView({ block: "start" });
      lista.querySelector("summary").focus();
    }
  }

  async function rita(behallare) {
    const process = behallare.dataset.process;
    const viewer = await FlerpartDiagram.rita(behallare);
    if (!viewer) {
      return;
    }
    const register = viewer.get("elementRegistry");
    const overlays = viewer.get("overlays");
    for (const r of rader.filter((x) => x.process === process)) {
      if (!register.get(r.element)) {
        continue;
      }
      const siffra = document.createElement("div");
      siffra.className = "oversikt-siffra";
      siffra.dataset.element = r.element;
      siffra.title = "Median " + dagar(r.median) + " dagar, längst " + dagar(r.langst) + " dagar";
      const antal = document.createElement("strong");
      antal.textContent = String(r.antal);
      siffra.append(antal, " st · " + dagar(r.median) + "/" + dagar(r.langst) + " d");
      siffra.addEventListener("click", () => visaArenden(process, r.element));
      overlays.add(r.element, { position: { top: -14, left: 0 }, html: siffra });
    }
    viewer.get("eventBus").on("element.click", (e) => {
      if (rader.some((x) => x.process === process && x.element === e.element.id)) {
        visaArenden(process, e.element.id);
      }
    });
    visare.push({ process, viewer });
    farglagg();
  }

  for (const radio of document.querySelectorAll("input[name=farg]")) {
    radio.addEventListener("change", farglagg);
  }
  for (const behallare of document.querySelectorAll(".oversikt-diagram")) {
    rita(behallare).catch(() => FlerpartDiagram.visaFel(behallare));
  }
})();
