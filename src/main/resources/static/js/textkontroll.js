// Warns, without blocking, when a free-text field looks like it holds a personnummer or a person's
// name: when the user leaves the field, the text is sent to POST /api/textkontroll and the answer's
// warnings are shown under the field. Checks textareas marked data-textkontroll (the value
// "avvikelse" for a deviation's description, where a personnummer is refused on save) and the
// textareas of a task's form (#formular).
(function () {
  "use strict";
  const csrfToken = document.querySelector("meta[name=_csrf]")?.content;
  const csrfHeader = document.querySelector("meta[name=_csrf_header]")?.content;
  let nummer = 0;

  function kontrolleras(falt) {
    return falt instanceof HTMLTextAreaElement
      && (falt.hasAttribute("data-textkontroll") || falt.closest("#formular") !== null);
  }

  function varningsruta(falt) {
    if (!falt.id) {
      nummer += 1;
      falt.id = "textkontroll-falt-" + nummer;
    }
    const id = falt.id + "-varning";
    let ruta = document.getElementById(id);
    if (!ruta) {
      ruta = document.createElement("span");
      ruta.id = id;
      ruta.className = "textvarning";
      ruta.setAttribute("role", "status");
      ruta.hidden = true;
      falt.insertAdjacentElement("afterend", ruta);
      FlerpartFalt.beskriv(falt, id);
    }
    return ruta;
  }

  async function kontrollera(falt) {
    const text = falt.value || "";
    const ruta = varningsruta(falt);
    if (text.trim() === "") {
      ruta.hidden = true;
      ruta.textContent = "";
      return;
    }
    const headers = { "Content-Type": "application/json", Accept: "application/json" };
    if (csrfToken && csrfHeader) {
      headers[csrfHeader] = csrfToken;
    }
    try {
      const svar = await fetch("/api/textkontroll", {
        method: "POST",
        headers: headers,
        credentials: "same-origin",
        body: JSON.stringify({ text: text, avvikelse: falt.dataset.textkontroll === "avvikelse" }),
      });
      if (!svar.ok) {
        return;
      }
      const varningar = (await svar.json()).varningar || [];
      ruta.textContent = varningar.map((v) => v.meddelande).join(" ");
      ruta.hidden = varningar.length === 0;
    } catch (e) {
      // A warning is a help, never a hindrance: without an answer the field is just not checked.
    }
  }

  document.addEventListener("focusout", (e) => {
    if (kontrolleras(e.target)) {
      kontrollera(e.target);
    }
  });
  // Text the server sent back after a refused save is checked at once.
  document.querySelectorAll("textarea[data-textkontroll]").forEach((falt) => {
    if (falt.value.trim() !== "") {
      kontrollera(falt);
    }
  });
})();
