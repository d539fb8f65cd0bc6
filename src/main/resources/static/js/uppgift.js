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

  // form-js writes its own validation messages in English; the users read Swedish.
  const oversattningar = [
    [/^Field is required\.?$/, () => "Fältet måste fyllas i."],
    [/^Field must have minimum length of (\d+)\.?$/, (m) => "Minst " + m[1] + " tecken."],
    [/^Field must have maximum length of (\d+)\.?$/, (m) => "Högst " + m[1] + " tecken."],
    [/^Field must have minimum value of (.+?)\.?$/, (m) => "Minsta tillåtna värde är " + m[1] + "."],
    [/^Field must have maximum value of (.+?)\.?$/, (m) => "Högsta tillåtna värde är " + m[1] + "."],
    [/^Field must match pattern .*$/, () => "Fältet har fel format."],
    [/^Field must be a valid email\.?$/, () => "Ange en giltig e-postadress."],
    [/^Field must be a valid +international phone number.*$/, () => "Ange ett giltigt telefonnummer i internationellt format, t.ex. +46701234567."],
    [/^Value is not a number\.?$/, () => "Ange ett tal."],
    [/^Date must be .*$/, () => "Ange ett giltigt datum."],
  ];

  function svenska(text) {
    const rensad = (text || "").trim();
    for (const [monster, ersattning] of oversattningar) {
      const traff = rensad.match(monster);
      if (traff) {
        return ersattning(traff);
      }
    }
    return rensad;
  }

  // The rest of form-js' own words: select placeholders, list buttons, search fields.
  const ord = {
    "Select": "Välj…",
    "No results": "Inga träffar",
    "All values selected": "Alla värden är valda",
    "Add new": "Lägg till",
    "Collapse": "Fäll ihop",
    "Search": "Sök",
  };

  function oversattFormJs() {
    const vandrare = document.createTreeWalker(behallare, NodeFilter.SHOW_TEXT);
    for (let nod = vandrare.nextNode(); nod; nod = vandrare.nextNode()) {
      const text = nod.nodeValue.trim();
      if (!text) {
        continue;
      }
      let ny = ord[text] || svenska(text);
      const expandera = text.match(/^Expand all \((\d+)\)$/);
      if (expandera) {
        ny = "Visa alla (" + expandera[1] + ")";
      }
      if (ny !== text) {
        nod.nodeValue = nod.nodeValue.replace(text, ny);
      }
    }
    behallare.querySelectorAll("input[placeholder=Search]").forEach((i) => (i.placeholder = "Sök"));
  }

  function samlaEtiketter(komponenter) {
    for (const k of komponenter || []) {
      const etikett = k.label || k.dateLabel || k.key;
      if (k.key) {
        etiketter[k.key] = etikett;
      }
      if (k.id && etikett) {
        etiketter[k.id] = etikett;
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
        perFalt[falt] = (Array.isArray(fel) ? fel : [fel]).map((f) => svenska(String(f))).join(" ");
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
        // The list repeats the confirmation, so it can be read after the page has moved on.
        statusrad.textContent = (kropp.meddelande || "Uppgiften är slutförd.") + " Du skickas till uppgiftslistan.";
        statusrad.hidden = false;
        document.querySelectorAll(".knappar").forEach((e) => e.remove());
        const status = document.getElementById("uppgiftsstatus");
        if (status) {
          status.textContent = "Slutförd";
        }
        behallare.remove();
        knapp.remove();
        setTimeout(() => (window.location.href = "/uppgifter?klar=" + encodeURIComponent(uppgiftId)), 1500);
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
    new MutationObserver(oversattFormJs).observe(behallare, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    oversattFormJs();
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

  starta().catch((e) => {
    console.error("Formuläret kunde inte visas", e);
    behallare.dataset.fel = String(e && e.stack ? e.stack : e);
    behallare.textContent = "Formuläret kunde inte visas. Ladda om sidan; kvarstår felet, kontakta förvaltningen.";
  });
})();
