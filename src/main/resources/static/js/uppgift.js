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
  const utkaststatus = document.getElementById("utkaststatus");
  const utkastAdress = "/api/uppgifter/" + uppgiftId + "/utkast";
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

  // A case number or a date in a form's text (its heading: "Ärende 2026-0001") is kept whole on a
  // narrow screen instead of being broken at its hyphen, as on the server's pages (class hel).
  const HELA_VARDEN = /(?:AVV-)?\d{4}-\d{2}-\d{2}|(?:AVV-)?\d{4}-\d{4}/g;

  function helaVarden() {
    const noder = [];
    for (const text of behallare.querySelectorAll(".fjs-form-field-text")) {
      const vandrare = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
      for (let nod = vandrare.nextNode(); nod; nod = vandrare.nextNode()) {
        if (!nod.parentElement.closest(".hel")) {
          noder.push(nod);
        }
      }
    }
    for (const nod of noder) {
      const delar = [];
      let fore = 0;
      for (const m of nod.nodeValue.matchAll(HELA_VARDEN)) {
        const hel = document.createElement("span");
        hel.className = "hel";
        hel.textContent = m[0];
        delar.push(nod.nodeValue.slice(fore, m.index), hel);
        fore = m.index + m[0].length;
      }
      if (delar.length) {
        nod.replaceWith(...delar, nod.nodeValue.slice(fore));
      }
    }
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
      // A dynamic list has no key; its rows' data lies under its path.
      if (k.path && k.label) {
        etiketter[k.path] = k.label;
      }
      samlaEtiketter(k.components);
    }
  }

  /** A field's label; a field in a list's row ("deltagare[1].epost") with its row, "Deltagare 2, E-post". */
  function etikettFor(falt) {
    const rad = falt.match(/^(.+)\[(\d+)\]\.([^.[\]]+)$/);
    if (!rad) {
      return etiketter[falt];
    }
    const lista = etikettFor(rad[1]);
    const egen = etiketter[rad[3]] || rad[3];
    return lista ? lista + " " + (Number(rad[2]) + 1) + ", " + egen : egen;
  }

  /** The fields of the form's data holding a control character, each with its message. */
  function otillatnaTecken(data) {
    const perFalt = {};
    FlerpartFalt.medOtillatetTecken(data).forEach((falt) => (perFalt[falt] = FlerpartFalt.OTILLATET_TECKEN));
    return perFalt;
  }

  // The server's messages start with the field's label (and the row, "Deltagare 2: …"); form-js'
  // own messages and the control characters found here do not, so those get the label here.
  function visaFel(meddelande, perFalt, franServern) {
    felruta.replaceChildren();
    const rubrik = document.createElement("p");
    rubrik.textContent = meddelande;
    felruta.appendChild(rubrik);
    if (perFalt && Object.keys(perFalt).length > 0) {
      const lista = document.createElement("ul");
      for (const [falt, text] of Object.entries(perFalt)) {
        const rad = document.createElement("li");
        rad.textContent = franServern ? text : (etikettFor(falt) || "Fält") + ": " + text;
        rad.dataset.falt = falt;
        lista.appendChild(rad);
      }
      felruta.appendChild(lista);
    }
    felruta.hidden = false;
    felruta.scrollIntoView({ block: "start" });
    felruta.focus({ preventScroll: true });
  }

  // --- Drafts: what is typed is saved on the server (debounced) and restored on the next visit. ---

  let utkastForm = null;
  let senastSparat = null;
  let utkastTimer = null;
  let sparar = Promise.resolve();
  let avslutad = false;

  function skrivHeaders() {
    const headers = { "Content-Type": "application/json", Accept: "application/json" };
    if (csrfToken && csrfHeader) {
      headers[csrfHeader] = csrfToken;
    }
    return headers;
  }

  function formularetsVarden() {
    return JSON.stringify(utkastForm._getSubmitData ? utkastForm._getSubmitData() : utkastForm._getState().data);
  }

  function visaUtkaststatus(text) {
    if (utkaststatus) {
      utkaststatus.textContent = text;
      utkaststatus.hidden = false;
    }
  }

  /** Saves the draft now if it changed; resolves when the server has it (or refused it). */
  function sparaUtkast() {
    clearTimeout(utkastTimer);
    utkastTimer = null;
    if (!utkastForm || avslutad) {
      return sparar;
    }
    const varden = formularetsVarden();
    if (varden === senastSparat) {
      return sparar;
    }
    const tecken = FlerpartFalt.medOtillatetTecken(JSON.parse(varden));
    if (tecken.length > 0) {
      // The server would refuse it too; the draft saved before stays.
      visaUtkaststatus(
        "Utkastet sparas inte. " + (etikettFor(tecken[0]) || "Ett fält") + ": " + FlerpartFalt.OTILLATET_TECKEN
      );
      return sparar;
    }
    sparar = sparar.then(async () => {
      try {
        const svar = await fetch(utkastAdress, {
          method: "PUT",
          headers: skrivHeaders(),
          body: varden,
          credentials: "same-origin",
        });
        const kropp = await svar.json().catch(() => ({}));
        if (svar.ok) {
          senastSparat = varden;
          visaUtkaststatus(kropp.meddelande || "Utkast sparat");
        } else {
          const fel = kropp.fel ? Object.values(kropp.fel).join(" ") : kropp.meddelande;
          visaUtkaststatus("Utkastet kunde inte sparas: " + (fel || "okänt fel") + ".");
        }
      } catch (e) {
        visaUtkaststatus("Utkastet kunde inte sparas: Flerpart svarar inte. Försöker igen när du skriver.");
      }
    });
    return sparar;
  }

  function folj(form) {
    utkastForm = form;
    senastSparat = formularetsVarden();
    form.on("changed", () => {
      if (avslutad) {
        return;
      }
      clearTimeout(utkastTimer);
      utkastTimer = setTimeout(sparaUtkast, 800);
    });
    // Typing, then leaving the page or taking the task: what was typed is saved first.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") {
        sparaUtkast();
      }
    });
    document.querySelectorAll(".knappar form").forEach((f) =>
      f.addEventListener("submit", (e) => {
        if (f.dataset.sparat === "true") {
          return;
        }
        e.preventDefault();
        sparaUtkast().finally(() => {
          f.dataset.sparat = "true";
          f.submit();
        });
      })
    );
  }

  async function hamtaUtkast() {
    try {
      const svar = await fetch(utkastAdress, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!svar.ok) {
        return null;
      }
      const utkast = await svar.json();
      const andrad = svar.headers.get("Last-Modified");
      return { utkast, andrad: andrad ? new Date(andrad) : null };
    } catch (e) {
      return null;
    }
  }

  async function skicka(form, knapp) {
    felruta.hidden = true;
    if (window.FlerpartDatum && FlerpartDatum.harFel(behallare)) {
      visaFel(
        "Ett datum kunde inte läsas. Skriv datum som ÅÅÅÅ-MM-DD, till exempel " +
          FlerpartDatum.exempel() +
          "."
      );
      return;
    }
    if (window.FlerpartDatum && FlerpartDatum.harTidsfel(behallare)) {
      visaFel("En tid kunde inte läsas. Skriv tiden som TT:MM, till exempel 10:00.");
      return;
    }
    const resultat = form.submit();
    const perFalt = otillatnaTecken(resultat.data);
    for (const [falt, fel] of Object.entries(resultat.errors || {})) {
      perFalt[falt] = (Array.isArray(fel) ? fel : [fel]).map((f) => svenska(String(f))).join(" ");
    }
    if (Object.keys(perFalt).length > 0) {
      visaFel("Formuläret är inte komplett. Rätta fälten nedan.", perFalt);
      return;
    }
    knapp.disabled = true;
    knapp.textContent = "Skickar…";
    const headers = skrivHeaders();
    clearTimeout(utkastTimer);
    await sparar;
    try {
      const svar = await fetch("/api/uppgifter/" + uppgiftId + "/slutfor", {
        method: "POST",
        headers,
        body: JSON.stringify(resultat.data),
        credentials: "same-origin",
      });
      const kropp = await svar.json().catch(() => ({}));
      if (svar.ok) {
        avslutad = true;
        if (utkaststatus) {
          utkaststatus.hidden = true;
        }
        if (kropp.varning) {
          // The answer is stored but reached no process: the page stays, so that it can be read.
          statusrad.textContent = kropp.varning + " ";
          statusrad.className = "textvarning";
          const tillListan = document.createElement("a");
          tillListan.href = "/uppgifter";
          tillListan.textContent = "Till uppgiftslistan";
          statusrad.append(tillListan);
          formularetKlart(knapp, "Sparad, nådde ingen process");
          return;
        }
        // The list repeats the confirmation, so it can be read after the page has moved on.
        // The Beredningsmöte view goes on to its next case instead (data-efter).
        const efter = behallare.dataset.efter;
        statusrad.textContent =
          (kropp.meddelande || "Uppgiften är slutförd.") + (efter ? " Nästa ärende visas." : " Du skickas till uppgiftslistan.");
        formularetKlart(knapp, "Slutförd");
        const dit = efter || "/uppgifter?klar=" + encodeURIComponent(uppgiftId);
        setTimeout(() => (window.location.href = dit), efter ? 800 : 1500);
        return;
      }
      visaFel(kropp.meddelande || "Uppgiften kunde inte slutföras.", kropp.fel, true);
    } catch (e) {
      visaFel("Kunde inte nå Flerpart. Kontrollera anslutningen och försök igen; inget har sparats.");
    }
    knapp.disabled = false;
    knapp.textContent = "Slutför uppgiften";
  }

  /** The form is sent: shows the status row, and takes away the form and its buttons. */
  function formularetKlart(knapp, uppgiftensStatus) {
    statusrad.hidden = false;
    document.querySelectorAll(".knappar").forEach((e) => e.remove());
    const status = document.getElementById("uppgiftsstatus");
    if (status) {
      status.textContent = uppgiftensStatus;
    }
    behallare.remove();
    knapp.remove();
  }

  async function starta() {
    const utkast = endastLasning ? null : hamtaUtkast();
    const svar = await fetch("/api/uppgifter/" + uppgiftId + "/formular", {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!svar.ok) {
      behallare.textContent = "Formuläret kunde inte laddas.";
      return;
    }
    const { schema, data } = await svar.json();
    const sparat = endastLasning ? null : await utkast;
    samlaEtiketter(schema.components);
    behallare.textContent = "";
    const form = new FormViewer.Form({ container: behallare });
    await form.importSchema(schema, sparat ? Object.assign({}, data, sparat.utkast) : data);
    if (window.FlerpartDatum) {
      FlerpartDatum.folj(behallare);
    }
    const efterRendering = () => {
      oversattFormJs();
      helaVarden();
    };
    new MutationObserver(efterRendering).observe(behallare, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    efterRendering();
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
    folj(form);
    if (sparat) {
      const nar = sparat.andrad
        ? " från " + sparat.andrad.toLocaleTimeString("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit" })
        : "";
      visaUtkaststatus("Ditt utkast" + nar + " är återställt.");
    }
  }

  starta().catch((e) => {
    console.error("Formuläret kunde inte visas", e);
    behallare.dataset.fel = String(e && e.stack ? e.stack : e);
    behallare.textContent = "Formuläret kunde inte visas. Ladda om sidan; kvarstår felet, kontakta förvaltningen.";
  });
})();
