// The trend charts, drawn by chart.js from the figures the tables below them also show.
(function () {
  "use strict";
  function ritaTrend() {
    const data = document.getElementById("avvikelsetrend");
    if (!data || typeof Chart === "undefined") {
      return;
    }
    const trend = JSON.parse(data.textContent);
    const rita = (id, punkter) => {
      const canvas = document.getElementById(id);
      if (!canvas) {
        return;
      }
      new Chart(canvas, {
        type: "bar",
        data: {
          labels: punkter.map((p) => p.period),
          datasets: [
            { label: "Nya", data: punkter.map((p) => p.nya), backgroundColor: "#1b4f72" },
            { label: "Avslutade", data: punkter.map((p) => p.avslutade), backgroundColor: "#7fb3d5" },
          ],
        },
        options: {
          animation: false,
          responsive: true,
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: "bottom" } },
        },
      });
    };
    rita("trend-manad", trend.manad);
    rita("trend-kvartal", trend.kvartal);
  }

  ritaTrend();
})();
