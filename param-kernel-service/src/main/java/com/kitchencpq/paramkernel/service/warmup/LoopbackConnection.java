package com.kitchencpq.paramkernel.service.warmup;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A minimal HTTP/1.1 connection to this service itself, for the start-up warm-up's loopback
 * requests and the load benchmarks: the whole request goes out in one write on a TCP_NODELAY
 * socket, the answer is read by its Content-Length, and nothing else is done. It costs a small
 * fraction of the CPU of the JDK's clients per request, which matters twice: during the warm-up it
 * leaves the CPU to the server code being compiled, and in the benchmarks the JDK clients added
 * 0.5–1.4 ms of their own to every request measured at 20 requests/s (benchmarks/http-load.md). It
 * understands only what this service sends: a status line and headers with Content-Length,
 * optionally {@code Connection: close}; no chunked bodies, no TLS, no redirects. The warm-up job,
 * which talks to the service through the cluster, uses the JDK client instead.
 */
public final class LoopbackConnection implements WarmupRun.Connection {
  private final String host;
  private final int port;
  private final byte[] body;
  private final String extraHeaders;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  /**
   * @param host a literal address or name of this machine ({@code [..]} for IPv6)
   * @param headers added to every request (names and values must be plain ASCII)
   */
  public LoopbackConnection(String host, int port, byte[] body, Map<String, String> headers) {
    this.host = host;
    this.port = port;
    this.body = body;
    StringBuilder sb = new StringBuilder();
    headers.forEach((name, value) -> sb.append(name).append(": ").append(value).append("\r\n"));
    this.extraHeaders = sb.toString();
  }

  @Override
  public int post(String requestId) throws IOException {
    if (socket == null) {
      Socket s = new Socket();
      try {
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 5_000);
        s.setSoTimeout(20_000);
        out = s.getOutputStream();
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
      } catch (IOException e) {
        s.close();
        throw e;
      }
      socket = s;
    }
    try {
      byte[] head =
          ("POST /v1/apply-delta HTTP/1.1\r\nHost: "
                  + host
                  + ":"
                  + port
                  + "\r\nContent-Type: application/json\r\nX-Request-Id: "
                  + requestId
                  + "\r\n"
                  + extraHeaders
                  + "Content-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      byte[] request = new byte[head.length + body.length];
      System.arraycopy(head, 0, request, 0, head.length);
      System.arraycopy(body, 0, request, head.length, body.length);
      out.write(request);
      out.flush();
      return readAnswer();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private int readAnswer() throws IOException {
    String statusLine = readLine();
    int status;
    try {
      status = Integer.parseInt(statusLine.substring(9, 12));
    } catch (RuntimeException e) {
      throw new IOException("not an HTTP/1.1 status line: " + statusLine, e);
    }
    int length = -1;
    boolean close = false;
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IOException("not an HTTP header line: " + line);
      }
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        try {
          length = Integer.parseInt(value);
        } catch (NumberFormatException e) {
          throw new IOException("bad Content-Length: " + value, e);
        }
      } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
        close = true;
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        throw new IOException("chunked answers are not supported by the loopback client");
      }
    }
    if (length < 0) {
      throw new IOException("answer without Content-Length");
    }
    if (in.readNBytes(length).length != length) {
      throw new EOFException("answer body cut short");
    }
    if (close) {
      close();
    }
    return status;
  }

  private String readLine() throws IOException {
    StringBuilder sb = new StringBuilder(64);
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
      socket = null;
    }
  }
}
