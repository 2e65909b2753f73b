package org.transferlake.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server for download tests: bound to 127.0.0.1 only, two threads, serving fixed bodies by path
 * (404 otherwise; {@code /slow} answers after three seconds). It stops when closed, or by itself after its
 * lifetime, so a failing test never leaves it running.
 */
public final class LocalHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;
  private final AtomicInteger requests = new AtomicInteger();

  public LocalHttpServer(Map<String, byte[]> bodies, Duration lifetime) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "test-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      String path = exchange.getRequestURI().getPath();
      try (exchange) {
        if (path.equals("/slow")) {
          Thread.sleep(3000);
        }
        byte[] body = bodies.get(path);
        exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
        if (body != null) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
    Thread guard = new Thread(() -> {
      try {
        Thread.sleep(lifetime.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      close();
    }, "test-http-guard");
    guard.setDaemon(true);
    guard.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Requests answered so far. */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
