package se.flerpart.mote;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The short link of a printed kallelse, {@code /k/{kod}}: no login, it only leads on to the signed
 * answer link ({@code /svar/{token}}) of the invitation and kallelse version it was printed for.
 * That page decides whether the link can still be used (a moved, cancelled or past meeting gives
 * its 410 page); a code that was never handed out gets a Swedish 404 page.
 */
@Controller
class KortlankController {

  private final Kortlankar kortlankar;
  private final MoteRepository moten;
  private final KallelseUtskick utskick;

  KortlankController(Kortlankar kortlankar, MoteRepository moten, KallelseUtskick utskick) {
    this.kortlankar = kortlankar;
    this.moten = moten;
    this.utskick = utskick;
  }

  @GetMapping("/k/{kod}")
  public String oppna(@PathVariable String kod, Model model, HttpServletResponse response) {
    var lank =
        kortlankar
            .las(kod)
            .flatMap(
                l ->
                    moten
                        .kallelse(l.kallelseId())
                        .flatMap(k -> moten.hitta(k.moteId()))
                        .map(m -> utskick.svarstoken(m, l.kallelseId(), l.sekvens())));
    if (lank.isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute(
          "meddelande",
          "Det finns ingen kallelse med den här adressen. Kontrollera att du har skrivit av"
              + " adressen rätt från kallelsen.");
      return "svar/ej-mojligt";
    }
    return "redirect:/svar/" + lank.get();
  }
}
