// What every page does with its form fields (loaded in the head fragment, before the pages' own
// scripts):
// - FlerpartFalt.beskriv / slutaBeskriva link a message to its field (aria-describedby) and take
//   it away again, leaving the field's other descriptions as they are; the date fields' and the
//   free-text warnings' messages use them too.
// - A control character that no one types (NUL and the like, usually from pasted text) is refused
//   by the server wherever text comes in. In the browser a form holding one is not sent: the field
//   gets the message under it with its label, the first such field gets the focus, and nothing is
//   saved. Without this the server still refuses the form, but on a page of its own that names
//   the field by its technical name. The task forms (form-js) check their data with
//   FlerpartFalt.medOtillatetTecken before they are sent. Hidden fields are the page's own and left
//   to the server.
(function () {
  "use strict";
  // The same characters as the server's check: C0 controls except tab, line break and carriage
  // return, and DEL.
  const OTILLATET = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
  const OTILLATET_TECKEN =
    "texten innehåller ett otillåtet tecken, ett osynligt styrtecken (ofta från inklistrad text)." +
    " Skriv om texten och försök igen.";

  function beskrivningar(falt) {
    return (falt.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  }

  /** Adds the element with this id to what describes the field. */
  function beskriv(falt, id) {
    const ids = beskrivningar(falt);
    if (!ids.includes(id)) {
      ids.push(id);
      falt.setAttribute("aria-describedby", ids.join(" "));
    }
  }

  /** Takes the element with this id away from what describes the field. */
  function slutaBeskriva(falt, id) {
    const ids = beskrivningar(falt).filter((d) => d !== id);
    if (ids.length > 0) {
      falt.setAttribute("aria-describedby", ids.join(" "));
    } else {
      falt.removeAttribute("aria-describedby");
    }
  }

  function finns(text) {
    return typeof text === "string" && OTILLATET.test(text);
  }

  /** The keys of a form's data (nested objects and lists as key paths) whose text is refused. */
  function medOtillatetTecken(data, prefix = "") {
    const hittade = [];
    if (Array.isArray(data)) {
      data.forEach((v, i) => hittade.push(...medOtillatetTecken(v, prefix + "[" + i + "]")));
    } else if (data !== null && typeof data === "object") {
      for (const [nyckel, v] of Object.entries(data)) {
        const namn = prefix ? prefix + "." + nyckel : nyckel;
        if (finns(nyckel) || finns(v)) {
          hittade.push(namn);
        } else {
          hittade.push(...medOtillatetTecken(v, namn));
        }
      }
    }
    return hittade;
  }

  function etikett(element) {
    const text = (n) => (n ? n.textContent.replace(/\s+/g, " ").trim() : "");
    const id = element.id;
    const egen = id ? text(document.querySelector('label[for="' + CSS.escape(id) + '"]')) : "";
    return (
      egen ||
      text(element.closest("label")) ||
      element.getAttribute("aria-label") ||
      text(element.closest("fieldset")?.querySelector("legend")) ||
      element.name
    );
  }

  function rensa(form) {
    form.querySelectorAll(".teckenfel").forEach((s) => {
      const element = document.getElementById(s.dataset.for);
      if (element) {
        element.removeAttribute("aria-invalid");
        slutaBeskriva(element, s.id);
      }
      s.remove();
    });
  }

  let nummer = 0;

  function markera(element) {
    if (!element.id) {
      nummer += 1;
      element.id = "formularfalt-" + nummer;
    }
    const ruta = document.createElement("span");
    ruta.id = element.id + "-teckenfel";
    ruta.className = "faltfel teckenfel";
    ruta.dataset.for = element.id;
    ruta.textContent = etikett(element) + ": " + OTILLATET_TECKEN;
    element.insertAdjacentElement("afterend", ruta);
    element.setAttribute("aria-invalid", "true");
    beskriv(element, ruta.id);
  }

  // Capture, so that the check comes before any other submit handler of the page's scripts.
  document.addEventListener(
    "submit",
    (e) => {
      const form = e.target;
      if (!(form instanceof HTMLFormElement)) {
        return;
      }
      rensa(form);
      const felaktiga = Array.from(form.elements).filter(
        (el) =>
          (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) &&
          el.name &&
          !el.disabled &&
          el.type !== "file" &&
          el.type !== "hidden" &&
          finns(el.value)
      );
      if (felaktiga.length === 0) {
        return;
      }
      e.preventDefault();
      e.stopImmediatePropagation();
      felaktiga.forEach(markera);
      felaktiga[0].focus();
    },
    true
  );

  window.FlerpartFalt = { beskriv, slutaBeskriva, medOtillatetTecken, OTILLATET_TECKEN };
})();
