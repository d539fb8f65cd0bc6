// Renders a task's Camunda Form with form-js and sends it to the server, which validates it again.
(function () {
  "use strict";
  const behallare = document.getElementById("formular");
  if (!behallare) {
    return;
  }
  const uppgiftId = behallare.dataset.uppgift;
  const endastLasning = behallare.dataset.las === "true";
  const felruta = document.getElementById("felsammanfattning");
  const statusrad = document.getElementById("status");
  const csrfToken = document.querySelector("meta[name=_csrf]")?.content;
  const csrfHeader = document.querySelector("meta[name=_csrf_header]")?.content;
  let etiketter = {};

  function samlaEtiketter(komponenter) {
    for (const k of komponenter || []) {
      if (k.key) {
        etiketter[k.key] = k.label || k.key;
      }
      samlaEtiketter(k.components);
    }
  }

  function visaFel(meddelande, perFalt) {
    felruta.replaceChildren();
    const rubrik = document.createElement("p");
    rubrik.textContent = meddelande;
    felruta.appendChild(rubrik);
    if (perFalt && Object.keys(perFalt).length > 0) {
      const lista = document.createElement("ul");
      for (const [falt, text] of Object.entries(perFalt)) {
        const rad = document.createElement("li");
        rad.textContent = (etiketter[falt] || falt) + ": " + text;
        rad.dataset.falt = falt;
        lista.appendChild(rad);
      }
      felruta.appendChild(lista);
    }
    felruta.hidden = false;
    felruta.focus();
  }

  async function skicka(form, knapp) {
    felruta.hidden = true;
    const resultat = form.submit();
    if (resultat.errors && Object.keys(resultat.errors).length > 0) {
      const perFalt = {};
      for (const [falt, fel] of Object.entries(resultat.errors)) {
        perFalt[falt] = Array.isArray(fel) ? fel.join(" ") : String(fel);
      }
      visaFel("Formuläret är inte komplett. Rätta fälten nedan.", perFalt);
      return;
    }
    knapp.disabled = true;
    knapp.textContent = "Skickar…";
    const headers = { "Content-Type": "application/json", Accept: "application/json" };
    if (csrfToken && csrfHeader) {
      headers[csrfHeader] = csrfToken;
    }
    try {
      const svar = await fetch("/api/uppgifter/" + uppgiftId + "/slutfor", {
        method: "POST",
        headers,
        body: JSON.stringify(resultat.data),
        credentials: "same-origin",
      });
      const kropp = await svar.json().catch(() => ({}));
      if (svar.ok) {
        statusrad.textContent = kropp.meddelande || "Uppgiften är slutförd.";
        statusrad.hidden = false;
        behallare.remove();
        knapp.remove();
        setTimeout(() => (window.location.href = "/uppgifter"), 1500);
        return;
      }
      visaFel(kropp.meddelande || "Uppgiften kunde inte slutföras.", kropp.fel);
    } catch (e) {
      visaFel("Kunde inte nå Flerpart. Kontrollera anslutningen och försök igen; inget har sparats.");
    }
    knapp.disabled = false;
    knapp.textContent = "Slutför uppgiften";
  }

  async function starta() {
    const svar = await fetch("/api/uppgifter/" + uppgiftId + "/formular", {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!svar.ok) {
      behallare.textContent = "Formuläret kunde inte laddas.";
      return;
    }
    const { schema, data } = await svar.json();
    samlaEtiketter(schema.components);
    behallare.textContent = "";
    const form = new FormViewer.Form({ container: behallare });
    await form.importSchema(schema, data);
    if (endastLasning) {
      form.setProperty("readOnly", true);
      return;
    }
    const knapp = document.createElement("button");
    knapp.type = "button";
    knapp.id = "slutfor";
    knapp.textContent = "Slutför uppgiften";
    knapp.addEventListener("click", () => skicka(form, knapp));
    behallare.after(knapp);
  }

  starta().catch(() => {
    behallare.textContent = "Formuläret kunde inte visas.";
  });
})();
