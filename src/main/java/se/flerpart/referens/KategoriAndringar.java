package se.flerpart.referens;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.referens.KategoriRepository.Kategori;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.web.EjFunnen;

/**
 * Every change of a category code, from the admin page or the API: made and announced as a {@link
 * KategoriAndrad} with the code before and after, in one transaction.
 */
@Service
class KategoriAndringar {

  private final KategoriRepository kategorier;
  private final ApplicationEventPublisher handelser;

  KategoriAndringar(KategoriRepository kategorier, ApplicationEventPublisher handelser) {
    this.kategorier = kategorier;
    this.handelser = handelser;
  }

  @Transactional
  public void lagg(Anvandare vem, Kategori k, String kod, String namn) {
    kategorier.lagg(k, kod, namn);
    handelser.publishEvent(new KategoriAndrad(vem.id(), k.name(), "SKAPAD", null, hitta(k, kod)));
  }

  @Transactional
  public void bytNamn(Anvandare vem, Kategori k, String kod, String namn) {
    KategoriRepository.Post fore = hitta(k, kod);
    kategorier.bytNamn(k, kod, namn);
    handelser.publishEvent(new KategoriAndrad(vem.id(), k.name(), "ANDRAD", fore, hitta(k, kod)));
  }

  @Transactional
  public void sattAktiv(Anvandare vem, Kategori k, String kod, boolean aktiv) {
    KategoriRepository.Post fore = hitta(k, kod);
    kategorier.sattAktiv(k, kod, aktiv);
    handelser.publishEvent(
        new KategoriAndrad(
            vem.id(), k.name(), aktiv ? "AKTIVERAD" : "INAKTIVERAD", fore, hitta(k, kod)));
  }

  @Transactional
  public void tabort(Anvandare vem, Kategori k, String kod) {
    KategoriRepository.Post fore = hitta(k, kod);
    kategorier.tabort(k, kod);
    handelser.publishEvent(new KategoriAndrad(vem.id(), k.name(), "BORTTAGEN", fore, null));
  }

  private KategoriRepository.Post hitta(Kategori k, String kod) {
    return kategorier.hitta(k, kod).orElseThrow(() -> new EjFunnen("Koden finns inte."));
  }
}
