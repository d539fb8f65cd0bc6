package se.flerpart.notifiering;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server of a test's own: it takes any number of sessions, one after another, on a thread
 * of its own; runs {@code foreSvaretPaData} when it has a mail's data and before it answers it with
 * {@code svarPaData}; answers everything else with 250. It keeps every line of the mails' data and
 * counts the sessions and those ended with {@code QUIT}. With {@code stangEfterMail} it ends each
 * session itself right after answering a mail, as a server does with a session left idle; after
 * {@link #svaraIntePaQuit} it leaves {@code QUIT} unanswered, as a server that stopped answering.
 */
final class ProvSmtp implements AutoCloseable {

  final AtomicInteger sessioner = new AtomicInteger();
  final AtomicInteger avslutade = new AtomicInteger();
  final AtomicInteger stangdaAvServern = new AtomicInteger();
  final List<String> data = Collections.synchronizedList(new ArrayList<>());
  private final ServerSocket socket;
  private final Thread trad;
  private volatile boolean tystVidQuit;
  private volatile Socket aktuell;

  ProvSmtp(String svarPaData, boolean stangEfterMail, Runnable foreSvaretPaData)
      throws IOException {
    socket = new ServerSocket(0);
    trad =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                      aktuell = s;
                      sessioner.incrementAndGet();
                      session(s, svarPaData, stangEfterMail, foreSvaretPaData);
                    } catch (SocketException e) {
                      return;
                    } catch (IOException e) {
                      // The next session.
                    }
                  }
                });
  }

  /** From now on {@code QUIT} gets no answer; the session stays open until this server closes. */
  void svaraIntePaQuit() {
    tystVidQuit = true;
  }

  int port() {
    return socket.getLocalPort();
  }

  /** The Message-ID lines of the mails received. */
  List<String> messageIds() {
    synchronized (data) {
      return data.stream().filter(rad -> rad.startsWith("Message-ID:")).toList();
    }
  }

  private void session(
      Socket s, String svarPaData, boolean stangEfterMail, Runnable foreSvaretPaData)
      throws IOException {
    var in =
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    var out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.US_ASCII);
    out.print("220 prov\r\n");
    out.flush();
    String rad;
    while ((rad = in.readLine()) != null) {
      String kommando = rad.toUpperCase(Locale.ROOT);
      if (kommando.startsWith("DATA")) {
        out.print("354 skicka\r\n");
        out.flush();
        while (!(rad = in.readLine()).equals(".")) {
          data.add(rad);
        }
        foreSvaretPaData.run();
        out.print(svarPaData + "\r\n");
        out.flush();
        if (stangEfterMail) {
          stangdaAvServern.incrementAndGet();
          return;
        }
      } else if (kommando.startsWith("QUIT") && tystVidQuit) {
        // No answer: the session is held until this server closes.
      } else if (kommando.startsWith("QUIT")) {
        avslutade.incrementAndGet();
        out.print("221 hej\r\n");
        out.flush();
        return;
      } else {
        out.print("250 ok\r\n");
        out.flush();
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    Socket s = aktuell;
    if (s != null) {
      s.close();
    }
    try {
      trad.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
