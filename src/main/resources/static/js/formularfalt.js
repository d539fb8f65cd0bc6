// A control character that no one types (NUL and the like, usually from pasted text) is refused by
// the server wherever text comes in. In the browser a form holding one is not sent: the field gets
// the message under it with its label, the first such field gets the focus, and nothing is saved.
// Without this the server still refuses the form, but on a page of its own that names the field
// by its technical name. Loaded on every page (the head fragment); the task forms (form-js) use
// FlerpartTecken.falt for their data before they are sent. Hidden fields are the page's own and
// left to the server.
(function () {
  "use strict";
  // The same characters as the server's check: C0 controls except tab, line break and carriage
  // return, and DEL.
  const OTILLATET = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
  const MEDDELANDE =
    "texten innehåller ett otillåtet tecken, ett osynligt styrtecken (ofta från inklistrad text)." +
    " Skriv om texten och försök igen.";

  function finns(text) {
    return typeof text === "string" && OTILLATET.test(text);
  }

  /** The keys of a form's data (nested objects and lists as key paths) whose text is refused. */
  function falt(data, prefix) {
    const hittade = [];
    if (Array.isArray(data)) {
      data.forEach((v, i) => hittade.push(...falt(v, prefix + "[" + i + "]")));
    } else if (data !== null && typeof data === "object") {
      for (const [nyckel, v] of Object.entries(data)) {
        const namn = prefix ? prefix + "." + nyckel : nyckel;
        if (finns(nyckel) || finns(v)) {
          hittade.push(namn);
        } else {
          hittade.push(...falt(v, namn));
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
        const beskriven = (element.getAttribute("aria-describedby") || "")
          .split(" ")
          .filter((d) => d && d !== s.id);
        if (beskriven.length > 0) {
          element.setAttribute("aria-describedby", beskriven.join(" "));
        } else {
          element.removeAttribute("aria-describedby");
        }
      }
      s.remove();
    });
  }

  let nummer = 0;

  function markera(element) {
    if (!element.id) {
      nummer += 1;
      element.id = "teckenkontroll-falt-" + nummer;
    }
    const ruta = document.createElement("span");
    ruta.id = element.id + "-teckenfel";
    ruta.className = "faltfel teckenfel";
    ruta.dataset.for = element.id;
    ruta.textContent = etikett(element) + ": " + MEDDELANDE;
    element.insertAdjacentElement("afterend", ruta);
    element.setAttribute("aria-invalid", "true");
    const beskriven = (element.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    beskriven.push(ruta.id);
    element.setAttribute("aria-describedby", beskriven.join(" "));
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

  window.FlerpartTecken = { finns, falt, MEDDELANDE };
})();
