package se.flerpart.administration;

import java.util.List;
import org.springframework.ui.Model;

/**
 * The page that asks before anything destructive: what will happen, a button that does it (a form
 * post) and a way back. Without scripts, so it works everywhere.
 */
final class Bekraftelse {

  private Bekraftelse() {}

  static String sida(
      Model model, String titel, List<String> text, String atgard, String knapp, String tillbaka) {
    model.addAttribute("titel", titel);
    model.addAttribute("text", text);
    model.addAttribute("atgard", atgard);
    model.addAttribute("knapp", knapp);
    model.addAttribute("tillbaka", tillbaka);
    return "admin/bekrafta";
  }
}
