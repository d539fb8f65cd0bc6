package se.flerpart.beredning;

import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.EjFunnen;

/** The beredningsgrupp's meeting days of an insats as JSON, for the administrator. */
@RestController
class BeredningsmoteApiController {

  record SchemaDto(
      String insats,
      LocalDate forstaDatum,
      LocalTime tid,
      int intervallVeckor,
      String plats,
      LocalDate nastaMote) {}

  private final Beredningsmoten moten;
  private final java.time.Clock klocka;

  BeredningsmoteApiController(Beredningsmoten moten, java.time.Clock klocka) {
    this.moten = moten;
    this.klocka = klocka;
  }

  @GetMapping("/api/admin/insatser/{kod}/beredningsmote")
  SchemaDto schema(@PathVariable String kod, @AuthenticationPrincipal Inloggning in) {
    if (!in.anvandare().harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad("Bara en administratör ser mötesschemat här.");
    }
    return moten
        .schema(kod)
        .map(this::dto)
        .orElseThrow(() -> new EjFunnen("Insatsen " + kod + " har inga mötesdagar ännu."));
  }

  @PutMapping("/api/admin/insatser/{kod}/beredningsmote")
  SchemaDto spara(
      @PathVariable String kod,
      @RequestBody(required = false) Beredningsmoten.SchemaIn schema,
      @AuthenticationPrincipal Inloggning in) {
    return dto(moten.spara(kod, schema, in.anvandare()));
  }

  private SchemaDto dto(Motesschema s) {
    return new SchemaDto(
        s.insats(),
        s.forstaDatum(),
        s.tid(),
        s.intervallVeckor(),
        s.plats(),
        s.nasta(klocka.instant()));
  }
}
