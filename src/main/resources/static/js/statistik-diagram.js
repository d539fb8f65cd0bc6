// The Statistik page's charts, drawn by chart.js from the table beside each one: the table is the
// chart's text alternative, and the chart can never show other figures than the table.
(function () {
  "use strict";

  const KON = [
    { kolumn: "kvinnor", namn: "Kvinnor", farg: "#1b4f72" },
    { kolumn: "man", namn: "Män", farg: "#7fb3d5" },
    { kolumn: "annat", namn: "Annat/okänt", farg: "#b58100" },
  ];
  const LEDTIDER = [
    { kolumn: "medianDagar", namn: "Median (dagar)", farg: "#1b4f72" },
    { kolumn: "p80Dagar", namn: "80:e percentil (dagar)", farg: "#7fb3d5" },
  ];

  /** A cell's number ("12,5" → 12.5); empty or a dash is no value. */
  function tal(cell) {
    if (!cell) {
      return null;
    }
    const text = cell.textContent.replace("%", "").replace(",", ".").trim();
    const varde = Number(text);
    return text === "" || Number.isNaN(varde) ? null : varde;
  }

  function rita(canvas) {
    const tabell = document.getElementById("data-" + canvas.dataset.diagram);
    if (!tabell) {
      return;
    }
    const ledtider = tabell.dataset.kolumner === "LEDTIDER";
    const serier = ledtider ? LEDTIDER : KON;
    const rader = Array.from(tabell.querySelectorAll("tbody tr"));
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: rader.map((r) => r.querySelector("th").textContent.trim()),
        datasets: serier.map((s) => ({
          label: s.namn,
          backgroundColor: s.farg,
          data: rader.map((r) => tal(r.querySelector('[data-kolumn="' + s.kolumn + '"]'))),
        })),
      },
      options: {
        animation: false,
        responsive: true,
        indexAxis: "y",
        scales: {
          x: { stacked: !ledtider, beginAtZero: true, ticks: { precision: 0 } },
          y: { stacked: !ledtider },
        },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  if (typeof Chart !== "undefined") {
    document.querySelectorAll("canvas[data-diagram]").forEach(rita);
  }
})();
