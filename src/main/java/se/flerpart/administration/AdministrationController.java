package se.flerpart.administration;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.flerpart.sakerhet.Inloggning;

/** The administration's start page and the admin log. */
@Controller
class AdministrationController {

  static final int LOGGRADER = 300;

  private final Adminlogg logg;

  AdministrationController(Adminlogg logg) {
    this.logg = logg;
  }

  @GetMapping("/admin")
  public String start(@AuthenticationPrincipal Inloggning in, Model model) {
    Behorighet.kravAdmin(in.anvandare());
    model.addAttribute("senaste", logg.poster(null, null, 5));
    return "admin/start";
  }

  @GetMapping("/admin/logg")
  public String logg(
      @RequestParam(required = false) String objekttyp,
      @RequestParam(required = false) String objekt,
      @AuthenticationPrincipal Inloggning in,
      Model model) {
    Behorighet.kravAdmin(in.anvandare());
    String typ = Adminlogg.OBJEKTTYPER.containsKey(objekttyp) ? objekttyp : null;
    String id = objekt == null || objekt.isBlank() ? null : objekt.strip();
    model.addAttribute("poster", logg.poster(typ, id, LOGGRADER));
    model.addAttribute("objekttyper", Adminlogg.OBJEKTTYPER);
    model.addAttribute("valdTyp", typ);
    model.addAttribute("valtObjekt", id);
    model.addAttribute("max", LOGGRADER);
    return "admin/logg";
  }
}
