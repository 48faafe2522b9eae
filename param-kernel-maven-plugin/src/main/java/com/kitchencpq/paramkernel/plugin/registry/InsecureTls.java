package com.kitchencpq.paramkernel.plugin.registry;

import java.net.HttpURLConnection;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS that accepts any certificate and host name, like {@code --tls-verify=false} in skopeo; used
 * only when {@code paramkernel.allowInsecureRegistries=true} and the registry is https. The
 * transport's TLS code lives here, so a plain-http resolution never loads it.
 */
final class InsecureTls {
  private InsecureTls() {}

  /** Makes an https connection trust any certificate and host name. */
  static void trustAnyCertificate(HttpURLConnection connection) {
    HttpsURLConnection https = (HttpsURLConnection) connection;
    https.setSSLSocketFactory(Factory.INSTANCE);
    https.setHostnameVerifier(AnyHost.INSTANCE);
  }

  /**
   * One factory per JVM, built on first use: building a TLS context is slow, and connections are
   * only reused by the JDK when they come from the same factory.
   */
  private static final class Factory {
    static final SSLSocketFactory INSTANCE = trustAllContext().getSocketFactory();
  }

  private static final class AnyHost implements HostnameVerifier {
    static final AnyHost INSTANCE = new AnyHost();

    @Override
    public boolean verify(String hostname, SSLSession session) {
      return true;
    }
  }

  static SSLContext trustAllContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create the insecure TLS context", e);
    }
  }

  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
