// Swedish dates in form-js' date fields. form-js (its `datetime` field, kept so that the forms still
// work in Camunda Tasklist) formats and reads dates after the browser's locale, usually American:
// 2026-12-04 became 8 June 2027 and 04.12.2026 was silently cleared. Each date field's calendar
// (flatpickr, inside form-js) is set to ÅÅÅÅ-MM-DD, reads ÅÅÅÅMMDD too, shows Swedish names with
// Monday first, and text it cannot read stays in the field with a Swedish message instead of
// being changed or dropped. The time beside a date (form-js' own time box) reads TT:MM, TT.MM,
// TTMM and TT, and keeps text it cannot read with a Swedish message instead of clearing it.
(function () {
  "use strict";

  const FORMAT = "ÅÅÅÅ-MM-DD";
  const TIDIGT = "Datumet har redan passerat. Välj i dag eller ett senare datum.";
  const TIDSMEDDELANDE = "Tiden kunde inte läsas. Skriv den som TT:MM, till exempel 10:00.";
  const TID_SAKNAS = "Tiden saknas. Skriv den som TT:MM, till exempel 10:00.";

  /**
   * A day the date fields accept, as an example in the messages: two weeks from today on the
   * browser's calendar (a fixed example would one day be refused as passed).
   */
  function exempel() {
    const dag = new Date();
    dag.setDate(dag.getDate() + 14);
    return (
      dag.getFullYear() +
      "-" +
      String(dag.getMonth() + 1).padStart(2, "0") +
      "-" +
      String(dag.getDate()).padStart(2, "0")
    );
  }

  /** What is said of a date that cannot be read. */
  function meddelande() {
    return "Datumet kunde inte läsas. Skriv det som " + FORMAT + ", till exempel " + exempel() + ".";
  }

  /** Where a date's and a time's messages go: the date under the whole field, the time under its box. */
  const DATUM = {
    klass: "flerpart-datumfel",
    ram: (input) => input.closest(".fjs-form-field-datetime") || input.parentElement,
  };
  const TID = {
    klass: "flerpart-tidfel",
    ram: (input) =>
      input.closest(".fjs-datetime-subsection") ||
      input.closest(".fjs-form-field-datetime") ||
      input.parentElement,
  };

  const SVENSKA = {
    weekdays: {
      shorthand: ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
      longhand: ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
    },
    months: {
      shorthand: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
      longhand: [
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
      ],
    },
    firstDayOfWeek: 1,
    ordinal: () => "",
    rangeSeparator: " till ",
    weekAbbreviation: "v.",
    scrollTitle: "Bläddra för att ändra",
    toggleTitle: "Klicka för att växla",
    amPM: ["fm", "em"],
    yearAriaLabel: "År",
    monthAriaLabel: "Månad",
    hourAriaLabel: "Timme",
    minuteAriaLabel: "Minut",
    time_24hr: true,
  };

  /** A date from ÅÅÅÅ-MM-DD or ÅÅÅÅMMDD that exists in the calendar; otherwise null. */
  function tolka(text) {
    const m = String(text == null ? "" : text).trim().match(/^(\d{4})-?(\d{2})-?(\d{2})$/);
    if (!m) {
      return null;
    }
    const ar = Number(m[1]);
    const manad = Number(m[2]);
    const dag = Number(m[3]);
    const datum = new Date(ar, manad - 1, dag);
    if (datum.getFullYear() !== ar || datum.getMonth() !== manad - 1 || datum.getDate() !== dag) {
      return null;
    }
    return datum;
  }

  /** A time of day as TT:MM from TT:MM, TT.MM, TTMM or TT (a whole hour); otherwise null. */
  function tolkaTid(text) {
    const m = String(text == null ? "" : text).trim().match(/^(\d{1,2})(?:[:.]?(\d{2}))?$/);
    if (!m) {
      return null;
    }
    const timme = Number(m[1]);
    const minut = m[2] === undefined ? 0 : Number(m[2]);
    if (timme > 23 || minut > 59) {
      return null;
    }
    return String(timme).padStart(2, "0") + ":" + String(minut).padStart(2, "0");
  }

  function visaFel(input, text, slag = DATUM) {
    const ram = slag.ram(input);
    let fel = ram.querySelector("." + slag.klass);
    if (!fel) {
      fel = document.createElement("div");
      fel.className = "fjs-form-field-error " + slag.klass;
      fel.id = input.id + "-" + slag.klass;
      fel.setAttribute("role", "alert");
      ram.appendChild(fel);
    }
    fel.textContent = text || meddelande();
    input.setAttribute("aria-invalid", "true");
    FlerpartFalt.beskriv(input, fel.id);
    ram.classList.add("flerpart-datum-ogiltigt");
  }

  function rensaFel(input, slag = DATUM) {
    const ram = slag.ram(input);
    const fel = ram.querySelector("." + slag.klass);
    if (fel) {
      FlerpartFalt.slutaBeskriva(input, fel.id);
      fel.remove();
    }
    input.removeAttribute("aria-invalid");
    ram.classList.remove("flerpart-datum-ogiltigt");
  }

  function anpassa(input) {
    const fp = input._flatpickr;
    if (!fp || fp.flerpartSvensk) {
      return;
    }
    fp.flerpartSvensk = true;
    const setDate = fp.setDate;
    // Every way flatpickr reads typed text (Enter, leaving the field, clicking outside) goes
    // through setDate with the input's text: what cannot be read is kept and explained.
    fp.setDate = function (datum, utlosAndring, format) {
      if (typeof datum === "string" && datum.trim() !== "") {
        const tolkat = tolka(datum);
        if (!tolkat) {
          visaFel(input);
          return undefined;
        }
        const tidigast = fp.config.minDate;
        if (tidigast instanceof Date && tolkat < new Date(tidigast.getFullYear(), tidigast.getMonth(), tidigast.getDate())) {
          visaFel(input, TIDIGT);
          return undefined;
        }
        rensaFel(input);
        return setDate.call(fp, tolkat, utlosAndring);
      }
      rensaFel(input);
      return setDate.apply(fp, arguments);
    };
    fp.set({
      locale: SVENSKA,
      dateFormat: "Y-m-d",
      ariaDateFormat: "j F Y",
      parseDate: (text) => tolka(text) || undefined,
    });
    input.placeholder = FORMAT;
    const ram = DATUM.ram(input);
    ram.lang = "sv";
    fp.config.onOpen.push(() => iFonstret(fp.calendarContainer));
  }

  /**
   * form-js keeps the calendar in its field's frame, drawn from the field's left edge: on a phone
   * it reached past the window's right edge, its Sundays out of sight. It is moved left until it
   * fits, a little in from the window's edges (less where the window is barely wider than the
   * calendar), never past the left one.
   */
  function iFonstret(kalender) {
    kalender.style.left = "";
    const ruta = kalender.getBoundingClientRect();
    const bredd = document.documentElement.clientWidth;
    const marginal = Math.max(0, Math.min(8, (bredd - ruta.width) / 2));
    const over = ruta.right - (bredd - marginal);
    if (over > 0) {
      const steg = Math.min(over, Math.max(0, ruta.left - marginal));
      kalender.style.left = `${kalender.offsetLeft - steg}px`;
    }
  }

  /**
   * The date fields' own inputs, not the year box of the calendar that flatpickr draws beside them
   * (it holds just "2026" and has no flatpickr of its own).
   */
  function datumfalt(behallare) {
    return Array.from(
      behallare.querySelectorAll(".fjs-form-field-datetime .fjs-datepicker input")
    ).filter((i) => !i.closest(".flatpickr-calendar"));
  }

  /** The time boxes beside the dates. */
  function tidfalt(behallare) {
    return Array.from(
      behallare.querySelectorAll(".fjs-form-field-datetime .fjs-timepicker input")
    );
  }

  /**
   * Before form-js reads a typed time (leaving the box, Enter): unreadable text stays with a
   * message instead of being cleared, and TT.MM, TTMM or TT is written as TT:MM for form-js to read.
   * Runs in the capture phase on the form, so it comes before form-js' own handler on the box.
   */
  function granskaTid(e) {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.closest(".fjs-timepicker")) {
      return;
    }
    if (e.type === "keydown" && e.key !== "Enter") {
      return;
    }
    if (input.flerpartOmsand) {
      return;
    }
    const text = input.value.trim();
    if (text === "") {
      // Text that could not be read is gone; a time still missing is still missing.
      const fel = TID.ram(input).querySelector("." + TID.klass);
      if (fel && fel.textContent !== TID_SAKNAS) {
        rensaFel(input, TID);
      }
      return;
    }
    const tid = tolkaTid(text);
    if (!tid) {
      e.stopImmediatePropagation();
      visaFel(input, TIDSMEDDELANDE, TID);
      return;
    }
    rensaFel(input, TID);
    if (tid !== text) {
      // form-js reads what it has been told by input events: tell it, then let it read on the
      // next turn, once it has taken the new text.
      e.stopImmediatePropagation();
      input.value = tid;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      setTimeout(() => {
        input.flerpartOmsand = true;
        try {
          input.dispatchEvent(new FocusEvent("focusout", { bubbles: true }));
        } finally {
          input.flerpartOmsand = false;
        }
      }, 0);
    }
  }

  /** A time chosen from the list after a message: the message goes. */
  function rensaLastaTider(behallare) {
    tidfalt(behallare).forEach((input) => {
      if (TID.ram(input).querySelector("." + TID.klass) && tolkaTid(input.value)) {
          rensaFel(input, TID);
      }
    });
  }

  /** Adapts every date field under the element that form-js has set up so far. */
  function anpassaAlla(behallare) {
    datumfalt(behallare).forEach(anpassa);
  }

  /**
   * True when a date field holds text that could not be read; its message is then shown. A required
   * time left empty beside it gets a message of its own: form-js marks the empty box, but its
   * "Fältet måste fyllas i." for the whole field gives way to the date's message.
   */
  function harFel(behallare) {
    let fel = false;
    datumfalt(behallare).forEach((input) => {
      const text = input.value.trim();
      if (text !== "" && !tolka(text)) {
        visaFel(input);
      }
      const ram = DATUM.ram(input);
      if (ram.querySelector("." + DATUM.klass)) {
        fel = true;
        const tid = ram.querySelector(".fjs-timepicker input");
        if (tid && tid.value.trim() === "" && kravs(tid)) {
          visaFel(tid, TID_SAKNAS, TID);
        }
      }
    });
    return fel;
  }

  /** True when the box's label marks it as required (form-js' asterisk). */
  function kravs(input) {
    const etikett = input.id && document.querySelector('label[for="' + CSS.escape(input.id) + '"]');
    return Boolean(etikett && etikett.querySelector(".fjs-asterix"));
  }

  /** True when a time box holds text that could not be read; its message is then shown. */
  function harTidsfel(behallare) {
    let fel = false;
    tidfalt(behallare).forEach((input) => {
      const text = input.value.trim();
      if (text !== "" && !tolkaTid(text)) {
        visaFel(input, TIDSMEDDELANDE, TID);
        fel = true;
      } else {
        rensaFel(input, TID);
      }
    });
    return fel;
  }

  /**
   * Follows the form: date fields are set up when form-js adds them (a new row in a list, a field
   * shown by a condition). flatpickr is attached just after the field is drawn, hence the retry.
   */
  function folj(behallare) {
    let vantar = false;
    const korning = () => {
      vantar = false;
      anpassaAlla(behallare);
      rensaLastaTider(behallare);
      const kvar = datumfalt(behallare).some((i) => !i._flatpickr || !i._flatpickr.flerpartSvensk);
      if (kvar) {
        schemalagg();
      }
    };
    const schemalagg = () => {
      if (!vantar) {
        vantar = true;
        setTimeout(korning, 30);
      }
    };
    new MutationObserver(schemalagg).observe(behallare, { childList: true, subtree: true });
    // form-js (preact/compat) listens for focusout, not blur, when a box is left.
    behallare.addEventListener("focusout", granskaTid, true);
    behallare.addEventListener("keydown", granskaTid, true);
    korning();
  }

  window.FlerpartDatum = { folj, harFel, harTidsfel, tolka, tolkaTid, exempel, TIDSMEDDELANDE };
})();
