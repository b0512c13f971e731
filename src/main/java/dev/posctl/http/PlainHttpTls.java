package dev.posctl.http;

import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context of a client that only speaks plain http (the sandbox, loopback test servers).
 * java.net.http sets up a TLS context even when no TLS is used, and the JDK's default one reads
 * the certificate store and builds every cipher suite: a fifth of a second on each run. This one
 * costs nothing and cannot open a TLS connection at all.
 */
final class PlainHttpTls {
    private PlainHttpTls() {}

    static SSLContext context() {
        return new SSLContext(new NoTls(), new Provider("posctl-no-tls", "1", "plain http only") {
            private static final long serialVersionUID = 1L;
        }, "none") { };
    }

    private static final class NoTls extends SSLContextSpi {
        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("this client speaks plain http only");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
            // nothing to set up: no TLS connection can be made
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return new SSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return new SSLParameters();
        }
    }
}
